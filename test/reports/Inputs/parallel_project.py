#!/usr/bin/env python3
"""Writes a project for the parallel report tests into DIR: N files, each a
coroutine with two blocking calls, all including shared.h (one blocking
call of its own), and compile_commands.json.

Usage: parallel_project.py DIR N
"""

import json
import os
import sys

UNIT = """#include "shared.h"
#include "task.h"
#include <unistd.h>

test::task<> poll_{n}() {{
  sleep({n});
  usleep({n});
  co_await test::yield();
}}
"""

SHARED = """#include "task.h"
#include <unistd.h>

inline test::task<> shared_wait() {
  sleep(100);
  co_await test::yield();
}
"""


def main():
    root, count = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    inputs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "..", "Inputs")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "shared.h"), "w") as f:
        f.write(SHARED)
    commands = []
    for n in range(1, count + 1):
        name = "f%02d.cpp" % n
        with open(os.path.join(root, name), "w") as f:
            f.write(UNIT.format(n=n))
        commands.append({
            "directory": root, "file": name,
            "arguments": ["clang++", "-std=c++20", "-I",
                          os.path.normpath(inputs), "-c", name]})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(commands, f, indent=1)


if __name__ == "__main__":
    main()
