#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a file with translatable strings is missing from POTFILES.in,
or when POTFILES.in names a file that does not exist.

    check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
MARKS = re.compile(r'\b(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"|translatable="yes"')
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

problems = [f"{name}: listed in po/POTFILES.in but missing" for name in sorted(listed)
            if not os.path.isfile(os.path.join(root, name))]
for top in ("src", "data"):
    for folder, dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith((".c", ".ui", ".in", ".xml")):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if (MARKS.search(text) or "<_" in text) and rel not in listed:
                problems.append(f"{rel}: has translatable strings but is not in po/POTFILES.in")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
