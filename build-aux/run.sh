#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Gloss if needed and run the window from the build tree, with the
# build's compiled GSettings schema (meson devenv), nothing installed.
#
#   build-aux/run.sh [FILE...]     e.g. data/samples/kim-putin-vostochny.gloss
#
# The build directory is build/ at the top of the source tree, or
# $GLOSS_BUILDDIR, configured as test.sh does (build-aux/configure.sh), so
# the two share one build. Relative FILEs are taken from the current directory.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${GLOSS_BUILDDIR:-$root/build}

"$root/build-aux/configure.sh" "$builddir"
meson compile -C "$builddir"
exec meson devenv -C "$builddir" -w "$PWD" gloss "$@"
