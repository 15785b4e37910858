#!/usr/bin/env bash
# Renders the README's pictures (docs/summary.png, docs/comment.png, docs/compare-comment.png,
# docs/risk-summary.png)
# from the sample reports: installs Debian's chromium and the fonts it needs if missing, then
# runs scripts/screenshots.ts. Run as root on Debian (apt-get), or with chromium already there.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: npm run screenshots        (bash scripts/screenshots.sh)

Renders the README's pictures (docs/summary.png, docs/comment.png, docs/compare-comment.png,
docs/risk-summary.png) from the sample reports with headless Chromium, and the HTML they were taken from
(docs/screenshots/). Installs Debian's chromium and fonts when missing (as root).

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "screenshots.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."

# Noto Sans is what GitHub's font stack falls back to on Linux; Liberation Mono is in its
# monospace stack; the colour emoji font draws the severity circles (🔴 🟠 …) instead of boxes.
packages=(chromium fonts-noto-core fonts-liberation2 fonts-noto-color-emoji)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "screenshots: missing ${missing[*]}; install them as root (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "screenshots: apt-get install ${missing[*]} (log: /tmp/ecr-bsp-screenshots-apt.log)"
  # NEEDRESTART_SUSPEND: needrestart's apt hook has nothing to restart for fonts and a browser.
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
    > /tmp/ecr-bsp-screenshots-apt.log 2>&1 || { tail -n 30 /tmp/ecr-bsp-screenshots-apt.log >&2; echo "screenshots: apt-get install failed" >&2; exit 1; }
fi

bash scripts/npm-ci.sh
exec node_modules/.bin/tsx scripts/screenshots.ts
