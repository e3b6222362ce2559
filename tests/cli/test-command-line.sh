#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line a user meets: --version and --help of both programs,
# the manual pages (groff finds no problem), and the bash completion of
# gloss-cli's verbs, formats and options.
#
#   test-command-line.sh VERSION GLOSS_CLI GLOSS|"" COMPLETION MAN_PAGE...
set -euo pipefail

version=$1 cli=$2 gloss=$3 completion=$4
shift 4
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
fail () { echo "not ok $((n + 1)) - $1"; echo "1..$((n + 1))"; exit 1; }
expect () { # NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1"; else echo "# expected: $2"; echo "# actual:   $3"; fail "$1"; fi
}
contains () { # NAME NEEDLE HAYSTACK
  case $3 in *"$2"*) ok "$1" ;; *) echo "# no “$2” in:"; printf '# %s\n' "$3"; fail "$1" ;; esac
}

expect "gloss-cli --version" "gloss-cli $version" "$("$cli" --version)"
if [ -n "$gloss" ]; then
  expect "gloss --version" "gloss $version" "$(env -u DISPLAY -u WAYLAND_DISPLAY "$gloss" --version)"
  help=$(env -u DISPLAY -u WAYLAND_DISPLAY "$gloss" --help)
  contains "gloss --help: usage" "gloss [OPTION…] [FILE…]" "$help"
  contains "gloss --help: description" "Annotate entities, claims and relations" "$help"
  contains "gloss --help: --version" "--version" "$help"
fi

for page in "$@"; do
  if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    expect "$(basename "$page"): groff -ww" "" "$warnings"
  fi
  contains "$(basename "$page"): version" "Gloss $version" "$(cat "$page")"
done

complete () { # WORD... (the last is the one being completed)
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
    _gloss_cli
    echo "${COMPREPLY[*]}"' _ "$completion" "$@"
}
PATH=$(dirname "$cli"):$PATH
verbs=$("$cli" --help | awk '/^Verbs:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' | xargs)
contains "verbs are listed" "new import export validate stats agree" "$verbs"
expect "complete verbs" "$verbs --help --version" "$(complete gloss-cli "")"
expect "complete a verb" "validate" "$(complete gloss-cli va)"
formats=$("$cli" --help | sed -n '/^Formats:/,/^$/{/not supported yet/d;s/^  \([a-z][a-z0-9-]*\) .*/\1/p}' | xargs)
contains "formats are listed" "native jsonl doccano" "$formats"
expect "complete formats" "$formats" "$(complete gloss-cli export --format "")"
expect "complete -F" "doccano" "$(complete gloss-cli import -F do)"
expect "complete offsets" "codepoints utf16 bytes" "$(complete gloss-cli export --offsets "")"
contains "complete options of export" "--output --offsets --force" "$(complete gloss-cli export --)"
expect "complete an option of stats" "--json" "$(complete gloss-cli stats --j)"
expect "complete project actions" "init add status set-status --help" "$(complete gloss-cli project "")"
expect "complete an option of a project action" "--json" "$(complete gloss-cli project status --j)"
expect "complete a status" "in-progress" "$(complete gloss-cli project set-status summit doc in)"
contains "complete options of export" "--split --seed --annotator" "$(complete gloss-cli export --)"
echo "1..$n"
