#!/usr/bin/env bash
# Renders the README's pictures (docs/summary.png, docs/comment.png, docs/compare-comment.png)
# from the sample reports: installs Debian's chromium and the fonts it needs if missing, then
# runs scripts/screenshots.ts. Run as root on Debian (apt-get), or with chromium already there.
set -euo pipefail
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
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ ! -x node_modules/.bin/tsx ]; then
  npm ci --no-audit --no-fund
fi
exec node_modules/.bin/tsx scripts/screenshots.ts "$@"
