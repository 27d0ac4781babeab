#!/usr/bin/env python3
"""Counts what async-tidy's reports hold, for the tests of parallel runs.

  report_counts.py sarif FILE [--list]
      "runs R, results N, invocations I, fingerprints F unique, units U":
      F counts distinct partialFingerprints, U the translation units named
      by the invocations. With --list, then one line per result: its URI,
      line, rule and fingerprint, sorted, to compare two logs with diff.
  report_counts.py baseline FILE
      "entries E, findings C" (C adds up the counts).
"""

import json
import sys


def sarif(path, listing):
    with open(path) as f:
        log = json.load(f)
    results = [r for run in log["runs"] for r in run.get("results", [])]
    invocations = [i for run in log["runs"] for i in run.get("invocations", [])]
    prints = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["partialFingerprints"]["asyncTidyFindingHash/v1"])
              for r in results}
    units = {u for i in invocations
             for u in i.get("properties", {}).get("translationUnits", [])}
    print("runs %d, results %d, invocations %d, fingerprints %d unique, "
          "units %d" % (len(log["runs"]), len(results), len(invocations),
                        len(prints), len(units)))
    if listing:
        lines = []
        for r in results:
            loc = r["locations"][0]["physicalLocation"]
            lines.append("%s:%d %s %s" % (
                loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                r["ruleId"], r["partialFingerprints"]["asyncTidyFindingHash/v1"]))
        for line in sorted(lines):
            print(line)


def baseline(path):
    with open(path) as f:
        findings = json.load(f)["findings"]
    print("entries %d, findings %d" % (len(findings),
                                       sum(e["count"] for e in findings)))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "sarif":
        sarif(path, "--list" in sys.argv[3:])
    elif kind == "baseline":
        baseline(path)
    else:
        sys.exit("usage: report_counts.py sarif|baseline FILE [--list]")


if __name__ == "__main__":
    main()
