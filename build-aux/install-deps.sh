#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install everything Gloss needs to build, run and test on Debian 12 or
# later, or Ubuntu 23.04 or later. The one list of dependencies: .ci/run
# calls this script too.
#
#   build-aux/install-deps.sh           build, run and test
#   build-aux/install-deps.sh --fuzz    also libFuzzer, for -Dfuzzing=true
set -euo pipefail

packages=(
  # build
  build-essential
  gcc
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libjson-glib-dev
  libgtk-4-dev
  libgtk-4-bin
  libadwaita-1-dev
  # the second compiler CI builds with (-Dwerror=true)
  clang
  # data files and their checks
  desktop-file-utils
  appstream
  shared-mime-info
  python3
  python3-jsonschema
  # real readers of the dataset formats in the tests
  python3-nltk
  python3-rdflib
  python3-pyld
  groff-base
  # running the window and the UI tests headless
  xvfb
  xauth
  libxtst-dev
  dbus
  dbus-x11
  at-spi2-core
  python3-pyatspi
  gsettings-desktop-schemas
  libgl1-mesa-dri
  fonts-cantarell
  fonts-dejavu-core
  adwaita-icon-theme
  librsvg2-common
  imagemagick
  # meson test --setup valgrind (docs/safety.md)
  valgrind
  # real key and pointer events in the UI tests (XTest; test-only)
  libxtst-dev
)

for arg in "$@"; do
  case "$arg" in
    --fuzz) packages+=(libclang-rt-dev) ;;
    *) echo "usage: $0 [--fuzz]" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "install-deps.sh: run as root or install sudo" >&2
  exit 1
fi

# Wait for another apt (unattended-upgrades on a fresh machine) rather than
# fail at once on its lock.
apt=(apt-get -o DPkg::Lock::Timeout=600)
"${sudo[@]}" "${apt[@]}" update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  "${apt[@]}" install -y --no-install-recommends "${packages[@]}"
