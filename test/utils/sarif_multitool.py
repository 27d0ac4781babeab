#!/usr/bin/env python3
"""Runs Microsoft's SARIF validator (the SARIF Multitool's `validate`) on
SARIF logs and counts what it reports.

The multitool comes from npm (@microsoft/sarif-multitool, whose Linux binary
is in @microsoft/sarif-multitool-linux); ./run installs it into the build
tree. Its own log of the validation (SARIF, -o) is read back: each result is
a rule the input breaks, with the rule's level.

Usage: sarif_multitool.py --tool PATH --rule-kind KINDS [--allow ID,...] FILE...
KINDS is the validator's --rule-kind ("Gh;Sarif", "Ado"). Prints
"sarif-multitool VERSION (KINDS): N errors, N warnings, N notes", then each
error and warning; exits 1 if there is any that --allow does not name, or
if the tool is missing or fails.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--rule-kind", required=True)
    parser.add_argument("--allow", default="",
                        help="rule ids whose reports are expected")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    allowed = {a for a in args.allow.split(",") if a}

    if not os.access(args.tool, os.X_OK):
        print("error: the SARIF multitool is not installed at %s; ./run test "
              "installs it with npm" % args.tool, file=sys.stderr)
        return 1
    version = subprocess.run([args.tool, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT,
                             universal_newlines=True).stdout.split()
    version = version[2].split("+")[0] if len(version) > 2 else "?"

    counts = {"error": 0, "warning": 0, "note": 0}
    unexpected = 0
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "validation.sarif")
        proc = subprocess.run(
            [args.tool, "validate", "--rule-kind", args.rule_kind,
             "--level", "Error;Warning;Note", "-o", out] + args.files,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True)
        if not os.path.exists(out):
            sys.stdout.write(proc.stdout)
            print("error: the multitool wrote no log (exit %d)"
                  % proc.returncode, file=sys.stderr)
            return 1
        with open(out) as f:
            log = json.load(f)
    for run in log.get("runs", []):
        templates = {}
        for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
            for name, string in rule.get("messageStrings", {}).items():
                templates[(rule["id"], name)] = string.get("text", "")
        # The tool's own failures (a file it cannot read) are notifications.
        for inv in run.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []):
                if n.get("level") == "error":
                    lines.append("tool error: " + n["message"]["text"])
                    unexpected += 1
        for r in run.get("results", []):
            level = r.get("level", "warning")
            counts[level] = counts.get(level, 0) + 1
            if level not in ("error", "warning"):
                continue
            where = r["locations"][0]["physicalLocation"] if r.get(
                "locations") else {}
            uri = os.path.basename(
                where.get("artifactLocation", {}).get("uri", "?"))
            message = r["message"]
            text = message.get("text") or templates.get(
                (r["ruleId"], message.get("id")), "")
            for i, arg in enumerate(message.get("arguments", [])):
                text = text.replace("{%d}" % i, arg)
            tag = "" if r["ruleId"] in allowed else " (unexpected)"
            lines.append("%s %s: %s: %s%s" % (level, r["ruleId"], uri, text,
                                              tag))
            if r["ruleId"] not in allowed:
                unexpected += 1
    print("sarif-multitool %s (%s): %d errors, %d warnings, %d notes"
          % (version, args.rule_kind, counts["error"], counts["warning"],
             counts["note"]))
    for line in lines:
        print(line)
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
