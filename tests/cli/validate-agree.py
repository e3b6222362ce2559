#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gloss-cli validate and build-aux/validate-gloss.py apply one set of rules.

Usage: validate-agree.py GLOSS-CLI VALIDATE-GLOSS.PY FIXTURES-DIR

FIXTURES-DIR holds good/*.gloss (valid for both), bad/*.gloss and bad.txt
("NAME JSON-PATH" lines): each bad file must be refused by both, each
naming the file and the path ("NAME.gloss: PATH"). Exit 77 (a meson skip)
without python3-jsonschema.
"""

import os
import subprocess
import sys

try:
    import jsonschema  # noqa: F401
except ImportError:
    print('python3-jsonschema is missing: skipped')
    sys.exit(77)


def run(argv, cwd):
    r = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return r.returncode, r.stderr


def main():
    cli, validator, fixtures = (os.path.abspath(a) for a in sys.argv[1:4])
    checkers = {
        'gloss-cli validate': lambda d, files: run([cli, 'validate'] + files, d),
        'validate-gloss.py': lambda d, files: run([sys.executable, validator, '-q'] + files, d),
    }
    failures = []

    good = os.path.join(fixtures, 'good')
    good_files = sorted(os.listdir(good))
    for checker, check in checkers.items():
        status, err = check(good, good_files)
        if status != 0:
            failures.append('%s refused a file of good/:\n%s' % (checker, err))

    bad = os.path.join(fixtures, 'bad')
    expected = {}
    with open(os.path.join(fixtures, 'bad.txt'), encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                name, path = line.split()
                expected[name + '.gloss'] = path
    if sorted(expected) != sorted(os.listdir(bad)):
        failures.append('bad.txt does not list exactly the files in bad/')
    # One run each over every bad file: each must have its "FILE: PATH" line.
    for checker, check in checkers.items():
        status, err = check(bad, sorted(expected))
        if status != 1:
            failures.append('%s exited %d on bad/, not 1' % (checker, status))
        for name, path in sorted(expected.items()):
            if not any(line.startswith('%s: %s' % (name, path)) for line in err.splitlines()):
                failures.append('%s: no "%s: %s" line in:\n%s' % (checker, name, path, err))

    for f in failures:
        print(f, file=sys.stderr)
    print('%d good and %d bad files, %d disagreements' % (len(good_files), len(expected), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
