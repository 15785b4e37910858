#!/usr/bin/env bash
# The demo from a fresh machine: installs npm packages and the local stack, starts the stack,
# then runs the action on examples/retail-api (build, push, scan, gate, report).
set -euo pipefail
cd "$(dirname "$0")/.."
lock_hash=$(sha256sum package-lock.json | cut -c1-64)
if [ "$(cat node_modules/.ecr-bsp-lock 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.ecr-bsp-lock
fi
bash scripts/stack/start.sh
exec node_modules/.bin/tsx scripts/demo.ts
