#!/usr/bin/env python3
"""Run async-tidy over a checkout of public coroutine code and report every finding.

    python3 bench/real_world.py PROFILE CHECKOUT [--tidy BIN] [--out DIR]

PROFILE names an entry of bench/real-world-profiles.json: the parse flags
(`{src}` stands for CHECKOUT), which files to lint (by default every .cpp,
.cc, .hpp and .h that spells co_await, co_return, co_yield or yield_context,
narrowed by the profile's include/exclude globs), and how to parse headers
that are not self-contained. CHECKOUT is a directory outside this
repository: the script refuses to lint code committed here.

Each file is linted once, as the main file (headers with -x c++-header, or
through a generated .cpp that includes the profile's prelude first), with
diagnostics restricted to that file: a finding in a header is reported by
the header's own run, never once per including file. One async-tidy process
at a time, niced: the machine is shared.

The same run counts the coroutines defined in each file (stackless: a
definition whose body is a coroutine body; stackful: a function taking a
basic_yield_context), with two clang-query custom checks, so the count
costs no second parse. Template instantiations are not counted: a template
is one coroutine, as the checks report it once.

Writes OUT/PROFILE.json (files, parse errors, coroutines, findings with
notes) and OUT/PROFILE.md (a summary; verdicts from
bench/real-world-verdicts.json are joined to the findings when present).
OUT defaults to a `results` directory next to CHECKOUT; it must also be
outside this repository. OUT/PROFILE/ keeps the generated
compile_commands.json and wrappers, so that one file can be re-run by hand:
async-tidy -p OUT/PROFILE FILE.
"""

import argparse
import collections
import fnmatch
import json
import os
import re
import sys
import time

# The helpers the test scripts share.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "test", "utils"))
import testlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXTENSIONS = (".cpp", ".cc", ".hpp", ".h")
HEADERS = (".hpp", ".h")
COROUTINE_WORDS = re.compile(r"\b(co_await|co_return|co_yield|yield_context)\b")
# Profiles with "select": "handlers" lint the callback-style files instead:
# those that give completion handlers or post functions and have no
# coroutine (issue 16's event-loop contexts).
HANDLER_WORDS = re.compile(r"(\.|\b)(async_\w+|post|dispatch|defer|runInLoop|queueInLoop)\s*\(")
DIAG = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note|fatal error): (.*?)(?: \[([\w.,-]+)\])?$")

# Counted by clang-tidy's query-based custom checks in the same parse.
NOT_INSTANTIATED = ("unless(isTemplateInstantiation()), unless(hasAncestor(decl(anyOf("
                    "functionDecl(isTemplateInstantiation()), "
                    "cxxRecordDecl(isTemplateInstantiation())))))")
YIELD_CONTEXT = 'recordType(hasDeclaration(namedDecl(hasName("basic_yield_context"))))'
COUNT_CONFIG = {
    "Checks": "-*,async-*,custom-*",
    "CustomChecks": [
        {"Name": "coroutine-definition",
         "Query": "match functionDecl(isDefinition(), hasBody(coroutineBodyStmt()), %s).bind(\"co\")"
                  % NOT_INSTANTIATED,
         "Diagnostic": [{"BindName": "co", "Message": "coroutine", "Level": "Warning"}]},
        {"Name": "stackful-definition",
         "Query": "match functionDecl(isDefinition(), hasAnyParameter(hasType(hasUnqualifiedDesugaredType("
                  "anyOf(%s, referenceType(pointee(hasUnqualifiedDesugaredType(%s))))))), %s).bind(\"sf\")"
                  % (YIELD_CONTEXT, YIELD_CONTEXT, NOT_INSTANTIATED),
         "Diagnostic": [{"BindName": "sf", "Message": "stackful coroutine", "Level": "Warning"}]},
    ],
}


# With --candidates: calls of issue 19's families written in a coroutine
# (or in a lambda inside one), found by clang-query matchers in the same
# parse. Those on a line with no finding are printed for review as possible
# misses; most are not (a lambda inside a coroutine may run elsewhere).
IN_COROUTINE = ("hasAncestor(functionDecl(anyOf(hasBody(coroutineBodyStmt()), hasAnyParameter(hasType("
                "hasUnqualifiedDesugaredType(anyOf(%s, referenceType(pointee(hasUnqualifiedDesugaredType(%s)))))"
                ")))))" % (YIELD_CONTEXT, YIELD_CONTEXT))


def record(*names):
    return ('hasUnqualifiedDesugaredType(recordType(hasDeclaration(namedDecl(hasAnyName(%s)))))'
            % ", ".join('"%s"' % n for n in names))


def calls(*names):
    return "callExpr(callee(functionDecl(hasAnyName(%s))))" % ", ".join('"%s"' % n for n in names)


FSTREAM = record("::std::basic_ifstream", "::std::basic_ofstream", "::std::basic_fstream",
                 "::boost::nowide::basic_ifstream", "::boost::nowide::basic_ofstream",
                 "::boost::nowide::basic_fstream")
# anyOf(hasType(T), hasType(pointsTo(T))): one hasType over an anyOf of a
# QualType and a Type matcher silently matches nothing in clang-query.
FSTREAM_OR_PTR = "anyOf(hasType(%s), hasType(pointsTo(%s)))" % (FSTREAM, FSTREAM)
QFILE = record("::QFile", "::QSaveFile", "::QTemporaryFile")
CANDIDATES = {
    # A local whose destructor joins or waits.
    "destructor": "varDecl(hasType(qualType(%s)))" % record(
        "::std::jthread", "::asio::thread_pool", "::boost::asio::thread_pool"),
    "async-future": calls("::std::async"),
    # A callable that a std algorithm runs here, on this thread.
    "inline-callable": "callExpr(callee(functionDecl(hasAnyName(%s))), hasAnyArgument(ignoringImplicit(lambdaExpr())))"
                       % ", ".join('"::std::%s"' % n for n in (
                           "for_each", "for_each_n", "transform", "generate", "generate_n", "apply",
                           "visit", "invoke", "call_once", "accumulate", "reduce", "sort", "stable_sort",
                           "find_if", "count_if", "all_of", "any_of", "none_of", "remove_if",
                           "copy_if", "partition", "max_element", "min_element")),
    "factory": "callExpr(callee(functionDecl(hasAnyName(\"::std::make_unique\", \"::std::make_shared\", "
               "\"::std::allocate_shared\", \"::std::construct_at\"), hasTemplateArgument(0, refersToType(%s)))))"
               % FSTREAM,
    "fstream-io": "expr(anyOf(cxxMemberCallExpr(on(%s), callee(cxxMethodDecl(hasAnyName(\"read\", \"write\", "
                  "\"getline\", \"get\", \"put\", \"flush\", \"close\", \"ignore\", \"readsome\", "
                  "\"seekg\", \"seekp\", \"open\")))), callExpr(callee(functionDecl(hasName(\"::std::getline\"))), "
                  "hasArgument(0, %s)), cxxOperatorCallExpr(hasAnyOverloadedOperatorName(\"<<\", \">>\"), "
                  "hasArgument(0, %s))))" % (FSTREAM_OR_PTR, FSTREAM_OR_PTR, FSTREAM_OR_PTR),
    "posix": calls(*("::" + n for n in (
        "fcntl", "lockf", "flock", "pause", "sigwait", "sigsuspend", "sigtimedwait", "sigwaitinfo",
        "mq_send", "mq_receive", "mq_timedsend", "mq_timedreceive", "msgrcv", "msgsnd", "semop",
        "tcdrain", "aio_suspend", "chmod", "chown", "fchmod", "link", "symlink", "readlink", "mkstemp",
        "tmpfile", "remove", "rename", "unlink", "mkdir", "rmdir", "stat", "lstat", "access", "opendir",
        "readdir", "closedir", "glob", "scandir", "nftw", "dlopen", "getpwnam", "getpwuid", "getgrnam",
        "fsync", "fdatasync", "sync", "truncate", "ftruncate", "pread", "pwrite", "readv", "writev",
        "select", "poll", "epoll_wait", "wait", "waitpid", "sendfile", "splice", "getaddrinfo",
        "gethostbyname", "fopen", "fread", "fwrite", "fgets", "fputs", "fprintf", "fflush", "fclose",
        "open", "read", "write", "close", "recv", "send", "accept", "connect"))),
    "wait": "expr(anyOf(%s, cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(\"wait\", \"wait_for\", "
            "\"wait_until\", \"get\", \"acquire\", \"try_acquire_for\", \"try_acquire_until\", "
            "\"arrive_and_wait\", \"join\", \"lock\"), ofClass(matchesName(\"^::(std::(__)?(atomic|"
            "barrier|latch|counting_semaphore|condition_variable|future|shared_future|thread|jthread|mutex|"
            "shared_mutex|timed_mutex|recursive_mutex)|concurrencpp::(result|shared_result|lazy_result)|"
            "async_simple::(Future|Promise))\")))))))" % calls(
                "::std::atomic_wait", "::std::atomic_wait_explicit", "::std::atomic_flag_wait",
                "::coro::sync_wait", "::async_simple::coro::syncAwait", "::cppcoro::sync_wait"),
    # Qt's own waitFor* (not QCoro's awaitables of the same name), blocking
    # members by name, and any member of the file and database classes.
    "qt": "expr(anyOf(%s, cxxMemberCallExpr(callee(cxxMethodDecl(anyOf(matchesName(\"^::Q[A-Za-z]+::waitFor[A-Za-z]*$\"), "
          "hasAnyName(\"::QThread::wait\", \"::QEventLoop::exec\", \"::QFuture::result\", \"::QFuture::results\", "
          "\"::QFuture::waitForFinished\", \"::QSettings::sync\", \"::QCoreApplication::exec\"), "
          "ofClass(hasAnyName(\"::QFile\", \"::QDir\", \"::QFileInfo\", \"::QSqlQuery\", \"::QSqlDatabase\")))))), "
          "cxxMemberCallExpr(on(anyOf(hasType(%s), hasType(pointsTo(%s)))), "
          "callee(cxxMethodDecl(ofClass(hasName(\"::QIODevice\")))))))" % (
              calls("::QThread::sleep", "::QThread::msleep", "::QThread::usleep", "::QTest::qWait",
                    "::QTest::qWaitFor", "::QCoreApplication::processEvents"), QFILE, QFILE),
    # TLS set-up from files, and the file APIs of libraries issue 19 names.
    "tls-file": calls(*(
        ["::%s::ssl::context::%s" % (ns, m) for ns in ("asio", "boost::asio") for m in (
            "use_certificate_chain_file", "use_certificate_file", "use_private_key_file",
            "use_rsa_private_key_file", "use_tmp_dh_file", "load_verify_file", "add_verify_path",
            "set_default_verify_paths")] +
        ["::PEM_read_bio_X509", "::PEM_read_X509", "::PEM_read_PrivateKey", "::BIO_new_file",
         "::SSL_CTX_use_certificate_chain_file", "::SSL_CTX_use_PrivateKey_file",
         "::SSL_CTX_load_verify_locations", "::EVP_PKEY_keygen", "::RSA_generate_key_ex",
         "::boost::beast::file_posix::open", "::boost::beast::file_posix::read",
         "::boost::beast::file_posix::write", "::boost::beast::file_stdio::open",
         "::boost::beast::file_stdio::read", "::YAML::LoadFile", "::gzopen", "::gzread", "::gzwrite"])),
    "filesystem": "callExpr(callee(functionDecl(matchesName(\"^::(std|boost)::filesystem::\"))))",
    "beast-file-body": "cxxMemberCallExpr(callee(cxxMethodDecl(hasName(\"open\"), ofClass(matchesName("
                       "\"::boost::beast::http::basic_file_body(<.*>)?::value_type$\")))))",
}


def inside(path, root):
    path, root = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([path, root]) == root


def matches(rel, globs):
    return any(fnmatch.fnmatch(rel, g) for g in globs)


def select_files(profile, checkout):
    """The files to lint, relative to the checkout, sorted."""
    if "files" in profile:
        return sorted(profile["files"])
    chosen = []
    for dirpath, dirnames, filenames in os.walk(checkout):
        dirnames.sort()
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), checkout)
            if not name.endswith(EXTENSIONS):
                continue
            if not matches(rel, profile.get("include", ["*"])) or matches(rel, profile.get("exclude", [])):
                continue
            with open(os.path.join(checkout, rel), errors="replace") as f:
                text = f.read()
            if profile.get("select") == "handlers":
                if HANDLER_WORDS.search(text) and not COROUTINE_WORDS.search(text):
                    chosen.append(rel)
            elif COROUTINE_WORDS.search(text):
                chosen.append(rel)
    return sorted(chosen)


def file_flags(profile, rel, checkout, work):
    flags = list(profile["flags"])
    for glob, extra in profile.get("file_flags", {}).items():
        if fnmatch.fnmatch(rel, glob):
            flags += extra
    return [f.replace("{src}", checkout).replace("{stubs}", os.path.join(work, "stubs")) for f in flags]


def write_stubs(profile, checkout, work):
    """Headers a project's build generates, under OUT/PROFILE/stubs (reached
    with -I{stubs}): written from the profile (an export macro header, an
    empty .moc: moc's output only defines functions, which a parse does not
    need), or made by the profile's `generate` commands (qdbusxml2cpp)."""
    stubs = os.path.join(work, "stubs")
    os.makedirs(stubs, exist_ok=True)
    for rel, text in profile.get("stubs", {}).items():
        path = os.path.join(stubs, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    for argv in profile.get("generate", []):
        testlib.run([a.replace("{src}", checkout).replace("{stubs}", stubs) for a in argv],
                    cwd=stubs, check=True)


def prelude(profile, rel):
    """The headers a non-self-contained header needs before it, or None."""
    for glob, includes in profile.get("preludes", {}).items():
        if fnmatch.fnmatch(rel, glob):
            return includes
    return None


def plan(profile, files, checkout, work):
    """One compile command per file: (rel, main file, command, header filter)."""
    jobs = []
    for rel in files:
        path = os.path.join(checkout, rel)
        flags = file_flags(profile, rel, checkout, work)
        # A header filter that no path matches: only the main file reports.
        header_filter = "^$"
        main, lang = path, []
        if rel.endswith(HEADERS):
            includes = prelude(profile, rel)
            if includes is None:
                lang = ["-x", "c++-header"]
            else:
                main = os.path.join(work, "wrappers", rel.replace("/", "__") + ".cpp")
                os.makedirs(os.path.dirname(main), exist_ok=True)
                with open(main, "w") as f:
                    f.write("// generated by bench/real_world.py: %s with its prelude\n" % rel)
                    f.writelines("#include %s\n" % inc for inc in includes + ['"%s"' % path])
                header_filter = "(^|/)" + re.escape(rel) + "$"
        command = ["clang++"] + lang + flags + ["-c", main]
        jobs.append((rel, main, command, header_filter))
    return jobs


def parse_output(text):
    """Findings, coroutine counts and errors from async-tidy's text output.
    A note belongs to the warning or error above it."""
    findings, errors, candidates = [], [], []
    counts = collections.Counter()
    current = None
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        path, ln, col, level, message, check = m.groups()
        loc = {"file": path, "line": int(ln), "column": int(col)}
        if level == "note":
            if current is not None:
                current["notes"].append(dict(loc, message=message))
            continue
        current = None
        if "error" in level:
            errors.append(dict(loc, message=message))
        elif check in ("custom-coroutine-definition", "custom-stackful-definition"):
            counts[check.split("-")[1]] += 1
        elif check and check.startswith("custom-miss-"):
            candidates.append(dict(loc, family=message))
        elif check and check.startswith("async-"):
            current = dict(loc, check=check, message=message, notes=[])
            findings.append(current)
    return findings, counts, errors, candidates


def relative(path, checkout):
    return os.path.relpath(path, checkout) if inside(path, checkout) else path


def run(args, profile, checkout, work):
    with open(os.path.join(work, "config.json"), "w") as f:
        config = dict(COUNT_CONFIG)
        if args.candidates:
            config["CustomChecks"] = COUNT_CONFIG["CustomChecks"] + [
                {"Name": "miss-" + name, "Query": "match %s, %s).bind(\"c\")" % (m[:-1], IN_COROUTINE),
                 "Diagnostic": [{"BindName": "c", "Message": name, "Level": "Warning"}]}
                for name, m in CANDIDATES.items()]
        if profile.get("check_options"):
            config["CheckOptions"] = profile["check_options"]
        json.dump(config, f, indent=1)
    write_stubs(profile, checkout, work)
    jobs = plan(profile, select_files(profile, checkout), checkout, work)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": os.path.dirname(main), "file": main, "arguments": cmd}
                   for _, main, cmd, _ in jobs], f, indent=1)
    results, findings, candidates = [], [], []
    for i, (rel, main, _, header_filter) in enumerate(jobs, 1):
        cmd = ["nice", "-n", "10", args.tidy, "-p", work, "--quiet",
               "--experimental-custom-checks", "--config-file=" + os.path.join(work, "config.json"),
               "--header-filter=" + header_filter, main]
        proc = testlib.run(cmd, timeout=args.timeout)
        output = proc.stdout
        status = "timeout" if proc.timed_out else proc.returncode
        seconds = round(proc.seconds, 1)
        if "[clang-tidy-config]" in output:
            # A query clang-tidy rejects only warns, and would count nothing.
            sys.exit("configuration rejected:\n" + output)
        found, counts, errors, maybe = parse_output(output)
        # Template instantiations repeat a candidate; a finding on its line
        # means it was reported.
        reported = {(f["file"], f["line"]) for f in found}
        maybe = {(c["file"], c["line"], c["family"]): c for c in maybe
                 if (c["file"], c["line"]) not in reported}.values()
        for c in maybe:
            c["file"], c["tu"] = relative(c["file"], checkout), rel
            candidates.append(c)
        for f in found:
            # Kept by clang-tidy though in another file: a note is in this one.
            f["file"], f["tu"] = relative(f["file"], checkout), rel
            for n in f["notes"]:
                n["file"] = relative(n["file"], checkout)
        for e in errors:
            e["file"] = relative(e["file"], checkout)
        # A crash prints no diagnostic: the status says it.
        crashed = status not in (0, 1) or "PLEASE submit a bug report" in output
        results.append({"file": rel, "via": "wrapper" if main != os.path.join(checkout, rel)
                        else "direct", "coroutines": counts["coroutine"], "stackful": counts["stackful"],
                        "findings": len(found), "errors": errors, "status": status,
                        "crashed": crashed, "seconds": seconds})
        findings += found
        print("[%d/%d] %s: %d coroutines, %d findings, %d errors%s (%.1fs)"
              % (i, len(jobs), rel, counts["coroutine"] + counts["stackful"], len(found),
                 len(errors), ", CRASHED" if crashed else "", seconds), file=sys.stderr)
    return results, findings, candidates


def load_verdicts(name):
    """bench/real-world-verdicts.json: per profile, "findings" (verdicts keyed
    by finding_key), "candidates" (keyed 'file:line:family') and "misses"
    found by reading the code (keyed 'file:line')."""
    path = os.path.join(HERE, "real-world-verdicts.json")
    if not os.path.exists(path):
        return {}, {}, {}
    with open(path) as f:
        entry = json.load(f).get(name, {})
    return entry.get("findings", {}), entry.get("candidates", {}), entry.get("misses", {})


def finding_key(f):
    """'file:line:check', prefixed with 'linted file>' when the finding is
    in another file (a header reported because a note is in the linted one)."""
    key = "%s:%d:%s" % (f["file"], f["line"], f["check"])
    return key if f["file"] == f["tu"] else f["tu"] + ">" + key


def verdict_of(verdicts, finding):
    """A verdict is {"class": ..., "why": ...}; a list of them gives one per
    report in order, for a line reported more than once in one run."""
    v = verdicts.get(finding_key(finding))
    if isinstance(v, list):
        v = v[min(finding["occurrence"], len(v) - 1)]
    return v


def summary(name, profile, report):
    files, findings = report["files"], report["findings"]
    verdicts, candidate_verdicts, misses = load_verdicts(name)
    seen = collections.Counter()
    for f in findings:
        key = finding_key(f)
        f["occurrence"] = seen[key]
        seen[key] += 1
        f["verdict"] = verdict_of(verdicts, f)
    broken = [r for r in files if r["errors"] or r["crashed"]]
    by_verdict = collections.Counter((f["verdict"] or {}).get("class", "unclassified") for f in findings)
    lines = [
        "# %s" % name, "",
        "- repository: %s at `%s` (%s)" % (profile.get("url", "?"), profile.get("commit", "?"),
                                            profile.get("ref", "?")),
        "- tool: `%s`" % report["tool"],
        "- files linted: %d (%d through a wrapper)" % (len(files), sum(r["via"] == "wrapper" for r in files)),
        "- files with parse errors or crashes: %d" % len(broken),
        "- coroutines: %d stackless, %d stackful" % (sum(r["coroutines"] for r in files),
                                                      sum(r["stackful"] for r in files)),
        "- findings: %d" % len(findings),
        "- by verdict: " + ", ".join("%s %d" % kv for kv in sorted(by_verdict.items())),
    ]
    if "candidates" in report:
        reviewed = collections.Counter(
            candidate_verdicts.get("%s:%d:%s" % (c["file"], c["line"], c["family"]), {}).get("class", "unreviewed")
            for c in report["candidates"])
        lines.append("- possible misses listed: %d (%s)" % (
            len(report["candidates"]), ", ".join("%s %d" % kv for kv in sorted(reviewed.items()))))
    lines += [
        "",
        "## Findings by check and called function", "",
        "| check | message (call) | count |", "|---|---|---|",
    ]
    called = collections.Counter((f["check"], re.sub(r"'[^']*'$", "", f["message"].split(" inside ")[0]))
                                 for f in findings)
    lines += ["| %s | %s | %d |" % (c, m.replace("|", "\\|"), n) for (c, m), n in called.most_common()]
    lines += ["", "## Files", "", "| file | coroutines | stackful | findings | errors | s |",
              "|---|---|---|---|---|---|"]
    lines += ["| %s | %d | %d | %d | %d%s | %s |" % (r["file"], r["coroutines"], r["stackful"], r["findings"],
                                                    len(r["errors"]), " crash" if r["crashed"] else "",
                                                    r["seconds"]) for r in files]
    empty = [r["file"] for r in files if not r["coroutines"] + r["stackful"] and not r["errors"]]
    if empty:
        lines += ["", "Files with no coroutine definition (the keywords only in comments, "
                  "awaiters or preprocessed-out code): " + ", ".join(empty)]
    if broken:
        lines += ["", "## Parse errors", ""]
        for r in broken:
            lines += ["- %s: %s" % (r["file"], "; ".join("%s:%d: %s" % (e["file"], e["line"], e["message"])
                                                         for e in r["errors"][:3]) or "crash")]
    lines += ["", "## Findings", ""]
    for f in findings:
        v = f["verdict"] or {}
        lines.append("- %s:%d [%s] %s -- **%s**%s" % (f["file"], f["line"], f["check"], f["message"],
                                                     v.get("class", "unclassified"),
                                                     ": " + v["why"] if v.get("why") else ""))
    if "candidates" in report:
        lines += ["", "## Possible misses (calls of issue 19's families in coroutines, not reported)", ""]
        for c in report["candidates"]:
            v = candidate_verdicts.get("%s:%d:%s" % (c["file"], c["line"], c["family"]), {})
            lines.append("- %s:%d: %s%s -- **%s**%s" % (
                c["file"], c["line"], c["family"], "" if c["file"] == c["tu"] else " (via %s)" % c["tu"],
                v.get("class", "unreviewed"), ": " + v["why"] if v.get("why") else ""))
    if misses:
        lines += ["", "## Misses found by reading the code", ""]
        lines += ["- %s: %s" % kv for kv in sorted(misses.items())]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("profile", help="a key of the profiles file")
    p.add_argument("checkout", help="the repository's checkout, outside this repository")
    p.add_argument("--profiles", default=os.path.join(HERE, "real-world-profiles.json"))
    p.add_argument("--tidy", default=os.path.join(ROOT, "build", "bin", "async-tidy"))
    p.add_argument("--out", help="results directory (default: CHECKOUT/../results)")
    p.add_argument("--timeout", type=int, default=900, help="seconds per file")
    p.add_argument("--list", action="store_true", help="print the files that would be linted")
    p.add_argument("--only", nargs="*", help="lint only these files (relative to CHECKOUT)")
    p.add_argument("--candidates", action="store_true",
                   help="also list unreported calls of issue 19's families in coroutines, to review as misses")
    p.add_argument("--summary-only", action="store_true",
                   help="rewrite OUT/PROFILE.md from OUT/PROFILE.json (after editing verdicts)")
    args = p.parse_args()

    checkout = os.path.realpath(args.checkout)
    out = os.path.realpath(args.out or os.path.join(os.path.dirname(checkout), "results"))
    for path in (checkout, out):
        if inside(path, ROOT):
            sys.exit("%s is inside this repository: lint only checkouts kept outside it" % path)
    with open(args.profiles) as f:
        profile = json.load(f)[args.profile]
    if args.list:
        print("\n".join(select_files(profile, checkout)))
        return
    json_path = os.path.join(out, args.profile + ".json")
    if args.summary_only:
        with open(json_path) as f:
            report = json.load(f)
    else:
        if args.only:
            profile = dict(profile, files=args.only)
        work = os.path.join(out, args.profile)
        os.makedirs(work, exist_ok=True)
        start = time.time()
        files, findings, candidates = run(args, profile, checkout, work)
        version = testlib.run([args.tidy, "--version"], merge=False).stdout
        report = {"profile": args.profile, "checkout": checkout, "url": profile.get("url"),
                  "ref": profile.get("ref"), "commit": profile.get("commit"),
                  "tool": args.tidy, "tool_version": " ".join(version.split()),
                  "seconds": round(time.time() - start), "files": files, "findings": findings}
        if args.candidates:
            report["candidates"] = sorted(candidates, key=lambda c: (c["file"], c["line"]))
        with open(json_path, "w") as f:
            json.dump(report, f, indent=1)
    text = summary(args.profile, profile, report)
    with open(os.path.join(out, args.profile + ".md"), "w") as f:
        f.write(text)
    print(text.split("\n## ")[0])
    print("wrote %s and %s.md" % (json_path, json_path[:-5]))


if __name__ == "__main__":
    main()
