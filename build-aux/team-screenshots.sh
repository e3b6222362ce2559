#!/bin/sh
# Write data/screenshots/team-{statistics,agreement,curation}-{light,dark,de}.png:
# the team windows of a project of the sample annotated by two people.
# Usage: build-aux/team-screenshots.sh [BUILDDIR]   (build/ by default)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$srcdir/build}
outdir=$srcdir/data/screenshots
mkdir -p "$outdir"
export GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1
export GLOSS_SAMPLES_DIR="$srcdir/data/samples"
export XDG_DATA_HOME="$builddir/screenshots-data"
mkdir -p "$XDG_DATA_HOME"
"$srcdir/build-aux/configure.sh" "$builddir"
meson compile -C "$builddir" team-screenshots gloss-gmo >/dev/null
shoot () {
  xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
    "$builddir/tests/ui/team-screenshots" "$outdir" "$1"
}
shoot light
shoot dark
LC_ALL=C.UTF-8 LANGUAGE=de GLOSS_LOCALEDIR="$builddir/po" shoot de
