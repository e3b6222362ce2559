#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a translation leaves a message of the sources untranslated
(or fuzzy): the strings are extracted from POTFILES.in as meson's
`glib` preset extracts them, merged into LANG.po, and what has no
translation is listed.

    check-translated.py SOURCE_ROOT LANG
"""
import os
import subprocess
import sys
import tempfile

root, lang = sys.argv[1], sys.argv[2]
KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
            "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
            "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
            "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format"]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "gloss.pot")
    merged = os.path.join(tmp, lang + ".po")
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=gloss",
                    "--files-from=" + os.path.join(root, "po", "POTFILES.in"), "--directory=" + root,
                    "--output=" + pot] + KEYWORDS, check=True)
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file=" + merged,
                    os.path.join(root, "po", lang + ".po"), pot], check=True)
    missing = subprocess.run(["msgattrib", "--untranslated", "--no-wrap", merged],
                             check=True, capture_output=True, text=True).stdout
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-wrap", merged],
                           check=True, capture_output=True, text=True).stdout

ids = [line for line in (missing + fuzzy).splitlines()
       if line.startswith("msgid ") and line != 'msgid ""']
for line in ids:
    print(f"po/{lang}.po: no translation for {line[6:]}")
sys.exit(1 if ids else 0)
