#!/bin/sh
# Write data/screenshots/main-{light,dark,narrow}.png and claim-light.png and
# relation-{light,dark,narrow}.png (a selected relation with its arc) from a build of Gloss.
# Usage: build-aux/screenshots.sh [BUILDDIR]   (build/ by default, configured
# like run.sh and test.sh do; GLOSS_MEASURE=1 also times
# the window with 10,000 generated mentions)
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$srcdir/build}
outdir=$srcdir/data/screenshots
mkdir -p "$outdir"
export GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1
# The user's recent files stay out of it (and out of the shots).
export XDG_DATA_HOME="$builddir/screenshots-data"
mkdir -p "$XDG_DATA_HOME"
"$srcdir/build-aux/configure.sh" "$builddir"
meson compile -C "$builddir" gloss-screenshots >/dev/null
meson compile -C "$builddir" gloss-gmo >/dev/null
shoot () {
  xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
    "$builddir/tests/ui/gloss-screenshots" "$1"
}
shoot "$outdir"

# The main window in German, in high contrast and with 200% text (the
# system's text scaling): main-light-{de,high-contrast,large-text}.png.
variants=$(mktemp -d)
for variant in de high-contrast large-text; do
  mkdir -p "$variants/$variant"
  case $variant in
    de) LC_ALL=C.UTF-8 LANGUAGE=de GLOSS_LOCALEDIR="$builddir/po" shoot "$variants/$variant" ;;
    high-contrast) ADW_DEBUG_HIGH_CONTRAST=1 shoot "$variants/$variant" ;;
    large-text) GLOSS_XFT_DPI=192 shoot "$variants/$variant" ;;
  esac
  # (at 200% text the narrow shot does not render; main-light.png does)
  cp "$variants/$variant/main-light.png" "$outdir/main-light-$variant.png"
done
cp "$variants/de/claim-light.png" "$outdir/claim-light-de.png"
cp "$variants/de/export-light.png" "$outdir/export-light-de.png"
rm -rf "$variants"
