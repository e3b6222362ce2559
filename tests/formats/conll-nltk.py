#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""NLTK's ConllCorpusReader reads gloss-cli's CoNLL export.

Usage: conll-nltk.py GLOSS-CLI DOC.gloss...

Each document is exported with `gloss-cli export --format conll`; NLTK
(python3-nltk) reads the file back as CoNLL-2003 (word, POS, -, NE tag).
Checked: the tokens, in order, are the document's text without its
whitespace; the tagged chunks are exactly the mention fragments that
overlap no earlier, longer one (by type and offsets); the export names
every fragment left out. Exit 77 (a meson skip) without NLTK.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

try:
    from nltk.corpus.reader.conll import ConllCorpusReader
except ImportError:
    print('python3-nltk is missing: skipped')
    sys.exit(77)


def kept_fragments(doc):
    """Fragments by (start, longest first); each kept unless it overlaps the last kept."""
    fragments = sorted(((s['start'], -s['end'], m['type']) for m in doc['mentions'] for s in m['spans']))
    kept, left_out = [], 0
    for start, neg_end, kind in fragments:
        if kept and start < kept[-1][1]:
            left_out += 1
            continue
        kept.append((start, -neg_end, kind))
    return kept, left_out


def check(cli, path, tmp):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    text = doc['document']['text']
    name = os.path.basename(path) + '.conll'
    out = os.path.join(tmp, name)
    r = subprocess.run([cli, 'export', '--format', 'conll', path, '-o', out, '--force'],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr

    kept, left_out = kept_fragments(doc)
    summary = r.stderr.split('\n')[0]
    m = re.search(r'could not carry .*?\b(\d+) mentions?\b', summary)
    reported = int(m.group(1)) if m else 0
    assert reported == left_out, (reported, left_out, r.stderr)
    assert r.stderr.count(' left out\n') == left_out, r.stderr

    reader = ConllCorpusReader(tmp, [name], columntypes=('words', 'pos', 'ignore', 'chunk'))
    chunks, pos, n_tokens = [], 0, 0
    for sentence in reader.iob_sents():
        if not sentence or sentence[0][0] == '-DOCSTART-':
            continue  # NLTK reads the -DOCSTART- line as an empty sentence
        for word, _, tag in sentence:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            assert text[pos:pos + len(word)] == word, (pos, word, text[pos:pos + len(word)])
            if tag.startswith('B-'):
                chunks.append([pos, pos + len(word), tag[2:]])
            elif tag.startswith('I-'):
                assert chunks and chunks[-1][2] == tag[2:], (word, tag)
                chunks[-1][1] = pos + len(word)
            else:
                assert tag == 'O', tag
            pos += len(word)
            n_tokens += 1
    assert text[pos:].strip() == '', 'text left after the last token'
    assert [tuple(c) for c in chunks] == kept, (chunks[:5], kept[:5])
    print(f'{path}: {n_tokens} tokens, {len(chunks)} mentions as NLTK reads them, {left_out} overlapping left out')


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for path in sys.argv[2:]:
            check(cli, os.path.abspath(path), tmp)


if __name__ == '__main__':
    main()
