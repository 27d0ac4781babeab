#!/usr/bin/env python3
"""The summary store's cost against its size.

  python3 bench/summaries.py --build build [--sizes 100,1000,5000,20000]

For each size, a store holding the summaries of test/utils/summaries.py's
project (six chains through four files) and that many synthetic functions,
each from its own file; then, medians of --runs runs:

  read    async-tidy over the project's two coroutine files, reading the
          store: every chain followed through four files (28 lookups)
  write   a first pass over a.cpp into the store: one transaction that
          replaces that file's entries
  none    the same read without SummaryDirectory: the parse and the checks

and the store's size on disk. Prints a markdown table (docs/reliability.md
keeps the latest). Nothing here is a test: test/engine/summaries-scale.test
holds the same claim with counts instead of times.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "utils"))
import testlib  # noqa: E402

SUMMARIES = os.path.join(ROOT, "test", "utils", "summaries.py")
PYTHON = "/usr/bin/python3"


def config(store, writing=False):
    options = "SummaryDirectory: '%s'" % store if store else ""
    if writing:
        options += ", WriteSummaries: true"
    return "--config={Checks: '-*,async-*', CheckOptions: {%s}}" % options


def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        r = testlib.run(cmd)
        if r.returncode != 0:
            sys.exit("error: %s failed:\n%s" % (" ".join(cmd), r.stdout))
        times.append(r.seconds)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--sizes", default="100,1000,5000,20000")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    tidy = os.path.join(os.path.abspath(args.build), "bin", "async-tidy")
    work = tempfile.mkdtemp(prefix="async-tidy-bench-summaries-")
    try:
        project = os.path.join(work, "project")
        testlib.run([PYTHON, SUMMARIES, "project", project, "--inputs",
                     os.path.join(ROOT, "test", "Inputs")], check=True)
        files = [os.path.join(project, f) for f in
                 ("a.cpp", "b.cpp", "c.cpp", "d.cpp", "main0.cpp",
                  "main1.cpp")]
        mains = files[4:]
        base = os.path.join(work, "base")
        testlib.run([tidy, "-p", project, config(base, True)] + files,
                    check=True)
        none = median_time([tidy, "-p", project, config(None)] + mains,
                           args.runs)
        print("| summaries | store size | read (2 files) | write (1 file) "
              "| without summaries |")
        print("|---|---|---|---|---|")
        for size in [int(s) for s in args.sizes.split(",")]:
            store = os.path.join(work, "store-%d" % size)
            shutil.copytree(base, store)
            testlib.run([PYTHON, SUMMARIES, "fill",
                         os.path.join(store, "summaries.sqlite3"), str(size)],
                        check=True)
            read = median_time([tidy, "-p", project, config(store)] + mains,
                               args.runs)
            write = median_time([tidy, "-p", project, config(store, True),
                                 files[0]], args.runs)
            mb = sum(os.path.getsize(os.path.join(store, f))
                     for f in os.listdir(store)) / 1e6
            print("| %d | %.1f MB | %.3f s | %.3f s | %.3f s |" % (
                size, mb, read, write, none))
            sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
