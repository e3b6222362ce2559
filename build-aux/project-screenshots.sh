#!/bin/sh
# Write data/screenshots/project-{new,suggestions,done,export}-{light,dark}.png
# and project-{new,done}-de.png: the five-article project of
# tests/ui/gloss-project-tour.c (New Project…, tagging, Ctrl+Return, Export…
# with a split), run three times: light, dark, German.
# Usage: build-aux/project-screenshots.sh [BUILDDIR]   (needs ../shared/corpora)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$srcdir/build}
outdir=$srcdir/data/screenshots
corpora=${GLOSS_CORPORA_DIR:-$srcdir/../shared/corpora}
[ -d "$corpora" ] || corpora=$srcdir/../../shared/corpora
"$srcdir/build-aux/configure.sh" "$builddir"
meson compile -C "$builddir" gloss-project-tour gloss-gmo >/dev/null
export GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 GTK_A11Y=none LC_ALL=C.UTF-8
export GLOSS_SAMPLES_DIR="$srcdir/data/samples" GLOSS_CORPORA_DIR="$corpora" GLOSS_TOUR_SHOTS="$outdir"
tour () {
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp -noreset" dbus-run-session -- \
    "$builddir/tests/ui/gloss-project-tour"
}
GLOSS_TOUR_SUFFIX=-light ADW_DEBUG_COLOR_SCHEME=prefer-light tour
GLOSS_TOUR_SUFFIX=-dark ADW_DEBUG_COLOR_SCHEME=prefer-dark tour
GLOSS_TOUR_SUFFIX=-de ADW_DEBUG_COLOR_SCHEME=prefer-light LANGUAGE=de GLOSS_LOCALEDIR="$builddir/po" tour
# Only two German shots are kept.
rm -f "$outdir/project-suggestions-de.png" "$outdir/project-export-de.png"
