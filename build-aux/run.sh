#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Gloss if needed and run the window from the build tree, with the
# build's compiled GSettings schema (meson devenv), nothing installed.
#
#   build-aux/run.sh [FILE...]     e.g. data/samples/kim-putin-vostochny.txt
#
# The build directory is build/ at the top of the source tree, or
# $GLOSS_BUILDDIR. Relative FILEs are taken from the current directory.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${GLOSS_BUILDDIR:-$root/build}

if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup "$builddir" "$root"
fi
meson compile -C "$builddir"
exec meson devenv -C "$builddir" -w "$PWD" gloss "$@"
