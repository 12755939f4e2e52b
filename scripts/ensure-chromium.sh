#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the browser tests and the
# benchmarks run in it, and no test tool may download a browser of its own.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
echo "Chromium not found at $path; installing Debian's chromium package." >&2
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "error: need root (or sudo) to install chromium, or set CHROMIUM_PATH." >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
[ -x "$path" ] || { echo "error: chromium installed but $path is missing; set CHROMIUM_PATH." >&2; exit 1; }
