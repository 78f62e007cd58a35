#!/usr/bin/env bash
# Make sure the Debian packages the app (or its tests) need are installed.
# Usage: scripts/system-packages.sh run|test
# As root it installs what is missing; otherwise it uses `sudo -n` when allowed,
# and if neither works it stops with the exact command to run.
set -euo pipefail

runtime=(python3 python3-venv libzbar0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0
         libfontconfig1 libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
         libxcb-render-util0 libxcb-shape0 fonts-wqy-microhei)
testing=(postgresql poppler-utils xvfb xauth fonts-urw-base35)

wanted=("${runtime[@]}")
[ "${1:-run}" = test ] && wanted+=("${testing[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian system: install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo >&2
  echo "These system packages are missing and this user cannot install them." >&2
  echo "Ask an administrator to run:" >&2
  echo >&2
  echo "    sudo apt-get install -y ${missing[*]}" >&2
  echo >&2
  echo "then run the same make command again." >&2
  exit 1
fi
