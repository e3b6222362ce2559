#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configure a build directory the one way every script here uses, so that
# run.sh, test.sh and screenshots.sh share build/ without rebuilding it:
#
#   build-aux/configure.sh BUILDDIR [MESON_OPTION...]
#
# A new directory gets -Dwerror=true (unless an option sets werror) and the
# options given. An existing one is left as it is, or reconfigured when
# options are given.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=$1
shift
options=("$@")

if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if [ ${#options[@]} -gt 0 ]; then
    meson setup --reconfigure "$builddir" "$root" "${options[@]}"
  fi
  exit 0
fi
case " ${options[*]-} " in
  *-Dwerror=*) ;;
  *) options+=(-Dwerror=true) ;;
esac
meson setup "$builddir" "$root" "${options[@]}"
