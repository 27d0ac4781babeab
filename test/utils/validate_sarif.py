#!/usr/bin/env python3
"""Validates a SARIF log as GitHub code scanning reads it.

The SARIF 2.1.0 schema is not downloaded (the tests run offline): the
properties GitHub requires or relies on are checked here instead.

  - the log: "version" is "2.1.0", "$schema" names a 2.1.0 schema, "runs"
    is a non-empty list;
  - each run: tool.driver.name, a list of rules each with an "id", a
    shortDescription.text and a helpUri, no id twice;
  - each result: a ruleId among the rules (and ruleIndex pointing at it when
    given), a non-empty message.text, a level SARIF knows, and locations
    whose artifactLocation.uri is relative to a uriBaseId the run defines in
    originalUriBaseIds (no leading "/", no scheme), with region.startLine
    and startColumn of 1 or more;
  - fixes: artifactChanges with replacements, each a deletedRegion with a
    startLine and an insertedContent.text (possibly empty);
  - invocations: executionSuccessful, and a message.text in each
    notification.

With --docs DIR, each async-* rule must also have the page DIR/<id>.md, its
helpUri must point to that page and its shortDescription must be the page's
first sentence; every page must have its rule.

Usage: validate_sarif.py FILE [--docs DIR]
Prints "valid SARIF: N results, M rules"; exits 1 naming the first problem.
"""

import argparse
import json
import os
import re
import sys

LEVELS = ("none", "note", "warning", "error")


class Invalid(Exception):
    pass


def need(condition, where, what):
    if not condition:
        raise Invalid("%s: %s" % (where, what))


def text_of(obj, key, where):
    value = obj.get(key)
    need(isinstance(value, dict) and isinstance(value.get("text"), str)
         and value["text"].strip(), where, "needs a non-empty %s.text" % key)
    return value["text"]


def check_region(region, where, key="startLine"):
    need(isinstance(region, dict), where, "needs a region")
    for name in ("startLine", "startColumn", "endLine", "endColumn"):
        if name in region or name == key:
            value = region.get(name)
            need(isinstance(value, int) and value >= 1, where,
                 "%s must be an integer of 1 or more, not %r" % (name, value))


def check_artifact(artifact, bases, where):
    need(isinstance(artifact, dict), where, "needs an artifactLocation")
    uri = artifact.get("uri")
    need(isinstance(uri, str) and uri, where, "needs artifactLocation.uri")
    base = artifact.get("uriBaseId")
    if base is None:
        # Only files outside the source root may be absolute.
        need(uri.startswith("file:///"), where,
             "uri %r has no uriBaseId and is not a file:// URI" % uri)
        return
    need(not uri.startswith("/") and not re.match(r"^[a-z]+:", uri), where,
         "uri %r must be relative to %s" % (uri, base))
    need(base in bases, where,
         "uriBaseId %r is not in the run's originalUriBaseIds" % base)


def check_location(location, bases, where):
    physical = location.get("physicalLocation")
    need(isinstance(physical, dict), where, "needs a physicalLocation")
    check_artifact(physical.get("artifactLocation"), bases, where)
    check_region(physical.get("region"), where)


def check_fix(fix, bases, where):
    changes = fix.get("artifactChanges")
    need(isinstance(changes, list) and changes, where,
         "needs artifactChanges")
    for i, change in enumerate(changes):
        at = "%s.artifactChanges[%d]" % (where, i)
        check_artifact(change.get("artifactLocation"), bases, at)
        replacements = change.get("replacements")
        need(isinstance(replacements, list) and replacements, at,
             "needs replacements")
        for j, replacement in enumerate(replacements):
            rat = "%s.replacements[%d]" % (at, j)
            check_region(replacement.get("deletedRegion"), rat)
            inserted = replacement.get("insertedContent")
            need(isinstance(inserted, dict)
                 and isinstance(inserted.get("text"), str), rat,
                 "needs insertedContent.text")


def first_sentence(page):
    """The first sentence of the paragraph after a page's title."""
    with open(page) as f:
        lines = f.read().split("\n")
    paragraph = []
    for line in lines[1:]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    text = " ".join(paragraph)
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def check_docs(rules, docs):
    pages = {name[:-3] for name in os.listdir(docs) if name.endswith(".md")}
    ours = {rule["id"]: rule for rule in rules
            if rule["id"].startswith("async-")}
    need(set(ours) == pages, "rules",
         "async-* rules %s differ from the pages in %s: %s"
         % (sorted(ours), docs, sorted(pages)))
    for name, rule in sorted(ours.items()):
        where = "rule %s" % name
        need(rule["helpUri"].endswith("/docs/checks/%s.md" % name), where,
             "helpUri %r is not its page" % rule["helpUri"])
        expected = first_sentence(os.path.join(docs, name + ".md"))
        need(rule["shortDescription"]["text"] == expected, where,
             "shortDescription %r is not the page's first sentence %r"
             % (rule["shortDescription"]["text"], expected))


def validate(log, docs):
    need(isinstance(log, dict), "log", "must be an object")
    need(log.get("version") == "2.1.0", "log",
         "version must be \"2.1.0\", not %r" % log.get("version"))
    schema = log.get("$schema")
    need(isinstance(schema, str) and "2.1.0" in schema, "log",
         "$schema must name a SARIF 2.1.0 schema, not %r" % schema)
    runs = log.get("runs")
    need(isinstance(runs, list) and runs, "log", "needs a non-empty runs list")
    results = rules_count = 0
    for r, run in enumerate(runs):
        where = "runs[%d]" % r
        driver = (run.get("tool") or {}).get("driver")
        need(isinstance(driver, dict), where, "needs tool.driver")
        need(isinstance(driver.get("name"), str) and driver["name"], where,
             "needs tool.driver.name")
        rules = driver.get("rules", [])
        need(isinstance(rules, list), where, "tool.driver.rules must be a list")
        ids = []
        for i, rule in enumerate(rules):
            at = "%s.rules[%d]" % (where, i)
            need(isinstance(rule.get("id"), str) and rule["id"], at,
                 "needs an id")
            text_of(rule, "shortDescription", at)
            need(isinstance(rule.get("helpUri"), str)
                 and re.match(r"^https?://", rule["helpUri"]), at,
                 "needs an http(s) helpUri")
            ids.append(rule["id"])
        need(len(set(ids)) == len(ids), where, "a rule id appears twice")
        for i, invocation in enumerate(run.get("invocations", [])):
            at = "%s.invocations[%d]" % (where, i)
            need(isinstance(invocation.get("executionSuccessful"), bool), at,
                 "needs executionSuccessful")
            for kind in ("toolConfigurationNotifications",
                         "toolExecutionNotifications"):
                for j, note in enumerate(invocation.get(kind, [])):
                    text_of(note, "message", "%s.%s[%d]" % (at, kind, j))
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            uri = base.get("uri", "")
            need(uri.startswith("file:///") and uri.endswith("/"), where,
                 "originalUriBaseIds[%s] must be a file:// directory URI" % name)
        for i, result in enumerate(run.get("results", [])):
            at = "%s.results[%d]" % (where, i)
            rule_id = result.get("ruleId")
            need(rule_id in ids, at, "ruleId %r is not in the rules" % rule_id)
            if "ruleIndex" in result:
                need(result["ruleIndex"] == ids.index(rule_id), at,
                     "ruleIndex %r does not point at %s"
                     % (result["ruleIndex"], rule_id))
            text_of(result, "message", at)
            need(result.get("level", "warning") in LEVELS, at,
                 "level %r is not one of %s" % (result.get("level"), LEVELS))
            locations = result.get("locations")
            need(isinstance(locations, list) and locations, at,
                 "needs locations")
            for j, location in enumerate(locations):
                check_location(location, bases, "%s.locations[%d]" % (at, j))
            for j, related in enumerate(result.get("relatedLocations", [])):
                rat = "%s.relatedLocations[%d]" % (at, j)
                text_of(related, "message", rat)
                if "physicalLocation" in related:
                    check_location(related, bases, rat)
            for j, fix in enumerate(result.get("fixes", [])):
                check_fix(fix, bases, "%s.fixes[%d]" % (at, j))
            results += 1
        if docs:
            check_docs(rules, docs)
        rules_count += len(rules)
    return results, rules_count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sarif")
    parser.add_argument("--docs", help="docs/checks: rules match the pages")
    args = parser.parse_args()
    try:
        with open(args.sarif) as f:
            log = json.load(f)
        results, rules = validate(log, args.docs)
    except (Invalid, ValueError) as e:
        sys.exit("invalid SARIF: %s" % e)
    print("valid SARIF: %d results, %d rules" % (results, rules))


if __name__ == "__main__":
    main()
