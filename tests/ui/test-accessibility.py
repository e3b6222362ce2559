#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader sees it, through AT-SPI (pyatspi).

    test-accessibility.py GLOSS SAMPLE.gloss

Starts GLOSS on SAMPLE.gloss (the annotated sample) with the accessibility
bus on, walks the window's accessibility tree and checks that every button
has a name a person can understand (not empty, not a widget's type name),
that the entries and the article have names, and that the article's
accessible description tells the annotation under the caret as the caret
moves. Exit status 77 (a skip) without a display or without pyatspi.
Run it under dbus-run-session: the accessibility bus is found through the
session bus.

The test holds a connection to the X server from its first line to its
last. An X server started without -noreset (as xvfb-run starts Xvfb)
resets whenever its last client disconnects: it drops the root window's
properties and, while it resets, refuses new connections. Here the last
client is often at-spi-bus-launcher, which connects only to write the
accessibility bus's address into AT_SPI_BUS, or libatspi, which connects
only to read it; gloss, starting at that moment, failed with "cannot open
display" (on a loaded machine the reset is slow enough for that to happen
most times).
"""

import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import tempfile
import time

# The warnings of libatspi (this side, e.g. a cache it cannot read from an
# application still starting) are not the application's: G_DEBUG is kept
# for gloss only.
if "G_DEBUG" in os.environ:
    os.environ["GLOSS_TEST_APP_G_DEBUG"] = os.environ.pop("G_DEBUG")
    os.execv(sys.executable, [sys.executable] + sys.argv)

if not os.environ.get("DISPLAY"):
    print("no display: skipped")
    sys.exit(77)
xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
HELD_DISPLAY = xlib.XOpenDisplay(None)  # never closed: see the module's comment
if not HELD_DISPLAY:
    sys.exit("cannot open the display %s" % os.environ["DISPLAY"])
try:
    import pyatspi
except ImportError:
    print("python3-pyatspi is missing: skipped")
    sys.exit(77)

DEADLINE = 120  # seconds, for a loaded machine and sanitizer builds
TYPE_NAME = re.compile(r"^(Gtk|Adw|Gloss)[A-Z]")
BUTTONS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
           pyatspi.ROLE_RADIO_BUTTON)
failures = []


def wait_for(what, condition):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    sys.exit(f"timed out waiting for {what}; on the bus: {describe_desktop()}")


def describe_desktop():
    seen = []
    try:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None:
                seen.append("%r with %d children" % (app.name, app.childCount))
    except Exception as error:  # a diagnosis only: say what failed
        seen.append("(%s)" % error)
    return ", ".join(seen) or "no application"


def walk(accessible):
    yield accessible
    for i in range(accessible.childCount):
        child = accessible.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "gloss" and app.childCount > 0:
            return app
    return None


def find_article(app):
    for accessible in walk(app):
        if accessible.getRole() == pyatspi.ROLE_TEXT and accessible.name == "Article":
            text = accessible.queryText()
            if text.characterCount > 1000:
                return accessible
    return None


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def main():
    gloss, sample = sys.argv[1:3]
    env = dict(os.environ)
    for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
        env.pop(name, None)
    if "GLOSS_TEST_APP_G_DEBUG" in env:
        env["G_DEBUG"] = env.pop("GLOSS_TEST_APP_G_DEBUG")
    home = tempfile.mkdtemp(prefix="gloss-a11y-")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(home, name.lower())
    app_process = subprocess.Popen([gloss, sample], env=env)
    try:
        def started():
            if app_process.poll() is not None:
                sys.exit("gloss exited with status %d before it showed up" % app_process.returncode)
            return find_app()

        app = wait_for("the gloss application on the accessibility bus", started)
        article = wait_for("the article's text", lambda: find_article(app))
        # The text shows while the annotations load; what follows is about
        # the document once they are in.
        wait_for("the annotations", lambda: not any(a.name == "Loading annotations" for a in walk(app)))

        frames = [a for a in walk(app) if a.getRole() == pyatspi.ROLE_FRAME]
        check(any("kim-putin-vostochny.gloss" in f.name for f in frames),
              "the window is a frame named after the document: %s" % [f.name for f in frames])

        buttons = [a for a in walk(app) if a.getRole() in BUTTONS]
        check(len(buttons) >= 20, "%d buttons in the window" % len(buttons))
        for button in buttons:
            name = button.name.strip()
            check(name != "" and not TYPE_NAME.match(name),
                  "%s named %r (tooltip %r)" % (button.getRoleName(), name, button.description))

        # Reachable by keyboard: every enabled button takes the focus (Tab
        # reaches it). A menu button is two, a wrapper and the toggle in it
        # that takes the focus, both with its name.
        focusable = {}
        for button in buttons:
            states = button.getState()
            if states.contains(pyatspi.STATE_SENSITIVE):
                name = button.name.strip()
                focusable[name] = focusable.get(name, False) or states.contains(pyatspi.STATE_FOCUSABLE)
        for name, ok in sorted(focusable.items()):
            check(ok, "%r can take the keyboard focus" % name)

        entries = [a for a in walk(app) if a.getRole() == pyatspi.ROLE_ENTRY]
        check(len(entries) >= 2, "%d entries" % len(entries))
        for entry in entries:
            check(entry.name.strip() != "" and not TYPE_NAME.match(entry.name),
                  "entry named %r" % entry.name)

        text = article.queryText()
        content = text.getText(0, -1)
        for needle, described in (("Kim Jong Un", "Person · Kim Jong Un"),
                                  ("I firmly believe", "Quote · Kim Jong Un"),
                                  ("Vostochny Cosmodrome", "Facility · Vostochny Cosmodrome")):
            offset = content.index(needle) + 2
            check(text.setCaretOffset(offset), "caret moved to %d (%s)" % (offset, needle))
            got = wait_for("the description at %r" % needle,
                           lambda: described in article.description and article.description)
            check(described in got, "caret in %r: description %r" % (needle, got))
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app_process.kill()
    if failures:
        sys.exit("%d accessibility problems:\n  %s" % (len(failures), "\n  ".join(failures)))


if __name__ == "__main__":
    main()
