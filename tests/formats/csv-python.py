#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's csv module reads gloss-cli's CSV of mentions.

Usage: csv-python.py GLOSS-CLI DOC.gloss...

Each document is exported with `gloss-cli export --format csv`; every row
read by csv.DictReader must give the document's text at its offsets (code
points), and the rows must be the mentions' fragments, one each.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile


def check(cli, path, tmp):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    text = doc['document']['text']
    out = os.path.join(tmp, os.path.basename(path) + '.csv')
    r = subprocess.run([cli, 'export', '--format', 'csv', path, '-o', out, '--force'],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr
    with open(out, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    kb = {e['id']: e.get('kb', '') for e in doc.get('entities', [])}
    expected = sorted((m['id'], s['start'], s['end'], m['type'], m.get('entity', ''), kb.get(m.get('entity'), ''))
                      for m in doc['mentions'] for s in m['spans'])
    got = []
    for row in rows:
        start, end = int(row['start']), int(row['end'])
        assert text[start:end] == row['text'], (row, text[start:end])
        assert row['document'] == doc['document']['id']
        got.append((row['mention'], start, end, row['type'], row['entity'], row['kb']))
    assert sorted(got) == expected, (len(got), len(expected))
    print(f'{path}: {len(rows)} rows, each matching the text (Python csv)')


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for path in sys.argv[2:]:
            check(cli, os.path.abspath(path), tmp)


if __name__ == '__main__':
    main()
