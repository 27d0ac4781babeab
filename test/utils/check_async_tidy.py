#!/usr/bin/env python3
"""Runs async-tidy checks on a test file and verifies the result.

The contract is clang-tidy's: '// CHECK-MESSAGES:', '// CHECK-NOTES:' and
'// CHECK-FIXES:' lines in the test state what must be printed and what the
fixed file must contain. The checks run on a copy with those lines blanked
(line numbers stay), fixes are applied to the copy, and any warning or error
not expected fails the test. Every test runs through each tool given with
--tool (the plugin in stock clang-tidy, and async-tidy); both must print the
same diagnostics.

Usage: check_async_tidy.py [options] TEST CHECKS TMP [-- CLANG_ARGS...]
"""

import argparse
import os
import re
import shlex
import sys

from testlib import run

PREFIXES = ("CHECK-MESSAGES", "CHECK-NOTES", "CHECK-FIXES")


def fail(message):
    sys.exit("error: " + message)


def file_check(filecheck, test, prefix, text, extra):
    cmd = [filecheck, test, "--check-prefix=" + prefix, "--dump-input=never"] + extra
    proc = run(cmd, input=text)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        fail("FileCheck --check-prefix=%s failed" % prefix)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", action="append", required=True,
                        help="NAME=COMMAND: a clang-tidy command line to test")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--suffix", default="",
                        help="check CHECK-MESSAGES-SUFFIX etc. instead")
    parser.add_argument("--config", help="clang-tidy --config value")
    parser.add_argument("--tidy-arg", action="append", default=[],
                        help="one more argument for the tool itself, such as "
                        "--header-filter=REGEX")
    parser.add_argument("--fix-notes", action="store_true",
                        help="also apply fixes attached to notes")
    parser.add_argument("--compile-fixed", metavar="CXX",
                        help="compile the fixed file with this compiler")
    parser.add_argument("test")
    parser.add_argument("checks")
    parser.add_argument("tmp")
    # Everything after '--' goes to the compiler; options may follow the
    # positional arguments, as in clang-tidy's own tests.
    argv = sys.argv[1:]
    clang_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, clang_args = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)
    args.clang_args = clang_args

    suffix = "-" + args.suffix if args.suffix else ""
    messages, notes, fixes = (p + suffix for p in PREFIXES)

    with open(args.test) as f:
        source = f.read()
    present = {p for p in (messages, notes, fixes)
               if re.search(r"//\s*%s:" % re.escape(p), source)}
    if messages in present and notes in present:
        fail("use %s or %s, not both" % (messages, notes))
    # Blank every check line, of any suffix, keeping the line numbers.
    stripped = re.sub(r"//\s*CHECK-(MESSAGES|NOTES|FIXES)[-\w]*:.*", "//",
                      source)

    ext = os.path.splitext(args.test)[1] or ".cpp"
    outputs = {}
    for spec in args.tool:
        name, _, command = spec.partition("=")
        copy = "%s.%s%s" % (args.tmp, name, ext)
        os.makedirs(os.path.dirname(os.path.abspath(copy)), exist_ok=True)
        with open(copy, "w") as f:
            f.write(stripped)
        cmd = shlex.split(command) + [copy, "-fix",
                                      "--checks=-*," + args.checks]
        if args.fix_notes:
            cmd.append("--fix-notes")
        if args.config is not None:
            cmd.append("--config=" + args.config)
        cmd += args.tidy_arg
        cmd += ["--", "-std=c++20"] + args.clang_args
        proc = run(cmd)
        output = proc.stdout.replace(copy, "%INPUT%")
        print("------ %s: %s" % (name, " ".join(shlex.quote(c) for c in cmd)))
        print(output)
        if proc.returncode not in (0, 1) or "Segmentation fault" in output \
                or "Stack dump" in output:
            fail("%s crashed (exit %d)" % (name, proc.returncode))
        with open(copy) as f:
            fixed = f.read()
        diff = run(["diff", "-u", "--label", "original", "--label", "fixed",
                    "-", copy], input=stripped)
        print(diff.stdout)

        # Only the diagnostics themselves: the tools differ in summary lines.
        diagnostics = "\n".join(
            l for l in output.splitlines()
            if re.search(r": (warning|error|note): ", l) or l.startswith(" "))
        outputs[name] = diagnostics

        if not present:
            if re.search(r": (warning|error): ", output):
                fail("%s: no diagnostic was expected" % name)
        if messages in present:
            file_check(args.filecheck, args.test, messages, output,
                       ["--implicit-check-not={{warning|error}}:"])
        if notes in present:
            cleaned = "\n".join(l for l in output.splitlines()
                                if "FIX-IT applied" not in l)
            file_check(args.filecheck, args.test, notes, cleaned,
                       ["--implicit-check-not={{note|warning|error}}:"])
        if fixes in present:
            file_check(args.filecheck, args.test, fixes, fixed,
                       ["--match-full-lines"])
        elif fixed != stripped:
            fail("%s changed the file but the test has no %s lines"
                 % (name, fixes))
        # clang-tidy merges identical insertions from several checks (one
        # #include); these are the messages of edits it had to drop.
        if re.search(r"overlaps with another fix|Fix conflicts with existing"
                     r"|Can't resolve conflict", output):
            fail("%s produced conflicting fixes" % name)
        # Several fixes may need one header: it is inserted once.
        includes = [l.strip() for l in fixed.splitlines()
                    if l.strip().startswith("#include")]
        twice = {l for l in includes if includes.count(l) > 1}
        if twice:
            fail("%s inserted %s more than once" % (name, ", ".join(twice)))
        # Fixed code is final: running again finds nothing more to fix.
        if fixed != stripped:
            again = run(cmd)
            with open(copy) as f:
                if f.read() != fixed:
                    print(again.stdout)
                    fail("%s changed the fixed file again" % name)
        if args.compile_fixed:
            cc = run([args.compile_fixed, "-fsyntax-only", "-std=c++20", "-x",
                      "c++", copy] + args.clang_args)
            if cc.returncode != 0:
                print(cc.stdout)
                fail("the fixed file does not compile")

    names = list(outputs)
    for other in names[1:]:
        if outputs[other] != outputs[names[0]]:
            fail("%s and %s printed different diagnostics"
                 % (names[0], other))


if __name__ == "__main__":
    main()
