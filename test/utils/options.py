#!/usr/bin/env python3
"""Holds configuration against the options the checks really have.

  options.py covered DUMP CONFIG
      every option in DUMP (async-tidy --dump-config) is set in CONFIG
  options.py reference ASYNC_TIDY DOC
      DOC's reference table (docs/configuration.md) lists every option with
      its checks, default and scope (check, global, or global or check, as
      --dump-config shows them and as the checks read them); its examples
      verify clean; its FrameworkTypes section names every framework of the
      catalog

Exits 1 with one line per mismatch.
"""

import json
import os
import re
import sys
import tempfile

from testlib import run

CHECKS = "-*,async-*"
PREFIX = "async-blocking-"


GLOBAL = ""


def dump_options(text):
    """{check or GLOBAL: {option: value}} from --dump-config output."""
    options = {}
    for line in text.splitlines():
        m = re.match(r"^  (?:(%s[a-z-]+)\.)?(\w+): *(.*)$" % PREFIX, line)
        if not m:
            continue
        value = m.group(3).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        options.setdefault(m.group(1) or GLOBAL, {})[m.group(2)] = value
    return options


def covered(dump, config):
    with open(dump) as f:
        options = dump_options(f.read())
    with open(config) as f:
        text = f.read()
    names = sorted({o for opts in options.values() for o in opts})
    if not names:
        return ["no async-tidy options in %s" % dump]
    return ["option %s is not given a value in %s" % (n, config)
            for n in names
            if not re.search(r"^\s*(%s[a-z-]+\.)?%s:" % (PREFIX, n), text,
                             re.M)]


def strip_code(cell):
    cell = cell.strip()
    return cell[1:-1] if cell.startswith("`") and cell.endswith("`") else cell


def reference_rows(doc_text):
    """{option: {checks, default, scope, example}} from the reference table."""
    rows = {}
    for line in doc_text.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5:
            continue
        option, checks, default, scope, example = cells
        rows[strip_code(option)] = {
            "checks": checks,
            "default": "" if default == "empty" else strip_code(default),
            "scope": scope,
            "example": strip_code(example),
        }
    return rows


def run_tool(tool, args, cwd):
    return run([tool] + args, cwd=cwd, merge=False)


def with_config(tool, options, cwd, extra):
    path = os.path.join(cwd, "config.yaml")
    with open(path, "w") as f:
        json.dump({"Checks": CHECKS, "CheckOptions": options}, f)
    return run_tool(tool, ["--config-file=" + path] + extra, cwd)


SCOPES = ("check", "global", "global or check")


def reference(tool, doc):
    with open(doc) as f:
        doc_text = f.read()
    rows = reference_rows(doc_text)
    problems = []
    with tempfile.TemporaryDirectory() as cwd:
        defaults = dump_options(
            with_config(tool, {}, cwd, ["--dump-config"]).stdout)
        globals_ = defaults.pop(GLOBAL, {})
        checks = sorted(defaults)
        if not checks or not globals_:
            return ["--dump-config shows no options of the checks and the "
                    "analysis"]
        for option, row in sorted(rows.items()):
            if row["scope"] not in SCOPES:
                problems.append("%s: scope %r is none of %s" %
                                (option, row["scope"], ", ".join(SCOPES)))
            if "#### `%s`" % option not in doc_text:
                problems.append("%s: no section '#### `%s`'" %
                                (option, option))

        # Global options once, under their global keys.
        for option, value in sorted(globals_.items()):
            row = rows.get(option)
            if row is None:
                problems.append("global %s is not in the table" % option)
                continue
            if row["scope"] == "check":
                problems.append("%s: --dump-config shows it globally, the "
                                "table says check" % option)
            if row["default"] != value:
                problems.append("%s: default %r, the table says %r" %
                                (option, value, row["default"]))
        # Each check's own options under its name.
        for check, opts in sorted(defaults.items()):
            for option, value in sorted(opts.items()):
                row = rows.get(option)
                if row is None:
                    problems.append("%s.%s is not in the table" %
                                    (check, option))
                    continue
                if row["scope"] != "check":
                    problems.append("%s.%s: --dump-config shows it under "
                                    "the check, the table says %s" %
                                    (check, option, row["scope"]))
                if row["checks"] != "all" and strip_code(row["checks"]) \
                        != check:
                    problems.append("%s.%s: the table says only %s" %
                                    (check, option, row["checks"]))
                if row["default"] != value:
                    problems.append("%s.%s: default %r, the table says %r" %
                                    (check, option, value, row["default"]))
        for option, row in sorted(rows.items()):
            if row["scope"] == "check":
                owners = [c for c in checks if option in defaults[c]]
                if not owners:
                    problems.append("%s: in the table, no check has it" %
                                    option)
                elif row["checks"] == "all" and len(owners) != len(checks):
                    problems.append("%s: the table says all, only %s" %
                                    (option, ", ".join(owners)))
            elif option not in globals_:
                problems.append("%s: the table says %s, --dump-config does "
                                "not show it globally" % (option,
                                                          row["scope"]))

        # Each example where its scope says: shown there, and the examples
        # all verify clean.
        given = {}
        for option, row in rows.items():
            if row["scope"] == "check":
                for check in checks:
                    if option in defaults[check]:
                        given["%s.%s" % (check, option)] = row["example"]
            else:
                given[option] = row["example"]
        dumped = dump_options(
            with_config(tool, given, cwd, ["--dump-config"]).stdout)
        for key, example in sorted(given.items()):
            check, _, option = key.rpartition(".")
            seen = dumped.get(check or GLOBAL, {}).get(option)
            if seen != example:
                problems.append("%s given reads %r, expected %r" %
                                (key, seen, example))
        verify = with_config(tool, given, cwd, ["--verify-config"])
        if verify.returncode != 0 or "error" in verify.stderr:
            problems.append("the examples do not verify clean:\n" +
                            verify.stdout + verify.stderr)

        # Set for one check, the reach shows under that check; the global
        # options are errors naming the global key.
        some = checks[0]
        for option, row in sorted(rows.items()):
            if row["scope"] == "check":
                continue
            key = "%s.%s" % (some, option)
            if row["scope"] == "global or check":
                seen = dump_options(with_config(
                    tool, {key: row["example"]}, cwd,
                    ["--dump-config"]).stdout).get(some, {}).get(option)
                if seen != row["example"]:
                    problems.append("%s given reads %r, expected %r" %
                                    (key, seen, row["example"]))
            else:
                bad = with_config(tool, {key: row["example"]}, cwd,
                                  ["--verify-config"])
                wanted = "option '%s' applies to the whole analysis" % key
                if bad.returncode == 0 or wanted not in bad.stderr:
                    problems.append("%s is not refused:\n%s" %
                                    (key, bad.stderr))

        # FrameworkTypes names every framework the checks accept.
        bad = with_config(tool, {"FrameworkTypes": "x::Y,no-such"}, cwd,
                          ["--verify-config"])
        m = re.search(r"with a framework of ([^\[]*?) \[", bad.stderr)
        if not m:
            problems.append("no framework list in:\n" + bad.stderr)
        else:
            accepted = {n.strip() for n in m.group(1).split(",")}
            section = doc_text.split("#### `FrameworkTypes`", 1)[-1]
            section = section.split("####", 1)[0]
            named = set(re.findall(r"`([a-z_.-]+)`", section))
            if accepted != named:
                problems.append("FrameworkTypes: the page names %s, the "
                                "checks accept %s" %
                                (sorted(named), sorted(accepted)))
    return problems


def main(argv):
    if len(argv) == 4 and argv[1] == "covered":
        problems = covered(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == "reference":
        problems = reference(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    for p in problems:
        print("error: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
