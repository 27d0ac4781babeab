#!/usr/bin/env python3
"""Holds the catalog against a list kept outside it: every API of the list
must be in the catalog or excluded with a reason.

usage:
  catalog_coverage.py listed CATALOG LIST EXCLUSIONS
      LIST: one API a line, its name first (what follows is a note, such
      as the argument that makes it wait); '#' starts a comment.
  catalog_coverage.py twins CATALOG EXCLUSIONS CLANGXX NAMESPACES HEADERS
                         [FLAGS...]
      The APIs are derived from real headers: clang parses a file that
      includes HEADERS (comma-separated) and lists every declaration
      (-ast-list); each 'X' declared next to an 'async_X' in the same class
      or namespace, under one of NAMESPACES (comma-separated), is an API.

CATALOG is the output of 'async-tidy-catalog list' (NAME CATEGORY a line).
EXCLUSIONS has 'NAME: reason' lines ('*' in NAME matches any text); each must
give a reason, match an API of the list, and not be in the catalog.
"""

import fnmatch
import os
import subprocess
import sys
import tempfile


def read_catalog(path):
    names = set()
    with open(path) as f:
        for line in f:
            if line.strip():
                names.add(line.split()[0])
    return names


def read_lines(path):
    """The lines of a data file without comments and blank lines, with
    their line numbers."""
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if line:
                yield number, line


def read_exclusions(path):
    exclusions = []
    errors = []
    for number, line in read_lines(path):
        # 'ns::name: reason': the separator is the first ': ' (a name's
        # '::' is not one).
        name, sep, reason = line.partition(": ")
        if not sep or not name.strip() or not reason.strip():
            errors.append("%s:%d: expected 'NAME: reason'" % (path, number))
            continue
        exclusions.append((name.strip(), reason.strip(), number))
    return exclusions, errors


def listed_apis(path):
    apis = []
    for _, line in read_lines(path):
        apis.append(line.split()[0])
    return apis


def twin_apis(clangxx, namespaces, headers, flags):
    """The synchronous operations with an async_ twin that clang sees in the
    headers."""
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "twins.cpp")
        with open(source, "w") as f:
            for header in headers:
                f.write("#include <%s>\n" % header)
        result = subprocess.run(
            [clangxx, "-std=c++20", "-fsyntax-only", "-Xclang", "-ast-list"] +
            flags + [source], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("error: clang could not parse %s:\n%s" %
                 (", ".join(headers), result.stderr[-4000:]))
    declared = set(result.stdout.split("\n"))
    apis = set()
    for name in declared:
        # Specializations' members are named with their arguments: the
        # primary template's names say the same.
        if "<" in name or not any(name.startswith(ns + "::")
                                  for ns in namespaces):
            continue
        scope, _, last = name.rpartition("::")
        if last.startswith("async_") and len(last) > len("async_"):
            sync = scope + "::" + last[len("async_"):]
            if sync in declared:
                apis.add(sync)
    if not apis:
        sys.exit("error: no async_ operation with a synchronous twin in %s" %
                 ", ".join(headers))
    return sorted(apis)


def check(apis, catalog, exclusions, what):
    errors = []
    used = set()
    missing = []
    for api in apis:
        matches = [e for e in exclusions if fnmatch.fnmatchcase(api, e[0])]
        used.update(e[0] for e in matches)
        if api in catalog:
            for name, _, _ in matches:
                errors.append("'%s' is in the catalog but excluded as '%s'" %
                              (api, name))
        elif not matches:
            missing.append(api)
    for name, _, number in exclusions:
        if name not in used:
            errors.append("exclusion '%s' (line %d) matches nothing %s" %
                          (name, number, what))
    for api in missing:
        errors.append("'%s' is neither in the catalog nor excluded with a "
                      "reason" % api)
    for error in errors:
        print("error: " + error)
    excluded = sum(1 for api in apis if api not in catalog)
    print("%d APIs %s: %d in the catalog, %d excluded, %d missing" %
          (len(apis), what, len(apis) - excluded, excluded - len(missing),
           len(missing)))
    return not errors


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("listed", "twins"):
        sys.exit(__doc__)
    mode = sys.argv[1]
    if mode == "listed" and len(sys.argv) == 5:
        catalog_path, list_path, exclusions_path = sys.argv[2:5]
        apis = listed_apis(list_path)
        what = "of " + os.path.basename(list_path)
    elif mode == "twins" and len(sys.argv) >= 7:
        catalog_path, exclusions_path, clangxx, namespaces, headers = \
            sys.argv[2:7]
        apis = twin_apis(clangxx, namespaces.split(","), headers.split(","),
                         sys.argv[7:])
        what = "with an async_ twin"
    else:
        sys.exit(__doc__)
    exclusions, errors = read_exclusions(exclusions_path)
    for error in errors:
        print("error: " + error)
    ok = check(apis, read_catalog(catalog_path), exclusions, what)
    sys.exit(0 if ok and not errors else 1)


if __name__ == "__main__":
    main()
