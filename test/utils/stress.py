#!/usr/bin/env python3
"""async-tidy's robustness runs: mutants, fix safety and big inputs.

  stress.py mutate  mutants of every test input and example, each linted
                    with all async-* checks and their fixes: no crash, no
                    hang, no fix dropped as overlapping
  stress.py fixes   every test input and example fixed, linted again (no
                    further change) and compiled where the original compiled
  stress.py big     generated inputs far beyond real code: time and memory
                    stay within bounds of clang's own parse

The corpus is test/{checkers,engine,fixes,driver}/*.cpp and examples/*.cpp,
each with the compiler flags of its first RUN line (lit's substitutions come
with --subst). Mutants only change what follows a file's last top-level
#include, so the includes are parsed once into a precompiled header and each
mutant costs its own body; --no-pch parses everything each time.

Prints a summary (and writes it with --report); exits 1 on any failure, with
the failing inputs kept under --keep.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import sys
import tempfile
import time

import testlib

CORPUS_DIRS = ("test/checkers", "test/engine", "test/fixes", "test/driver",
               "examples")
CRASH_MARKS = ("PLEASE submit a bug report", "Stack dump:",
               "LLVM ERROR", "UNREACHABLE executed", "Assertion `")
TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'"""
                   r"""|[A-Za-z_]\w*|\d[\w.']*|::|->|&&|\|\||<<|>>|[<>=!]=|\S""",
                   re.S)
# Tokens a mutant may insert: the ones that change what a coroutine is.
INSERTS = ["co_await", "co_return", "co_yield", "return", "template",
           "typename", "auto", "{", "}", "(", ")", ";", "<", ">", "::", ",",
           "&&", "*", "sleep", "0", "[&]", "static", "virtual", "#define X",
           "\\"]
APPLIED = re.compile(r"clang-tidy applied (\d+) of (\d+) suggested fixes")


def run(cmd, timeout=None, cwd=None):
    """(returncode or None on timeout, output, seconds)."""
    r = testlib.run(cmd, timeout=timeout, cwd=cwd)
    return r.returncode, r.stdout, r.seconds


def crashed(rc, out):
    return rc is not None and (rc < 0 or any(m in out for m in CRASH_MARKS))


# --- The corpus ---------------------------------------------------------------

def run_flags(path, subst):
    """The compiler flags of a test's first RUN line that runs the checks,
    with lit's substitutions; None if it needs files the run makes."""
    with open(path, errors="replace") as f:
        text = f.read()
    lines, current = [], None
    for line in text.splitlines():
        m = re.match(r"\s*//\s*RUN:(.*)", line)
        if not m:
            if current is not None:
                lines.append(current)
                current = None
            continue
        part = m.group(1).strip()
        current = part if current is None else current + " " + part
        if current.endswith("\\"):
            current = current[:-1]
        else:
            lines.append(current)
            current = None
    for cmd in lines:
        if "%check_async_tidy" not in cmd and "%async-tidy" not in cmd:
            continue
        if " -- " not in cmd:
            return []
        flags = cmd.split(" -- ", 1)[1]
        flags = re.split(r"\s(?:2>&1|\|)", flags)[0]
        for key in sorted(subst, key=len, reverse=True):
            flags = flags.replace("%" + key, subst[key])
        if "%" in flags:
            return None
        return [f for f in shlex.split(flags) if f != "-v" and
                not f.startswith("-resource-dir")]
    return []


def corpus(root, subst):
    files = []
    for d in CORPUS_DIRS:
        full = os.path.join(root, d)
        for name in sorted(os.listdir(full)):
            if not name.endswith(".cpp"):
                continue
            path = os.path.join(full, name)
            if d == "examples":
                with open(os.path.join(full, "compile_flags.txt")) as f:
                    flags = f.read().split()
            else:
                flags = run_flags(path, subst)
                if flags is None:
                    continue
            if "-std=c++20" not in flags:
                flags = ["-std=c++20"] + flags
            # Quoted includes of the original's directory still resolve.
            files.append((path, flags + ["-I", full]))
    return files


def split_includes(text):
    """(prefix, body): the prefix ends after the last top-level #include."""
    lines = text.splitlines(keepends=True)
    last = -1
    depth = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("#if"):
            depth += 1
        elif s.startswith("#endif"):
            depth = max(0, depth - 1)
        elif s.startswith("#include") and depth == 0:
            last = i
    return "".join(lines[:last + 1]), "".join(lines[last + 1:])


class Tool:
    def __init__(self, args):
        self.tidy = args.tidy
        self.clangxx = args.clangxx
        self.timeout = args.timeout

    def lint(self, source, flags, extra=(), fix=True):
        cmd = [self.tidy, "--quiet", "--checks=-*,async-*",
               "--config={CheckOptions: {OffloadExecutor: blocking_pool}}"]
        if fix:
            cmd += ["--fix-errors", "--fix-notes"]
        cmd += list(extra) + [source, "--"] + flags
        return run(cmd, timeout=self.timeout)

    def compiles(self, source, flags):
        rc, out, _ = run([self.clangxx, "-fsyntax-only"] + flags + [source],
                         timeout=self.timeout)
        return rc == 0, out


# --- Mutants --------------------------------------------------------------------

def mutate(body, rnd):
    """One random change to body: a token deleted, duplicated, swapped or
    replaced, or a line deleted, duplicated or moved. (text, what)."""
    tokens = [m for m in TOKEN.finditer(body)
              if not m.group().startswith(("//", "/*"))]
    lines = body.splitlines(keepends=True)
    op = rnd.choice(["delete", "duplicate", "swap", "insert", "delete-line",
                     "duplicate-line", "move-line", "delete-lines"])
    if op.endswith("line") or op == "delete-lines":
        if len(lines) < 2:
            op = "delete"
        else:
            i = rnd.randrange(len(lines))
            if op == "delete-line":
                del lines[i]
            elif op == "duplicate-line":
                lines.insert(i, lines[i])
            elif op == "move-line":
                lines.insert(rnd.randrange(len(lines)), lines.pop(i))
            else:
                del lines[i:i + rnd.randint(2, 8)]
            return "".join(lines), "%s at line %d" % (op, i + 1)
    if not tokens:
        return body + "}", "append"
    i = rnd.randrange(len(tokens))
    t = tokens[i]
    if op == "delete":
        return body[:t.start()] + body[t.end():], "delete %r" % t.group()
    if op == "duplicate":
        return (body[:t.end()] + " " + t.group() + body[t.end():],
                "duplicate %r" % t.group())
    if op == "insert":
        new = rnd.choice(INSERTS)
        return (body[:t.start()] + new + " " + body[t.start():],
                "insert %r before %r" % (new, t.group()))
    if i + 1 >= len(tokens):
        return body[:t.start()] + body[t.end():], "delete %r" % t.group()
    u = tokens[i + 1]
    return (body[:t.start()] + u.group() + body[t.end():u.start()] +
            t.group() + body[u.end():], "swap %r %r" % (t.group(), u.group()))


def prepare_pch(tool, path, flags, work, use_pch):
    """The file's prefix as a PCH when it builds; (prefix, body, flags)."""
    with open(path, errors="replace") as f:
        text = f.read()
    prefix, body = split_includes(text)
    if not use_pch or not prefix:
        return "", text, flags
    base = os.path.join(work, os.path.basename(path))
    header = base + ".prefix.h"
    with open(header, "w") as f:
        f.write(prefix)
    pch = header + ".pch"
    rc, _, _ = run([tool.clangxx, "-x", "c++-header"] + flags +
                   [header, "-o", pch], timeout=tool.timeout)
    if rc != 0:
        return "", text, flags
    return prefix, body, flags + ["-include-pch", pch]


def cmd_mutate(args, tool, files):
    rnd = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="async-tidy-mutants-")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        prepared = dict(zip(
            (path for path, _ in files),
            pool.map(lambda f: prepare_pch(tool, f[0], f[1], work,
                                           not args.no_pch), files)))
    # The mutants are drawn up front, so the seed alone decides them.
    plan = []
    for n in range(args.mutants):
        path, _ = files[n % len(files)]
        _, body, _ = prepared[path]
        text, what = mutate(body, rnd)
        plan.append((n, path, text, what))

    if args.pick:
        wanted = {int(n) for n in args.pick.split(",")}
        plan = [item for item in plan if item[0] in wanted]
    stats = {"mutants": 0, "compiler errors": 0, "findings": 0,
             "fixes applied": 0, "crashes": 0, "hangs": 0,
             "dropped fixes": 0, "clang's own fix-its overlapping": 0}
    failures = []
    deadline = time.monotonic() + args.time_budget

    def one(item):
        n, path, text, what = item
        if time.monotonic() > deadline:
            return None
        prefix, _, mflags = prepared[path]
        source = os.path.join(work, "m%05d-%s" % (n, os.path.basename(path)))
        # Without a PCH the mutant is the whole file.
        with open(source, "w") as f:
            f.write(text)
        rc, out, _ = tool.lint(source, mflags)
        result = {"n": n, "file": os.path.relpath(path, args.root),
                  "what": what, "rc": rc, "out": out, "source": source,
                  "prefix": prefix}
        return result

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for r in pool.map(one, plan):
            if r is None:
                continue
            stats["mutants"] += 1
            out = r["out"]
            problem = None
            if r["rc"] is None:
                stats["hangs"] += 1
                problem = "hang (over %d s)" % args.timeout
            elif crashed(r["rc"], out):
                stats["crashes"] += 1
                problem = "crash (exit %d)" % r["rc"]
            else:
                errors = bool(re.search(r"\berror:", out))
                stats["compiler errors"] += errors
                stats["findings"] += len(re.findall(
                    r"warning: .*\[async-blocking-[\w-]+\]", out))
                m = APPLIED.search(out)
                if m:
                    stats["fixes applied"] += int(m.group(1))
                dropped = (m and m.group(1) != m.group(2)) or \
                    "overlaps with another fix" in out or \
                    "conflicts with" in out
                # With compiler errors the checks attach no fix in a batch
                # run: what overlaps there are clang's own fix-its.
                if dropped and errors:
                    stats["clang's own fix-its overlapping"] += 1
                elif dropped:
                    stats["dropped fixes"] += 1
                    problem = "overlapping fixes"
            if problem:
                failures.append((r, problem))
                keep(args, r, problem)
            os.remove(r["source"])
    shutil.rmtree(work, ignore_errors=True)
    return stats, failures


def keep(args, r, problem):
    """Saves a failing mutant, whole (prefix and body), to reproduce it."""
    if not args.keep:
        return
    os.makedirs(args.keep, exist_ok=True)
    name = os.path.join(args.keep, os.path.basename(r["source"]))
    with open(r["source"], errors="replace") as f:
        body = f.read()
    with open(name, "w") as f:
        f.write(r["prefix"] + body)
    with open(name + ".log", "w") as f:
        f.write("%s: %s (%s)\n" % (r["file"], problem, r["what"]))
        if "n" in r:
            f.write("reproduce: stress.py mutate --seed %d --mutants %d "
                    "--pick %d (with the same corpus)\n" % (
                        args.seed, args.mutants, r["n"]))
        f.write("\n" + r["out"])


# --- Fix safety -----------------------------------------------------------------

def cmd_fixes(args, tool, files):
    """Fixes applied with the defaults a new user has (no pool configured),
    then again with a pool, where the file declares one."""
    work = tempfile.mkdtemp(prefix="async-tidy-fixes-")
    stats = {"files": 0, "files fixed": 0, "fixes applied": 0,
             "changed again": 0, "broke the build": 0, "crashes": 0,
             "hangs": 0}
    failures = []

    def one(entry):
        path, flags = entry
        source = os.path.join(work, os.path.basename(path))
        with open(path, errors="replace") as f:
            original = f.read()
        # Check lines are comments; the fixed file is the code's own.
        with open(source, "w") as f:
            f.write(original)
        compiled, _ = tool.compiles(source, flags)
        rc, out, _ = run([tool.tidy, "--quiet", "--checks=-*,async-*",
                          "--fix", "--fix-notes", source, "--"] + flags,
                         timeout=tool.timeout)
        r = {"file": os.path.relpath(path, args.root), "source": source,
             "prefix": "", "what": "fixed", "out": out, "applied": 0}
        if rc is None:
            return r, "hangs", "hang"
        if crashed(rc, out):
            return r, "crashes", "crash"
        m = APPLIED.search(out)
        r["applied"] = int(m.group(1)) if m else 0
        with open(source) as f:
            fixed = f.read()
        rc2, out2, _ = run([tool.tidy, "--quiet", "--checks=-*,async-*",
                            "--fix", "--fix-notes", source, "--"] + flags,
                           timeout=tool.timeout)
        with open(source) as f:
            again = f.read()
        if rc2 is None or crashed(rc2, out2):
            r["out"] = out2
            return r, "crashes" if rc2 is not None else "hangs", "second run"
        if again != fixed:
            r["out"] = out2
            return r, "changed again", "fixed file changed on a second run"
        if compiled and fixed != original:
            ok, cout = tool.compiles(source, flags)
            if not ok:
                r["out"] = out + "\n" + cout
                return r, "broke the build", "fixed file does not compile"
        return r, None, None

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for r, counter, problem in pool.map(one, files):
            stats["files"] += 1
            stats["fixes applied"] += r["applied"]
            if r["applied"]:
                stats["files fixed"] += 1
            if counter:
                stats[counter] += 1
                failures.append((r, problem))
                keep(args, r, problem)
    shutil.rmtree(work, ignore_errors=True)
    return stats, failures


# --- Big inputs -------------------------------------------------------------

# The coroutine type is the tests' own (test/Inputs/task.h).
PRELUDE = """#include "task.h"
#include <unistd.h>
using task = test::task<>;
inline std::suspend_never tick() { return {}; }
struct chain { chain next() const { return {}; } int value() const { return 0; } };
"""


def big_inputs(scale):
    """(name, text): many coroutines with nested blocks and lambdas; a cycle
    of helpers that recurse into each other; one long helper chain; long
    member-call chains and deeply nested calls."""
    n = 100000 // scale
    many = [PRELUDE]
    for i in range(n):
        many.append("task co%d(int a) {\n  if (a) { while (a--) { for (int i = 0;"
                    " i < a; ++i) { auto l = [&] { return a + i; }; a += l();"
                    " } } }\n  %s\n  co_await tick();\n}\n"
                    % (i, "usleep(1);" if i % 100 == 0 else "++a;"))
    depth = 2000 // scale
    cycle = [PRELUDE]
    cycle.append("".join("void r%d(int);\n" % i for i in range(depth)))
    # The blocking call is two steps in, so the walk must get through the
    # cycle's memo to find it.
    for i in range(depth):
        cycle.append("void r%d(int x) { if (x) r%d(x - 1); %s}\n"
                     % (i, (i + 1) % depth, "usleep(x); " if i == 1 else ""))
    cycle.append("task rec(int a) { r0(a); co_await tick(); }\n")
    longchain = [PRELUDE, "inline void l%d(int x) { usleep(x); }\n" % depth]
    for i in range(depth - 1, -1, -1):
        longchain.append("inline void l%d(int x) { l%d(x); }\n" % (i, i + 1))
    longchain.append("task deep(int a) { l0(a); co_await tick(); }\n")
    calls = [PRELUDE]
    members = ".next()" * (1000 // scale)
    nested = "0"
    for _ in range(200):
        nested = "pure(%s)" % nested
    calls.append("inline int pure(int x) { return x; }\n")
    blocks = "if (v) {" * 200 + " usleep(v); " + "}" * 200
    for i in range(100 // scale or 1):
        calls.append("task c%d() {\n  int v = chain{}%s.value();\n  v += %s;\n"
                     "  %s\n  co_await tick();\n}\n"
                     % (i, members, nested, blocks))
    # With the findings each must give: a run that stops checking fails.
    return [("%d coroutines, nested blocks and lambdas" % n, "".join(many),
             (n + 99) // 100),
            ("a cycle of %d helpers" % depth, "".join(cycle), 1),
            # Beyond MaxDepth (64): walked, not reported.
            ("a helper chain %d deep" % depth, "".join(longchain), 0),
            ("long member-call chains, calls and blocks nested 200 deep",
             "".join(calls), 100 // scale or 1)]


def measure(cmd, timeout):
    r = testlib.run(cmd, timeout=timeout, memory=True)
    if r.timed_out:
        return None, None, None, ""
    return r.returncode, r.seconds, r.peak_mb or 0.0, r.stdout


def cmd_big(args, tool, _files):
    work = tempfile.mkdtemp(prefix="async-tidy-big-")
    stats = {"inputs": 0, "crashes": 0, "hangs": 0, "over bounds": 0,
             "wrong findings": 0}
    failures, rows = [], []
    for name, text, expected in big_inputs(args.scale):
        source = os.path.join(work, "big.cpp")
        with open(source, "w") as f:
            f.write(text)
        flags = ["-std=c++20", "-I", os.path.join(args.root, "test", "Inputs")]
        _, floor_t, floor_m, _ = measure(
            [tool.clangxx, "-fsyntax-only"] + flags + [source], args.timeout)
        # clang-tidy's own cost on top of the parse, with a check that
        # matches nothing: the bounds are held against this run.
        _, harness_t, harness_m, _ = measure(
            [tool.tidy, "--quiet", "--checks=-*,llvm-header-guard", source,
             "--"] + flags, args.timeout)
        # The deepest search there is, so long chains are walked for real.
        rc, t, m, out = measure(
            [tool.tidy, "--quiet", "--checks=-*,async-*",
             "--config={CheckOptions: {MaxDepth: 64}}", source, "--"] + flags,
            args.timeout)
        stats["inputs"] += 1
        r = {"file": name, "source": source, "prefix": "", "what": name,
             "out": out}
        problem = None
        if rc is None:
            stats["hangs"] += 1
            problem = "hang (over %d s)" % args.timeout
        elif crashed(rc, out):
            stats["crashes"] += 1
            problem = "crash"
        else:
            found = len(re.findall(r"warning: .*\[async-", out))
            rows.append((name, len(text.splitlines()), floor_t, harness_t, t,
                         floor_m, harness_m, m, found))
            if found != expected:
                stats["wrong findings"] += 1
                problem = "%d findings, expected %d" % (found, expected)
            elif harness_t and (t > args.time_bound * harness_t + 1.0 or
                                m > args.memory_bound * harness_m):
                stats["over bounds"] += 1
                problem = "%.2f s / %.0f MB against clang-tidy's own %.2f s " \
                          "/ %.0f MB" % (t, m, harness_t, harness_m)
        if problem:
            failures.append((r, problem))
            keep(args, r, problem)
    shutil.rmtree(work, ignore_errors=True)
    lines = ["| input | lines | clang++ -fsyntax-only | clang-tidy, no-op "
             "check | async-* checks | peak memory (parse / no-op / checks) | "
             "findings |", "|---|---|---|---|---|---|---|"]
    for name, n, ft, ht, t, fm, hm, m, w in rows:
        lines.append("| %s | %d | %.2f s | %.2f s | %.2f s (%+.0f %%) | "
                     "%.0f / %.0f / %.0f MB (%+.0f %%) | %d |" % (
                         name, n, ft, ht, t, 100 * (t / ht - 1), fm, hm, m,
                         100 * (m / hm - 1), w))
    stats["table"] = "\n".join(lines)
    return stats, failures


# --- Driver -----------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["mutate", "fixes", "big"])
    parser.add_argument("--root", required=True, help="the source tree")
    parser.add_argument("--tidy", required=True, help="async-tidy")
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--subst", action="append", default=[],
                        help="NAME=VALUE: lit's %%NAME in RUN lines")
    parser.add_argument("--only", help="only corpus files matching this regex")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutants", type=int, default=100)
    parser.add_argument("--time-budget", type=float, default=600,
                        help="seconds; mutants not started by then are not run")
    parser.add_argument("--timeout", type=int, default=60,
                        help="seconds per run before it counts as a hang")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-pch", action="store_true")
    parser.add_argument("--pick", help="mutate: run only these mutant "
                        "numbers (comma-separated), to reproduce a failure")
    parser.add_argument("--scale", type=int, default=1,
                        help="big inputs divided by this")
    parser.add_argument("--time-bound", type=float, default=1.25,
                        help="big inputs: at most this times clang-tidy's own "
                             "run with a no-op check, + 1 s")
    parser.add_argument("--memory-bound", type=float, default=1.1)
    parser.add_argument("--keep", help="directory for failing inputs")
    parser.add_argument("--report", help="append the summary here")
    args = parser.parse_args()
    subst = dict(s.split("=", 1) for s in args.subst)
    # --fix-errors also applies clang's own fix-its, in headers too: the
    # runs work on a copy of the corpus and its headers, never the tree.
    sandbox = tempfile.mkdtemp(prefix="async-tidy-corpus-")
    for d in ("test", "examples"):
        shutil.copytree(os.path.join(args.root, d), os.path.join(sandbox, d),
                        ignore=shutil.ignore_patterns("Output", "__pycache__"))
    root = os.path.abspath(args.root)
    subst = {k: v.replace(root, sandbox) if not v.startswith(
        os.path.join(root, "build")) else v for k, v in subst.items()}
    args.root = sandbox
    tool = Tool(args)
    files = corpus(args.root, subst)
    if args.only:
        files = [f for f in files if re.search(args.only, f[0])]
    if not files:
        sys.exit("error: no input files")
    start = time.monotonic()
    stats, failures = {"mutate": cmd_mutate, "fixes": cmd_fixes,
                       "big": cmd_big}[args.mode](args, tool, files)
    elapsed = time.monotonic() - start
    table = stats.pop("table", None)
    summary = ["## %s (seed %d, %d corpus files, %.0f s, %d jobs)" % (
        args.mode, args.seed, len(files), elapsed, args.jobs), ""]
    summary += ["- %s: %d" % kv for kv in stats.items()]
    if table:
        summary += ["", table]
    for r, problem in failures:
        summary.append("- FAILED %s: %s (%s)" % (r["file"], problem,
                                                r["what"]))
    text = "\n".join(summary) + "\n"
    print(text)
    for r, problem in failures[:3]:
        print("--- %s: %s\n%s" % (r["file"], problem, r["out"][-3000:]))
    if args.report:
        with open(args.report, "a") as f:
            f.write(text + "\n")
        with open(args.report + ".json", "a") as f:
            f.write(json.dumps({"mode": args.mode, "seed": args.seed,
                                "seconds": round(elapsed), **stats}) + "\n")
    shutil.rmtree(sandbox, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
