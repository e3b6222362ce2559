#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate .gloss files against data/gloss.schema.json (DESIGN.md §3, §4).

Usage: validate-gloss.py [--schema SCHEMA.json] [--schema-only] FILE...

Besides the JSON Schema, checks what a schema cannot express: the file is
UTF-8 JSON (a byte order mark is ignored) without duplicate keys, the
version is one this validator knows (1), every span has start < end <= length of
the text (in code points) and its "text" equals document.text[start:end],
document.sha256 matches the text, ids are unique among all annotations
and within each list of types and attributes of the schema, and
entity references (mention.entity, claim.claimant, claim.about,
relation.from, relation.to) name existing entities. --schema-only skips
these checks.

Prints "FILE: where: what" for each problem and exits 1 if any file is
invalid, 2 on a usage error, and 77 (what meson counts as a skipped
test) when python3-jsonschema is missing.
"""

import argparse
import calendar
import hashlib
import json
import os
import re
import sys

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              '..', 'data', 'gloss.schema.json')

try:
    import jsonschema
except ImportError:
    sys.stderr.write('validate-gloss: python3-jsonschema is not installed '
                     '(apt-get install python3-jsonschema); skipped\n')
    sys.exit(77)


class DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey('duplicate member "%s"' % key)
        obj[key] = value
    return obj


def _no_constants(name):
    raise ValueError('%s is not valid JSON' % name)


def where(path):
    """Render a JSON path like the core does: mentions[12].spans[0].text"""
    out = ''
    for part in path:
        if isinstance(part, int):
            out += '[%d]' % part
        else:
            out += ('.' if out else '') + str(part)
    return out or '(top level)'


def load(filename):
    with open(filename, 'rb') as f:
        data = f.read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        raise ValueError('byte %d: not valid UTF-8' % e.start)
    # RFC 8259 lets a parser ignore a byte order mark; Gloss does.
    if text.startswith('\ufeff'):
        text = text[1:]
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        raise ValueError('line %d, column %d: malformed JSON: %s'
                         % (e.lineno, e.colno, e.msg))


KNOWN_VERSION = 1

TIMESTAMP = re.compile(r'(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?'
                       r'(?:[Zz]|[+-](\d\d):(\d\d))$')


def bad_timestamp(value):
    """Why an RFC 3339 date-time the pattern accepted is still not one
    (without relying on jsonschema's optional format checkers)."""
    m = TIMESTAMP.match(value)
    if not m:
        return 'is not an RFC 3339 date and time such as 2026-11-27T05:24:11Z'
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    oh, om = (int(g) if g else 0 for g in m.groups()[6:])
    if (y < 1 or not 1 <= mo <= 12 or not 1 <= d <= calendar.monthrange(y, mo)[1]
            or h > 23 or mi > 59 or s > 59 or oh > 23 or om > 59):
        return 'is not a date and time that exists (year 0001 or later, no leap seconds)'
    return None


def check_semantics(doc):
    """Yield (path, message) for what the JSON Schema cannot check.

    Only called on documents the schema accepted, so types are right."""
    text = doc['document']['text']
    n = len(text)

    if doc['version'] > KNOWN_VERSION:
        yield (['version'], 'format version %s is newer than this validator knows (%d)'
               % (doc['version'], KNOWN_VERSION))

    schema = doc.get('schema', {})
    for collection in ('entity_types', 'claim_types', 'relation_types', 'attributes'):
        seen = {}
        for i, item in enumerate(schema.get(collection, [])):
            if item['id'] in seen:
                yield (['schema', collection, i, 'id'],
                       'duplicate id "%s" (also schema.%s[%d])'
                       % (item['id'], collection, seen[item['id']]))
            else:
                seen[item['id']] = i

    digest = doc['document'].get('sha256')
    if digest is not None:
        actual = hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()
        if digest.lower() != actual:
            yield (['document', 'sha256'],
                   'does not match the text (expected %s)' % actual)

    # One id space for every annotation: the core looks them up by id alone.
    seen = {}
    for collection in ('entities', 'mentions', 'claims', 'relations'):
        for i, item in enumerate(doc.get(collection, [])):
            if item['id'] in seen:
                yield ([collection, i, 'id'],
                       'duplicate id "%s" (also %s)' % (item['id'], where(seen[item['id']])))
            else:
                seen[item['id']] = [collection, i]
    entity_ids = set(e['id'] for e in doc.get('entities', []))

    def spans(path, value):
        for j, span in enumerate(value):
            p = path + [j]
            start, end = span['start'], span['end']
            if start > end:
                yield p, 'start %d is after end %d' % (start, end)
            elif start == end:
                yield p, 'the span is empty (start and end are both %d)' % start
            elif end > n:
                yield p, 'end %d is past the end of the text (%d code points)' % (end, n)
            elif text[start:end] != span['text']:
                yield (p, 'text %s does not match the document, which has %s at [%d, %d)'
                       % (json.dumps(span['text'], ensure_ascii=False),
                          json.dumps(text[start:end], ensure_ascii=False), start, end))

    def entity_ref(path, value):
        if value not in entity_ids:
            yield path, 'no entity has the id "%s"' % value

    for collection in ('entities', 'mentions', 'claims', 'relations'):
        for i, item in enumerate(doc.get(collection, [])):
            for member in ('created', 'modified'):
                why = bad_timestamp(item[member]) if member in item else None
                if why:
                    yield [collection, i, member], '"%s" %s' % (item[member], why)

    for i, m in enumerate(doc.get('mentions', [])):
        yield from spans(['mentions', i, 'spans'], m['spans'])
        if 'entity' in m:
            yield from entity_ref(['mentions', i, 'entity'], m['entity'])
    for i, c in enumerate(doc.get('claims', [])):
        yield from spans(['claims', i, 'spans'], c['spans'])
        yield from spans(['claims', i, 'cue'], c.get('cue', []))
        if 'claimant' in c:
            yield from entity_ref(['claims', i, 'claimant'], c['claimant'])
        for j, e in enumerate(c.get('about', [])):
            yield from entity_ref(['claims', i, 'about', j], e)
    for i, r in enumerate(doc.get('relations', [])):
        yield from spans(['relations', i, 'evidence'], r.get('evidence', []))
        yield from entity_ref(['relations', i, 'from'], r['from'])
        yield from entity_ref(['relations', i, 'to'], r['to'])


def main():
    parser = argparse.ArgumentParser(
        description='Validate .gloss files against the Gloss JSON Schema.')
    parser.add_argument('--schema', default=DEFAULT_SCHEMA,
                        help='the JSON Schema (default: data/gloss.schema.json)')
    parser.add_argument('--schema-only', action='store_true',
                        help='skip the offset, text, id and reference checks')
    parser.add_argument('-q', '--quiet', action='store_true',
                        help='print nothing for valid files')
    parser.add_argument('files', nargs='+', metavar='FILE')
    args = parser.parse_args()

    try:
        with open(args.schema, encoding='utf-8') as f:
            schema = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        sys.stderr.write('validate-gloss: %s: %s\n' % (args.schema, e))
        return 2
    validator = cls(schema, format_checker=jsonschema.FormatChecker())

    failed = 0
    for filename in args.files:
        problems = []
        try:
            doc = load(filename)
        except OSError as e:
            problems.append(e.strerror or str(e))
        except ValueError as e:
            problems.append(str(e))
        else:
            errors = sorted(validator.iter_errors(doc),
                            key=lambda e: [(0, p, '') if isinstance(p, int) else (1, 0, p)
                                           for p in e.absolute_path])
            for e in errors:
                problems.append('%s: %s' % (where(e.absolute_path), e.message))
            if not errors and not args.schema_only:
                for path, message in check_semantics(doc):
                    problems.append('%s: %s' % (where(path), message))

        if problems:
            failed += 1
            for p in problems:
                print('%s: %s' % (filename, p), file=sys.stderr)
        elif not args.quiet:
            print('%s: valid' % filename)

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
