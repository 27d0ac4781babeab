#!/usr/bin/env python3
"""Fails unless DOC holds the text of FILE verbatim (a configuration the docs
show and a test uses).

usage: doc_contains.py DOC FILE
"""

import sys


def main():
    doc, path = sys.argv[1:3]
    with open(doc) as f:
        text = f.read()
    with open(path) as f:
        wanted = f.read()
    if wanted not in text:
        sys.exit("error: %s does not show %s as it is:\n%s" % (doc, path, wanted))


if __name__ == "__main__":
    main()
