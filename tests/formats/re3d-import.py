#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""re3d (Dstl's defence news corpus, in ../shared/corpora) through
gloss-cli import: its documents and entities written as one Gloss dataset
(version 2, every entity's value as its span's text), then imported. The
corpus has five upstream defects (a value with a space where the text has a
line break, straight quotes where the text has curly ones): one run must
list all five, with file, line and path, and write nothing; with
--skip-invalid the other documents are written.

    re3d-import.py GLOSS_CLI CORPORA_DIR...

TAP output; a TAP skip (exit 0) when no corpora folder is there."""
import glob
import re
import json
import os
import subprocess
import sys
import tempfile

cli, *candidates = sys.argv[1:]
root = next((c for c in candidates if os.path.isdir(os.path.join(c, 're3d'))), None)
if root is None:
    print('1..0 # SKIP no re3d corpus in ' + ', '.join(candidates))
    sys.exit(0)
n = 0


def ok(cond, name, detail=''):
    global n
    n += 1
    print(('ok' if cond else 'not ok') + f' {n} - {name}')
    if not cond:
        for line in str(detail).splitlines()[:40]:
            print('# ' + line)
        print(f'1..{n}')
        sys.exit(1)


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


records = []
for folder in sorted(glob.glob(os.path.join(root, 're3d', '*', ''))):
    docs = read_lines(os.path.join(folder, 'documents.json'))
    entities = read_lines(os.path.join(folder, 'entities.json'))
    by_doc = {}
    for e in entities:
        by_doc.setdefault(e['documentId'], []).append(e)
    for d in docs:
        mentions = [{'id': f'm{i + 1}', 'label': e['type'],
                     'spans': [{'start': e['begin'], 'end': e['end'], 'text': e['value']}],
                     'entity': None, 'status': 'accepted', 'note': None, 'attrs': {}}
                    for i, e in enumerate(sorted(by_doc.get(d['_id'], []),
                                                 key=lambda e: (e['begin'], e['end'], e['_id'])))]
        records.append({'version': 2, 'id': d['_id'], 'title': d.get('title'),
                        'source': d.get('sourceUrl'), 'language': 'en', 'offsets': 'codepoints',
                        'text': d['text'], 'meta': {}, 'mentions': mentions,
                        'entities': [], 'claims': [], 'relations': []})

ok(len(records) == 88, f'88 documents read from {root}/re3d', len(records))
n_mentions = sum(len(r['mentions']) for r in records)
ok(n_mentions == 3815, '3,815 entities', n_mentions)

with tempfile.TemporaryDirectory() as tmp:
    dataset = os.path.join(tmp, 're3d.jsonl')
    with open(dataset, 'w', encoding='utf-8') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    line_of = {r['id']: i + 1 for i, r in enumerate(records)}

    out = os.path.join(tmp, 'out')
    run = subprocess.run([cli, 'import', '--format', 'jsonl', dataset, '-o', out],
                         capture_output=True, text=True)
    ok(run.returncode == 1, 'exit status 1', run.stderr)
    ok(not os.path.exists(out), 'nothing written', os.listdir(tmp))
    pattern = re.compile('^' + re.escape(dataset) + r':(\d+): mentions\[\d+\]\.spans\[0\]: text “.*” does not match')
    problems = [m for m in map(pattern.match, run.stderr.splitlines()) if m]
    ok(len(problems) == 5, 'one run lists all five upstream defects, one line each', run.stderr)
    docs = sorted(records[int(m.group(1)) - 1]['id'][:8] for m in problems)
    ok(docs == ['1101048768E5'[:8]] * 2 + ['6874F49C', 'E9035FF1', 'F7AC57DB'],
       'in the documents upstream has them (file, line, JSON path)', docs)
    ok('5 problems in 4 documents; nothing was written' in run.stderr, 'the summary', run.stderr)

    run = subprocess.run([cli, 'import', '--format', 'jsonl', '--skip-invalid', dataset, '-o', out],
                         capture_output=True, text=True)
    ok(run.returncode == 0, '--skip-invalid: exit status 0', run.stderr)
    written = sorted(os.listdir(out))
    ok(len(written) == 84, '--skip-invalid: the 84 valid documents written', len(written))
    left_out = [line for line in run.stderr.splitlines() if line.startswith('left out: ')]
    ok(len(left_out) == 4, '--skip-invalid: the 4 others listed', run.stderr)
    run = subprocess.run([cli, 'validate', *[os.path.join(out, w) for w in written]],
                         capture_output=True, text=True)
    ok(run.returncode == 0, 'every written document validates (every span\'s text)', run.stderr)
print(f'1..{n}')
