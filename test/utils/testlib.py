"""What the test scripts and the benchmark share: running a command.

    from testlib import run
    r = run(["async-tidy", "--version"])
    r.returncode, r.stdout, r.stderr, r.seconds, r.peak_mb

start() is its counterpart for commands that run side by side, or are
killed: it does not wait.

bench/ imports it too (bench.py puts test/utils on its path).
"""

import os
import subprocess
import tempfile
import time


class Result:
    """A finished command. returncode is None when it timed out; stdout
    holds stderr too unless the run asked for them apart; peak_mb is the
    peak resident memory when measured, else None."""

    def __init__(self, returncode, stdout, stderr, seconds, peak_mb=None):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.peak_mb = peak_mb

    @property
    def timed_out(self):
        return self.returncode is None


def run(cmd, input=None, timeout=None, cwd=None, env=None, merge=True,
        check=False, memory=False):
    """Runs cmd (a list), decoding its output leniently (tools print what
    the sources hold). merge: stderr into stdout. check: raise on a non-zero
    exit. memory: measure peak memory with /usr/bin/time."""
    stderr = subprocess.STDOUT if merge else subprocess.PIPE
    rss_file = None
    if memory:
        fd, rss_file = tempfile.mkstemp(prefix="async-tidy-rss-")
        os.close(fd)
        # Written to its own file: the command's output stays its own.
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + list(cmd)
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, input=input, stdout=subprocess.PIPE,
                              stderr=stderr, cwd=cwd, env=env,
                              timeout=timeout, text=True, errors="replace")
        result = Result(proc.returncode, proc.stdout, proc.stderr or "",
                        time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(
            e.stdout, bytes) else (e.stdout or "")
        result = Result(None, out, "", time.monotonic() - start)
    finally:
        if rss_file:
            try:
                with open(rss_file) as f:
                    lines = f.read().split()
                if lines and lines[-1].isdigit() and result.returncode \
                        is not None:
                    result.peak_mb = int(lines[-1]) / 1024.0
            except (OSError, NameError):
                pass
            os.unlink(rss_file)
    if check and result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, cmd,
                                            result.stdout, result.stderr)
    return result


def start(cmd, cwd=None, env=None):
    """Starts cmd (a list) without waiting: a subprocess.Popen whose stdout
    and stderr are pipes of text, for runs side by side or killed."""
    return subprocess.Popen(cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=cwd, env=env,
                            text=True, errors="replace")
