#!/usr/bin/env python3
"""Drives a language server over stdio the way an editor does.

Opens one file, waits for its diagnostics, asks for the quick fixes of each
one and prints both in a line-oriented form for FileCheck:

  diagnostic L:C-L:C [source code] "message"
  quickfix "title" edit L:C-L:C "new text"

Positions are 1-based. Exits non-zero when the server dies or stays silent.

With --rebuilds N it then edits the file N times, waiting for the server to
publish the diagnostics of each version, and prints the server's resident
memory after the first tenth of the rebuilds and after the last:

  rebuilds N diagnostics D rss-mb A B growth-mb G

Flat memory over hundreds of rebuilds is what an editor session needs.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import queue


class Server:
    def __init__(self, cmd, cwd, stderr=None):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=stderr or subprocess.DEVNULL)
        self.next_id = 0
        self.inbox = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode().strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, method, params, notify=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notify:
            self.next_id += 1
            message["id"] = self.next_id
        data = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return message.get("id")

    def wait(self, predicate, timeout):
        while True:
            try:
                message = self.inbox.get(timeout=timeout)
            except queue.Empty:
                sys.exit("error: the server sent nothing for %ds" % timeout)
            if message is None:
                sys.exit("error: the server exited (code %s)"
                         % self.proc.wait())
            if predicate(message):
                return message

    def request(self, method, params, timeout):
        request_id = self.send(method, params)
        reply = self.wait(lambda m: m.get("id") == request_id
                          and "method" not in m, timeout)
        if "error" in reply:
            sys.exit("error: %s failed: %s" % (method, reply["error"]))
        return reply["result"]


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def rebuild(server, uri, text, count, timeout):
    """Edits the open file count times, each edit a rebuild."""
    warm = None
    diagnostics = 0
    for version in range(2, count + 2):
        # A comment that changes each time: a new AST, the same findings.
        edited = text + "\n// edit %d\n" % version
        server.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]}, notify=True)
        published = server.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version, timeout)
        diagnostics = len(published["params"]["diagnostics"])
        if version - 1 == max(1, count // 10):
            warm = rss_mb(server.proc.pid)
    last = rss_mb(server.proc.pid)
    print("rebuilds %d diagnostics %d rss-mb %.1f %.1f growth-mb %.1f" %
          (count, diagnostics, warm, last, last - warm))


def span(r):
    return "%d:%d-%d:%d" % (r["start"]["line"] + 1, r["start"]["character"] + 1,
                            r["end"]["line"] + 1, r["end"]["character"] + 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--rebuilds", type=int, default=0)
    parser.add_argument("--server-stderr", metavar="FILE",
                        help="write the server's stderr there")
    parser.add_argument("file")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    args = parser.parse_args()

    path = os.path.abspath(args.file)
    root = os.path.dirname(path)
    uri = "file://" + path
    stderr = open(args.server_stderr, "w") if args.server_stderr else None
    server = Server(args.server, root, stderr)
    server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + root,
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"codeActionsInline": False},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix", "refactor"]}}}}},
    }, args.timeout)
    server.send("initialized", {}, notify=True)
    with open(path) as f:
        text = f.read()
    server.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}},
        notify=True)

    published = server.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri, args.timeout)
    diagnostics = published["params"]["diagnostics"]
    for d in diagnostics:
        print("diagnostic %s [%s %s] %s" % (span(d["range"]), d.get("source"),
                                            d.get("code"),
                                            json.dumps(d["message"])))
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d], "only": ["quickfix"]},
        }, args.timeout)
        for action in actions or []:
            if action.get("kind") != "quickfix":
                continue
            changes = action.get("edit", {}).get("changes", {})
            for edit_uri, edits in changes.items():
                for e in edits:
                    print("quickfix %s edit %s %s %s" % (
                        json.dumps(action["title"]),
                        os.path.basename(edit_uri), span(e["range"]),
                        json.dumps(e["newText"])))
    print("diagnostics: %d" % len(diagnostics))
    if args.rebuilds:
        rebuild(server, uri, text, args.rebuilds, args.timeout)
    server.request("shutdown", None, args.timeout)
    server.send("exit", None, notify=True)
    server.proc.wait(timeout=args.timeout)


if __name__ == "__main__":
    main()
