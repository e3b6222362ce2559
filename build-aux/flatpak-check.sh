#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Check an installed Gloss Flatpak the way a user meets it, inside the
# sandbox (no --filesystem permission), on a private X server and session
# bus:
#
#   build-aux/flatpak-check.sh [APP_ID]
#
# 1. `flatpak run --file-forwarding APP_ID @@ FILE @@`: the host copy of the
#    annotated sample is handed to the app through the document portal, as
#    a file manager's "Open With" does; the window must show it.
# 2. A key press tags a word ("limousine", key 6: Equipment) and Ctrl+S
#    saves in place, through the portal: the host file must now hold the new
#    mention and still be a valid .gloss (gloss-cli validate in the sandbox
#    and build-aux/validate-gloss.py on the host).
# 3. Ctrl+E exports: the file chooser is the portal's (xdg-desktop-portal
#    with its GTK backend, driven with xdotool: a path typed, Enter); the
#    exported JSONL must appear on the host with the new mention in it.
# 4. gloss-cli validates the saved file inside the sandbox; on the host,
#    build-aux/validate-gloss.py checks it and the exported JSONL is read.
#
# Needs xvfb-run, dbus-run-session, xdotool, xdg-desktop-portal,
# xdg-desktop-portal-gtk and FUSE (for the document portal). Key presses
# go to the window by its title, with generous waits for each step.
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=${1:-io.github.glossapp.Gloss}
for tool in flatpak xvfb-run dbus-run-session xdotool; do
  command -v "$tool" >/dev/null || { echo "flatpak-check: $tool is missing" >&2; exit 1; }
done
[ -e /usr/libexec/xdg-document-portal ] ||
  { echo "flatpak-check: apt-get install xdg-desktop-portal xdg-desktop-portal-gtk" >&2; exit 1; }

# flatpak shows the sandbox the document portal's files under
# /run/user/UID/doc: the portal must mount there, so XDG_RUNTIME_DIR must be
# that folder (a root shell without a login session has none).
export XDG_RUNTIME_DIR=/run/user/$(id -u)
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

work=$(mktemp -d /tmp/gloss-flatpak-check-XXXXXX)
cp data/samples/kim-putin-vostochny.gloss "$work/sample.gloss"
export GLOSS_CHECK_WORK=$work GLOSS_CHECK_APP=$app_id
echo "== flatpak-check: $app_id in $work"

# The session: its own bus (portals start on demand) and X display.
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash -euo pipefail -c '
  work=$GLOSS_CHECK_WORK app=$GLOSS_CHECK_APP
  export XDG_CURRENT_DESKTOP=GNOME GTK_USE_PORTAL=1

  wait_for () {  # SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2; shift 2
    local end=$((SECONDS + limit))
    until "$@" >/dev/null 2>&1; do
      if [ $SECONDS -ge $end ]; then
        echo "flatpak-check: timed out: $what (the screen: $work/timeout.png)" >&2
        import -window root "$work/timeout.png" 2>/dev/null || true
        return 1
      fi
      sleep 0.5
    done
  }

  flatpak run --file-forwarding "$app" @@ "$work/sample.gloss" @@ >"$work/app.log" 2>&1 &
  app_pid=$!
  trap "flatpak kill $app 2>/dev/null || true; kill $app_pid 2>/dev/null || true" EXIT
  # fusermount on the way out: the document portal dies with this bus.

  echo "-- 1. the window shows the file from the document portal"
  wait_for 120 "the window titled sample.gloss" xdotool search --onlyvisible --name "sample.gloss"
  win=$(xdotool search --onlyvisible --name "sample.gloss" | head -1)
  # No window manager: give it the focus (until X says it has it), then
  # type (XTEST, real key events) once the article has been laid out.
  focus () { xdotool windowfocus --sync "$1" 2>/dev/null; [ "$(xdotool getwindowfocus)" = "$1" ]; }
  wait_for 60 "the focus on the window" focus "$win"
  sleep 5

  echo "-- 2. tag a word and save in place"
  xdotool key ctrl+f; sleep 1
  xdotool type --delay 50 "limousine"; sleep 1
  xdotool key Return; sleep 1
  xdotool key Escape; sleep 1
  xdotool key 6; sleep 1
  xdotool key ctrl+s
  wait_for 60 "the saved file on the host" grep -q "\"text\": \"limousine\"" "$work/sample.gloss"
  echo "   the host file has the new mention"

  echo "-- 3. export through the portal file chooser"
  xdotool key ctrl+e
  wait_for 60 "the portal file chooser" xdotool search --onlyvisible --name "Export Document"
  chooser=$(xdotool search --onlyvisible --name "Export Document" | head -1)
  wait_for 60 "the focus on the file chooser" focus "$chooser"
  sleep 3
  xdotool key ctrl+a
  xdotool type --delay 30 "$work/exported.jsonl"; sleep 1
  xdotool key Return
  wait_for 60 "the exported file on the host" grep -q "limousine" "$work/exported.jsonl"
  echo "   the host has exported.jsonl with the new mention"

  echo "-- 4. gloss-cli in the sandbox validates the saved file (through the portal too)"
  flatpak run --command=gloss-cli --file-forwarding "$app" validate -v @@ "$work/sample.gloss" @@
'

fusermount -u "$XDG_RUNTIME_DIR/doc" 2>/dev/null || true
echo "-- 5. the files on the host"
if python3 -c "import jsonschema" 2>/dev/null; then
  ./build-aux/validate-gloss.py "$work/sample.gloss"
fi
python3 - "$work/exported.jsonl" <<'PY'
import json, sys
# The export dialog's default format; whichever it is, one document a line
# with its text, and a span (start/end or start_offset/end_offset, code
# points by default) that is the newly tagged "limousine".
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(docs) == 1, len(docs)
text = docs[0]["text"]
def spans(value):
    if isinstance(value, dict):
        for s, e in (("start", "end"), ("start_offset", "end_offset")):
            if isinstance(value.get(s), int) and isinstance(value.get(e), int):
                yield value[s], value[e]
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans(v)
found = [(s, e) for s, e in spans(docs[0]) if text[s:e] == "limousine"]
assert found, "no span of 'limousine' in the export"
print(f"{sys.argv[1]}: one document, the new mention at {found[0]}")
PY
flatpak run --command=gloss-cli "$app_id" --version
echo "== flatpak-check: ok ($work)"
