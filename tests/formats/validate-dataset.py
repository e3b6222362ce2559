#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports .gloss documents with gloss-cli as one jsonl dataset and checks
every line against data/gloss-dataset.schema.json, that every line has the
same members (the shape a loader fixes from the first records), and that
every span's text is the document text it points at, in code points.

    validate-dataset.py SCHEMA GLOSS_CLI INPUT.gloss...

TAP output; exits 77 (a skip for meson) without python3-jsonschema."""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(77)

schema_path, cli, *inputs = sys.argv[1:]
with open(schema_path, encoding='utf-8') as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)
n = 0


def ok(cond, name, detail=''):
    global n
    n += 1
    print(('ok' if cond else 'not ok') + f' {n} - {name}')
    if not cond:
        for line in str(detail).splitlines():
            print('# ' + line)
        print(f'1..{n}')
        sys.exit(1)


def spans_of(record):
    for kind in ('mentions', 'claims', 'relations'):
        for a in record[kind]:
            for member in ('spans', 'cue', 'evidence'):
                for s in a.get(member, []):
                    yield a['id'], s


def shape(value):
    """The members and types, recursively, ignoring list lengths."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in sorted(value.items()) if k not in ('meta', 'attrs')}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if value is not None else 'null'


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'dataset.jsonl')
    run = subprocess.run([cli, 'export', '--format', 'jsonl', *inputs, '-o', out],
                         capture_output=True, text=True)
    ok(run.returncode == 0, 'gloss-cli export --format jsonl', run.stderr)
    with open(out, encoding='utf-8') as f:
        lines = f.read().splitlines()
    ok(len(lines) == len(inputs), f'{len(inputs)} lines', len(lines))

    keys = None
    item_keys = {}
    for i, line in enumerate(lines, 1):
        record = json.loads(line)
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        ok(not errors, f'line {i} ({record["id"]}) matches the schema',
           '\n'.join(f'{list(e.path)}: {e.message}' for e in errors[:5]))
        ok(keys is None or list(record) == keys, f'line {i}: the members of line 1, in order',
           f'{list(record)} != {keys}')
        keys = list(record)
        for kind in ('mentions', 'entities', 'claims', 'relations'):
            for a in record[kind]:
                k = item_keys.setdefault(kind, list(a))
                ok(list(a) == k, f'line {i}: {kind} {a["id"]} has the members of every {kind[:-1]}',
                   f'{list(a)} != {k}')
        text = record['text']
        bad = [(aid, s) for aid, s in spans_of(record) if text[s['start']:s['end']] != s['text']]
        ok(not bad, f'line {i}: every span\'s text is text[start:end]', bad[:5])
        for m in record['mentions']:
            for a, b in zip(m['spans'], m['spans'][1:]):
                ok(a['end'] <= b['start'], f'line {i}: {m["id"]}: fragments in order, no outer span', m)
print(f'1..{n}')
