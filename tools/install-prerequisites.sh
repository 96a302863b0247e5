#!/usr/bin/env bash
# Installs what the build and tests need beyond the .NET SDK: Node's packages for webresources/
# (exact versions from package-lock.json) and Debian's Chromium for the browser tests.
# Idempotent: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20.19+ with npm is required for webresources/." >&2; exit 1; }

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is required at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

if [ ! -d webresources/node_modules ] || [ webresources/package-lock.json -nt webresources/node_modules ]; then
  (cd webresources && npm ci --no-audit --no-fund)
fi
