#!/usr/bin/env bash
# Installs the system libraries the studio window needs on Debian/Ubuntu when they are missing:
# JavaFX's Linux windowing uses GTK 3 and a few X11 libraries. The command line needs none of them, and the
# test suite needs none either (it uses JavaFX's headless platform). Native maths libraries (OpenBLAS, ARPACK,
# XGBoost, PyTorch) are bundled in Atelier's jars and never installed here (docs/adr/0006).
#   packaging/setup/install-runtime-deps.sh           install what is missing (needs root or sudo)
#   packaging/setup/install-runtime-deps.sh --check   exit 0 if nothing is missing, 1 otherwise
set -euo pipefail

# library soname -> Debian package
declare -A NEEDED=(
  [libgtk-3.so.0]=libgtk-3-0
  [libXtst.so.6]=libxtst6
  [libXxf86vm.so.1]=libxxf86vm1
  [libasound.so.2]=libasound2
)

missing=()
known=$(ldconfig -p 2>/dev/null || true)
for lib in "${!NEEDED[@]}"; do
  if ! grep -qF "$lib" <<<"$known"; then
    missing+=("${NEEDED[$lib]}")
  fi
done
# A font, or every label renders as boxes.
if [ -z "$(fc-list 2>/dev/null || true)" ]; then
  missing+=(fonts-dejavu-core fontconfig)
fi

if [ "${1:-}" = "--check" ]; then
  [ ${#missing[@]} -eq 0 ]
  exit
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "Atelier: every system library the studio needs is installed."
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Atelier: please install these packages as root: ${missing[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Atelier: this script knows Debian/Ubuntu only; please install GTK 3 and these libraries: ${missing[*]}" >&2
  exit 1
fi
echo "Atelier: installing ${missing[*]} ..."
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
