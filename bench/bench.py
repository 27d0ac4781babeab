#!/usr/bin/env python3
"""async-tidy's benchmark: the cost of the checks next to clang's own parse.

For each input, runs side by side with hyperfine (medians of several runs):
  clang++ -fsyntax-only (the floor), async-tidy with all async-* checks, the
  same without the transitive search, async-tidy with the stock
  misc-coroutine-hostile-raii, and async-clangd --check (the editor's path);
then peak memory (GNU time, median), the checks' share in
--enable-check-profile, and a PNG of the cost against the input's size.
Writes BUILD/bench/results.md (also printed), results.json and growth.png.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The helpers the test scripts share.
sys.path.insert(0, os.path.join(ROOT, "test", "utils"))
import testlib  # noqa: E402

TOOLS = [
    ("clang++ -fsyntax-only", "floor"),
    ("async-* checks", "ours"),
    ("async-*, TransitiveSearch off", "shallow"),
    ("misc-coroutine-hostile-raii", "peer"),
    ("async-clangd --check", "clangd"),
]


def run(cmd, **kw):
    return testlib.run(cmd, **kw)


def commands(args, source, flags):
    """The command of each tool for one input, in a directory holding the
    input's compile_flags.txt, .clang-tidy and .clangd."""
    b = args.build
    tidy = os.path.join(b, "bin", "async-tidy")
    flag_text = " ".join(flags)
    return {
        "floor": "%s -fsyntax-only %s %s" % (args.clangxx, flag_text, source),
        "ours": "%s --quiet --checks='-*,async-*' %s -- %s"
                % (tidy, source, flag_text),
        "shallow": "%s --quiet --checks='-*,async-*' "
                   "--config='{CheckOptions: {TransitiveSearch: false}}' %s -- %s"
                   % (tidy, source, flag_text),
        "peer": "%s --quiet --checks='-*,misc-coroutine-hostile-raii' %s -- %s"
                % (tidy, source, flag_text),
        # --check-lines: clangd would otherwise try every code action at
        # every token, which is not what an editor does on opening a file.
        "clangd": "%s --check=%s --check-lines=1 --log=error"
                  % (os.path.join(b, "bin", "async-clangd"), source),
    }


def prepare_dir(path, flags):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "compile_flags.txt"), "w") as f:
        f.write("\n".join(flags) + "\n")
    with open(os.path.join(path, ".clang-tidy"), "w") as f:
        f.write("Checks: '-*,async-*'\n")
    with open(os.path.join(path, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")


# --- Generated inputs -------------------------------------------------------

# The coroutine type is the tests' own (test/Inputs/task.h).
TASK_INCLUDE = os.path.join(ROOT, "test", "Inputs")
PRELUDE = """#include "task.h"
#include <chrono>
#include <string>
#include <thread>
#include <unistd.h>

using task = test::task<>;
inline std::suspend_never tick() { return {}; }
inline int pure(int x) { return x * 3 + 1; }
"""


def many_coroutines(n, calls, blocking=True):
    """n coroutines of `calls` calls each: most touch only memory, one in
    ten blocks, one in ten goes through a helper. Without `blocking`, the
    same shape with nothing to report: the analysis without the cost of
    emitting diagnostics."""
    out = [PRELUDE]
    out.append("inline int helper(int x) { %sreturn x; }\n"
               % ("usleep(x); " if blocking else ""))
    for i in range(n):
        out.append("task co%d(int a) {\n  std::string s;\n" % i)
        for j in range(calls):
            k = (i + j) % 10
            if k == 0:
                out.append("  %s(%d);\n" % ("sleep" if blocking else "pure",
                                             j + 1))
            elif k == 1:
                out.append("  a += helper(a);\n")
            else:
                out.append("  a = pure(a + %d); s.push_back('x');\n" % j)
        out.append("  co_await tick();\n}\n")
    return "".join(out)


def helper_chains(chains, depth):
    """chains chains of `depth` helpers, each ending in a blocking call, each
    called from its own coroutine."""
    out = [PRELUDE]
    for c in range(chains):
        out.append("inline void h%d_%d(int x) { usleep(x); }\n" % (c, depth))
        for d in range(depth - 1, 0, -1):
            out.append("inline void h%d_%d(int x) { h%d_%d(pure(x)); }\n"
                       % (c, d, c, d + 1))
        out.append("task chain%d(int a) {\n  h%d_1(a);\n  co_await tick();\n}\n"
                   % (c, c))
    return "".join(out)


# --- Measuring ----------------------------------------------------------------

def hyperfine(args, names_cmds, workdir, json_path):
    cmd = ["hyperfine", "--style", "none", "--warmup", "1",
           "--runs", str(args.runs), "-i", "--export-json", json_path]
    for name, c in names_cmds:
        cmd += ["-n", name, c]
    proc = run(cmd, cwd=workdir)
    if proc.returncode != 0:
        sys.exit("hyperfine failed:\n" + proc.stdout)
    with open(json_path) as f:
        results = json.load(f)["results"]
    return {r["command"]: r["median"] for r in results}


def peak_memory(args, command, workdir):
    """Median peak resident set in MB over the runs."""
    peaks = []
    for _ in range(args.memory_runs):
        r = testlib.run(["sh", "-c", command + " >/dev/null 2>&1"],
                        cwd=workdir, memory=True)
        peaks.append(r.peak_mb)
    return statistics.median(peaks)


def check_profile(args, source, flags, workdir):
    """Each async-* check's wall time in --enable-check-profile, in s, and
    the run's own wall time."""
    tidy = os.path.join(args.build, "bin", "async-tidy")
    cmd = [tidy, "--quiet", "--checks=-*,async-*", "--enable-check-profile",
           source, "--"] + flags
    proc = run(["/usr/bin/time", "-f", "WALL %e"] + cmd, cwd=workdir)
    shares = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"\s*([\d.]+)\s*\(\s*[\d.]+%\)\s+([\d.]+)\s*\(\s*[\d.]+%\)"
                     r"\s+([\d.]+)\s*\(\s*[\d.]+%\)\s+([\d.]+)\s*\(\s*[\d.]+%\)"
                     r"\s+(async-[\w-]+)", line)
        if m:
            shares[m.group(5)] = float(m.group(4))
    wall = re.search(r"WALL ([\d.]+)", proc.stdout)
    return shares, float(wall.group(1)) if wall else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True)
    parser.add_argument("--llvm", default="22")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory-runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true",
                        help="smaller generated inputs, 3 runs")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.clangxx = "/usr/lib/llvm-%s/bin/clang++" % args.llvm
    if args.quick:
        args.runs = 3
        args.memory_runs = 1
    for tool in ("hyperfine", "gnuplot"):
        if not shutil.which(tool):
            sys.exit("%s is missing: ./run bench installs it" % tool)

    out = os.path.join(args.build, "bench")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    std = ["-std=c++20"]

    inputs = []
    heavy_dir = os.path.join(out, "heavy")
    prepare_dir(heavy_dir, std)
    shutil.copy(os.path.join(ROOT, "examples", "beast-http-server.cpp"),
                heavy_dir)
    generated = std + ["-I", TASK_INCLUDE]
    inputs.append(("Beast HTTP server (examples/)", heavy_dir,
                   "beast-http-server.cpp", std, None, None))
    sizes = [30, 300, 3000] if args.quick else [100, 1000, 10000]
    for n in sizes:
        d = os.path.join(out, "many-%d" % n)
        prepare_dir(d, generated)
        with open(os.path.join(d, "many.cpp"), "w") as f:
            f.write(many_coroutines(n, 10))
        inputs.append(("%d coroutines x 10 calls" % n, d, "many.cpp",
                       generated, n * 10, None))
    # The same sizes with nothing to report, against the floor only.
    for n in sizes:
        d = os.path.join(out, "clean-%d" % n)
        prepare_dir(d, generated)
        with open(os.path.join(d, "clean.cpp"), "w") as f:
            f.write(many_coroutines(n, 10, blocking=False))
        inputs.append(("%d coroutines x 10 calls, no findings" % n, d,
                       "clean.cpp", generated, n * 10, ("floor", "ours")))
    d = os.path.join(out, "chains")
    prepare_dir(d, generated)
    with open(os.path.join(d, "chains.cpp"), "w") as f:
        f.write(helper_chains(300, 8))
    inputs.append(("300 helper chains of depth 8", d, "chains.cpp", generated,
                   None, None))

    results = []
    for title, workdir, source, flags, calls, only in inputs:
        print("==> %s" % title, flush=True)
        if source.endswith(".cpp") and "beast" in source:
            pre = run([args.clangxx, "-E"] + flags + [source], cwd=workdir)
            lines = pre.stdout.count("\n")
        else:
            lines = sum(1 for _ in open(os.path.join(workdir, source)))
        cmds = commands(args, source, flags)
        # clangd --check grows quadratically on these files with or without
        # any check (1000 coroutines: 14 s either way): beyond that it would
        # measure clangd, not the checks.
        if calls and calls > 10000:
            del cmds["clangd"]
        if only:
            cmds = {k: v for k, v in cmds.items() if k in only}
        named = [(label, cmds[key]) for label, key in TOOLS if key in cmds]
        times = hyperfine(args, named, workdir,
                          os.path.join(workdir, "hyperfine.json"))
        memory = {label: peak_memory(args, cmds[key], workdir)
                  for label, key in TOOLS if key in cmds}
        profile, profile_wall = check_profile(args, source, flags, workdir)
        results.append({"input": title, "lines": lines, "calls": calls,
                        "clean": bool(only),
                        "time": times, "memory": memory,
                        "profile": profile, "profile_wall": profile_wall})

    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    report = render(results, args)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(report)
    plot(results, out)
    print(report)
    print("Written: %s/results.md, results.json, growth.png" % out)


def render(results, args):
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    lines = ["Machine: %s, %d cores; LLVM %s; medians of %d runs (time) and "
             "%d runs (peak memory)." % (cpu, os.cpu_count(), args.llvm,
                                        args.runs, args.memory_runs), ""]
    floor_label = TOOLS[0][0]
    for r in results:
        floor_t = r["time"][floor_label]
        floor_m = r["memory"][floor_label]
        lines.append("### %s (%d %s lines)" % (
            r["input"], r["lines"],
            "preprocessed" if "Beast" in r["input"] else "source"))
        lines.append("")
        lines.append("| tool | time (s) | vs floor | peak memory (MB) | vs floor |")
        lines.append("|---|---|---|---|---|")
        for label, _ in TOOLS:
            if label not in r["time"]:
                if r.get("clean"):
                    continue
                lines.append("| %s | — | | — | |" % label)
                continue
            t, m = r["time"][label], r["memory"][label]
            lines.append("| %s | %.3f | %+.1f %% | %.1f | %+.1f %% |" % (
                label, t, 100 * (t / floor_t - 1), m, 100 * (m / floor_m - 1)))
        if r["profile"]:
            total = sum(r["profile"].values())
            top = sorted(r["profile"].items(), key=lambda kv: -kv[1])[:3]
            lines.append("")
            lines.append(
                "--enable-check-profile: the nine checks together %.3f s, "
                "%.1f %% of that run's %.2f s; most: %s." % (
                    total, 100 * total / max(r["profile_wall"], 1e-9),
                    r["profile_wall"],
                    ", ".join("%s %.3f s" % kv for kv in top)))
            if r["calls"]:
                lines.append("That is %.2f us per call in the file." % (
                    1e6 * total / r["calls"]))
        lines.append("")
    return "\n".join(lines)


def plot(results, out):
    growth = [r for r in results if r["calls"] and not r["clean"]]
    clean = {r["calls"]: r["time"][TOOLS[1][0]]
             for r in results if r["calls"] and r["clean"]}
    data = os.path.join(out, "growth.dat")
    with open(data, "w") as f:
        f.write("calls " + " ".join('"%s"' % l for l, _ in TOOLS) +
                ' "async-* checks, no findings"\n')
        for r in growth:
            f.write("%d %s %s\n" % (r["calls"], " ".join(
                "%.4f" % r["time"][l] if l in r["time"] else "NaN"
                for l, _ in TOOLS), "%.4f" % clean[r["calls"]]
                if r["calls"] in clean else "NaN"))
    script = """set terminal pngcairo size 900,560 noenhanced
set output '%s'
set title 'Cost against input size (generated coroutines, 10 calls each)'
set xlabel 'calls in the file'
set ylabel 'median wall time (s)'
set logscale xy
set key left top
set grid
plot for [i=2:%d] '%s' using 1:i with linespoints title columnhead(i)
""" % (os.path.join(out, "growth.png"), len(TOOLS) + 2, data)
    with open(os.path.join(out, "growth.gp"), "w") as f:
        f.write(script)
    proc = run(["gnuplot", os.path.join(out, "growth.gp")])
    if proc.returncode != 0:
        print("gnuplot failed:\n" + proc.stdout)


if __name__ == "__main__":
    main()
