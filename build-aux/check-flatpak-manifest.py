#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests: a pinned stable org.gnome.Platform, no host
file system (documents go through the portals), no network, local sources,
and the .Devel manifest building the development app id.

    check-flatpak-manifest.py MANIFEST...
"""
import json
import os
import re
import sys

problems = []


def check(manifest_path):
    def fail(what):
        problems.append(f"{manifest_path}: {what}")

    with open(manifest_path, encoding="utf-8") as f:
        m = json.load(f)
    app_id = m.get("id") or m.get("app-id")
    if os.path.basename(manifest_path) != f"{app_id}.json":
        fail(f"named after {app_id!r}?")
    if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
        fail("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if not re.fullmatch(r"\d+(\.\d+)?", str(m.get("runtime-version", ""))):
        fail(f"runtime-version {m.get('runtime-version')!r} is not a pinned stable branch")
    for arg in m.get("finish-args", []):
        if arg.startswith("--filesystem"):
            fail(f"{arg}: files come through the portals, not the host file system")
        if arg == "--share=network":
            fail("--share=network: Gloss works offline")
        if arg.startswith("--talk-name=org.freedesktop.Flatpak"):
            fail(f"{arg}: escapes the sandbox")
    gloss = [mod for mod in m.get("modules", []) if isinstance(mod, dict) and mod.get("name") == "gloss"]
    if not gloss:
        fail("no gloss module")
        return
    opts = gloss[0].get("config-opts", [])
    devel = app_id.endswith(".Devel")
    if devel != ("-Ddevelopment=true" in opts):
        fail(f"app id {app_id} but config-opts {opts}")
    for source in gloss[0].get("sources", []):
        if source.get("type") not in ("dir", "file", "patch"):
            fail(f"source of type {source.get('type')!r} downloads; keep sources local")


for path in sys.argv[1:]:
    check(path)
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
