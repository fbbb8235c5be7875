#!/usr/bin/env bash
# First step of `npm test`: what the suites need from the machine, checked in a second, so a fresh
# Debian machine never fails in the middle of a suite. As root it installs what is missing
# (Debian's chromium and the CJK fonts the screenshots need), as .ci/run used to; otherwise it stops
# at once with the one command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Where test/e2e launches the browser from (never a browser downloaded by a test tool).
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "preflight: Node.js $major found; this project needs Node.js 20 (see README, Set-up)." >&2
  exit 1
fi

if [ ! -x node_modules/.bin/jest ] || [ ! -x node_modules/.bin/taro ]; then
  echo "preflight: dependencies are not installed. Run: npm install --no-audit --no-fund" >&2
  exit 1
fi

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if command -v dpkg-query >/dev/null 2>&1; then
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "preflight: the browser tests need ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "preflight: installing ${missing[*]} with apt-get …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "preflight: apt-get finished but $CHROMIUM is still missing. Run: apt-get install -y chromium" >&2
  exit 1
fi
