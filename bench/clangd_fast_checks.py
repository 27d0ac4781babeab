#!/usr/bin/env python3
"""Times the async-* checks in async-clangd the way clangd decides which
clang-tidy checks are fast (clang-tools-extra/clangd/TidyFastChecks.py):
`clangd --check=FILE --check-tidy-time=GLOB` parses the file with each
check alone and prints how much slower the parse got, in percent. Stock
checks from clangd's own list are timed beside ours, on the same files, to
show the scale and the noise.

Usage: clangd_fast_checks.py --clangd build/bin/async-clangd [--runs N]
                             [--checks GLOB] [--generated N] FILE...
Each FILE is copied into a directory of its own with a compile_flags.txt
(C++20, real Asio, test/Inputs) and a .clang-tidy enabling nothing else.
--generated N adds a file of N generated coroutines of 10 calls each
(bench.py's): clangd runs clang-tidy over the main file's declarations only,
so a check's cost shows on a file with much code of its own, as clangd's
Sema.cpp is. Prints a Markdown table: one row per check, one column per file (the
median of the runs clangd did not discard), then the median over files.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Stock checks from clangd's TidyFastChecks.inc: two it lists as fast, one
# as slow.
REFERENCE = ["bugprone-unused-return-value",
             "readability-misleading-indentation",
             "misc-const-correctness"]
FLAGS = ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1",
         "-I" + os.path.join(ROOT, "test", "Inputs")]


def measure(clangd, path, checks):
    """One --check-tidy-time run: {check: percent}."""
    work = tempfile.mkdtemp(prefix="async-tidy-fast-")
    try:
        shutil.copy(path, work)
        with open(os.path.join(work, "compile_flags.txt"), "w") as f:
            f.write("\n".join(FLAGS) + "\n")
        with open(os.path.join(work, ".clang-tidy"), "w") as f:
            f.write("Checks: '-*'\n")
        proc = subprocess.run(
            [clangd, "--check=" + os.path.join(work, os.path.basename(path)),
             "--check-locations=0", "--check-tidy-time=" + checks],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            cwd=work, timeout=3600)
    finally:
        shutil.rmtree(work)
    result = {}
    recording = False
    for line in proc.stderr.splitlines():
        if "Timing AST build with individual clang-tidy checks" in line:
            recording = True
        elif "Finished individual clang-tidy checks" in line:
            break
        elif recording:
            m = re.search(r"(\S+) = (-?[0-9.]+)%", line)
            if m:
                result[m.group(1)] = float(m.group(2))
    if not result:
        sys.exit("error: no timings from %s on %s:\n%s"
                 % (clangd, path, proc.stderr[-2000:]))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--checks", default="async-*," + ",".join(REFERENCE))
    parser.add_argument("--generated", type=int, default=0)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    clangd = os.path.abspath(args.clangd)
    generated_dir = None
    if args.generated:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import bench  # pylint: disable=import-outside-toplevel
        generated_dir = tempfile.mkdtemp(prefix="async-tidy-fast-gen-")
        path = os.path.join(generated_dir,
                            "generated-%d-coroutines.cpp" % args.generated)
        with open(path, "w") as f:
            f.write(bench.many_coroutines(args.generated, 10))
        args.files.append(path)

    table = {}
    for path in args.files:
        for run in range(args.runs):
            for check, percent in measure(clangd, path, args.checks).items():
                table.setdefault(check, {}).setdefault(path, []).append(percent)
            print("measured %s (run %d of %d)" % (path, run + 1, args.runs),
                  file=sys.stderr)

    names = [os.path.basename(p) for p in args.files]
    print("| check | " + " | ".join(names) + " | median |")
    print("|---" * (len(names) + 2) + "|")
    for check in sorted(table, key=lambda c: (c in REFERENCE, c)):
        cells = []
        medians = []
        for path in args.files:
            values = table[check].get(path, [])
            if values:
                m = statistics.median(values)
                medians.append(m)
                cells.append("%+.0f %%" % m)
            else:
                cells.append("n/a")
        overall = "%+.0f %%" % statistics.median(medians) if medians else "n/a"
        print("| %s | %s | %s |" % (check, " | ".join(cells), overall))
    if generated_dir:
        shutil.rmtree(generated_dir)


if __name__ == "__main__":
    main()
