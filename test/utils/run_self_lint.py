#!/usr/bin/env python3
"""Runs clang-tidy with the project's .clang-tidy over its own sources.

Usage: run_self_lint.py CLANG_TIDY BUILD_DIR SOURCE_DIR
Fails on any warning or error, printing them.
"""

import concurrent.futures
import json
import os
import sys

from testlib import run


def main():
    clang_tidy, build, src = sys.argv[1:4]
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    mine = [os.path.join(e["directory"], e["file"]) for e in entries]
    mine = sorted({f for f in mine
                   if os.path.relpath(f, src).split(os.sep)[0]
                   in ("checks", "driver")})
    if len(mine) < 5:
        sys.exit("error: only %d project sources found in %s" % (len(mine), build))

    def lint(path):
        proc = run([clang_tidy, "-p", build, "--quiet", path])
        findings = [l for l in proc.stdout.splitlines()
                    if " warning: " in l or " error: " in l]
        return path, proc.returncode, findings

    failed = False
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for path, code, findings in pool.map(lint, mine):
            if findings or code != 0:
                failed = True
                print("%s: exit %d" % (path, code))
                print("\n".join(findings))
    print("linted %d files" % len(mine))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
