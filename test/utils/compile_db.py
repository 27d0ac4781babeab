#!/usr/bin/env python3
"""Writes DIR/compile_commands.json from COMMANDS, a file of lines
"FILE COMPILER OPTION...": each FILE compiled in DIR with "-c FILE" after
the options. Lines starting with '#' are comments.

usage: compile_db.py DIR COMMANDS
"""

import json
import os
import sys


def main():
    directory, commands = sys.argv[1:3]
    entries = []
    with open(commands) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            source, *arguments = line.split()
            entries.append({"directory": directory, "file": source,
                            "arguments": arguments + ["-c", source]})
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    main()
