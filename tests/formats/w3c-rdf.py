#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pyld and rdflib read gloss-cli's W3C Web Annotation export.

Usage: w3c-rdf.py GLOSS-CLI ANNO.JSONLD DOC.gloss...

Each document is exported with `gloss-cli export --format w3c`; pyld
(python3-pyld) expands it with a document loader that serves the local
copy of http://www.w3.org/ns/anno.jsonld (no network), and rdflib
(python3-rdflib) parses it as RDF. Checked: every span of every mention,
claim (content and cue) and relation (evidence) has a target whose
oa:TextPositionSelector (code points) and oa:TextQuoteSelector agree with
the document's text; rdflib finds as many of each selector. Exit 77 (a
meson skip) without pyld or rdflib.
"""

import json
import os
import subprocess
import sys
import tempfile

try:
    from pyld import jsonld
    import rdflib
except ImportError:
    print('python3-pyld or python3-rdflib is missing: skipped')
    sys.exit(77)

OA = 'http://www.w3.org/ns/oa#'
ANNO = 'http://www.w3.org/ns/anno.jsonld'


def loader_for(context_path):
    with open(context_path, encoding='utf-8') as f:
        context = json.load(f)

    def load(url, options=None):
        if url.rstrip('/') in (ANNO, ANNO.replace('http:', 'https:')):
            return {'contextUrl': None, 'documentUrl': url, 'document': context}
        raise RuntimeError(f'no network in the tests: {url}')
    return load, context


def value(node, key):
    return node[key][0]['@value']


def walk(node, found):
    if isinstance(node, list):
        for n in node:
            walk(n, found)
    elif isinstance(node, dict):
        if OA + 'hasSelector' in node:
            found.append(node[OA + 'hasSelector'])
        for k, v in node.items():
            if k != OA + 'hasSelector':
                walk(v, found)


def spans_of(doc):
    spans = []
    for kind, roles in (('mentions', ('spans',)), ('claims', ('spans', 'cue')), ('relations', ('evidence',))):
        for a in doc.get(kind, []):
            for role in roles:
                spans += [(s['start'], s['end']) for s in a.get(role, [])]
    return sorted(spans)


def check(cli, context_path, path, tmp):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    text = doc['document']['text']
    out = os.path.join(tmp, os.path.basename(path) + '.jsonld')
    r = subprocess.run([cli, 'export', '--format', 'w3c', path, '-o', out, '--force'],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr
    with open(out, encoding='utf-8') as f:
        exported = json.load(f)

    load, context = loader_for(context_path)
    expanded = jsonld.expand(exported, {'documentLoader': load})
    found = []
    walk(expanded, found)
    got = []
    for selectors in found:
        by_type = {s['@type'][0]: s for s in selectors}
        position = by_type[OA + 'TextPositionSelector']
        quote = by_type[OA + 'TextQuoteSelector']
        start, end = int(value(position, OA + 'start')), int(value(position, OA + 'end'))
        exact = value(quote, OA + 'exact')
        assert text[start:end] == exact, (start, end, exact, text[start:end])
        prefix = value(quote, OA + 'prefix')
        suffix = value(quote, OA + 'suffix')
        assert text[:start].endswith(prefix) and text[end:].startswith(suffix), (prefix, suffix)
        got.append((start, end))
    assert sorted(got) == spans_of(doc), (len(got), len(spans_of(doc)))

    # rdflib: the same file as RDF, the context given inline (no network).
    inline = json.loads(json.dumps(exported).replace(json.dumps(ANNO), json.dumps(context['@context'])))
    graph = rdflib.Graph()
    graph.parse(data=json.dumps(inline), format='json-ld')
    positions = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(OA + 'TextPositionSelector')))
    quotes = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(OA + 'TextQuoteSelector')))
    annotations = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(OA + 'Annotation')))
    assert len(positions) == len(got) and len(quotes) == len(got), (len(positions), len(quotes), len(got))
    n = sum(len(doc.get(k, [])) for k in ('mentions', 'claims', 'relations'))
    assert len(annotations) == n, (len(annotations), n)
    print(f'{path}: {n} annotations, {len(got)} selector pairs, each matching the text (pyld, rdflib)')


def main():
    cli = os.path.abspath(sys.argv[1])
    context_path = os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        for path in sys.argv[3:]:
            check(cli, context_path, os.path.abspath(path), tmp)


if __name__ == '__main__':
    main()
