#!/usr/bin/env python3
"""Holds driver/GccOptions.def, the GCC-only options the drivers drop,
against clang and against the docs.

  gcc_options.py clang CLANGXX GccOptions.def
      every GCC_ONLY entry (its example, for a prefix) makes clang fail,
      every GCC_IMPLIED one is accepted: the list holds no option clang has
      learnt meanwhile
  gcc_options.py docs GccOptions.def docs/integrations.md
      the docs name every entry

Prints one line per entry that fails and exits non-zero if any does.
"""

import re
import sys

from testlib import run

ENTRY = re.compile(r'^(GCC_ONLY|GCC_IMPLIED|GCC_ONLY_PREFIX|GCC_ONLY_NUMBER)'
                   r'\("([^"]+)"(?:, "([^"]+)")?\)$')


def entries(path):
    """(kind, spelling, example) for each entry of the .def file."""
    found = []
    with open(path) as f:
        for line in f:
            m = ENTRY.match(line.strip())
            if m:
                kind, spelling, example = m.groups()
                found.append((kind, spelling, example or spelling))
    if len(found) < 20:
        sys.exit("error: only %d entries in %s" % (len(found), path))
    return found


def check_clang(clangxx, path):
    failures = []
    for kind, spelling, example in entries(path):
        if kind in ("GCC_ONLY_PREFIX", "GCC_ONLY_NUMBER") and \
                not example.startswith(spelling):
            failures.append("%s: example %s does not start with it" %
                            (spelling, example))
            continue
        r = run([clangxx, "-std=c++20", "-fsyntax-only", "-x", "c++",
                 "/dev/null", example])
        rejected = r.returncode != 0
        if kind == "GCC_IMPLIED" and rejected:
            failures.append("%s: clang rejects it: %s" % (example, r.stdout))
        elif kind != "GCC_IMPLIED" and not rejected:
            failures.append("%s: clang accepts it now; take it off the list"
                            % example)
    for f in failures:
        print(f)
    print("%d entries, %d failures" % (len(entries(path)), len(failures)))
    return not failures


def check_docs(path, doc):
    with open(doc) as f:
        text = f.read()
    missing = ["`%s`" % spelling for _, spelling, _ in entries(path)
               if "`%s`" % spelling not in text]
    for m in missing:
        print("%s does not list %s" % (doc, m))
    return not missing


def main():
    mode = sys.argv[1]
    if mode == "clang":
        ok = check_clang(sys.argv[2], sys.argv[3])
    elif mode == "docs":
        ok = check_docs(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: gcc_options.py clang|docs ...")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
