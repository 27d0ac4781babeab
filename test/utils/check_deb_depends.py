#!/usr/bin/env python3
"""Checks that a .deb's Depends names every package its programs load from.

Usage: check_deb_depends.py DEB ROOT
ROOT is the package unpacked with dpkg -x. Each shared library an ELF file
under ROOT needs is resolved with ldconfig and mapped to its Debian package
with dpkg -S; each such package must appear in the package's Depends.
Prints one "soname package" line per library.
"""

import os
import re
import sys

from testlib import run


def output(*command):
    return run(list(command), merge=False, check=True).stdout


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def main():
    deb, root = sys.argv[1:3]
    depends = output("dpkg-deb", "-f", deb, "Depends")
    named = {re.split(r"[ (]", d.strip())[0] for d in depends.split(",")}

    needed = set()
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            if os.path.islink(path) or not is_elf(path):
                continue
            dynamic = output("readelf", "-d", path)
            needed |= set(re.findall(r"\(NEEDED\).*\[(.*)\]", dynamic))
    if not needed:
        sys.exit("error: no ELF file with shared libraries under %s" % root)

    cache = {}
    for line in output("ldconfig", "-p").splitlines():
        m = re.match(r"\s*(\S+) \((.*)\) => (\S+)", line)
        if m and "x86-64" in m.group(2):
            cache.setdefault(m.group(1), m.group(3))

    missing = []
    for soname in sorted(needed):
        path = cache.get(soname)
        if not path:
            missing.append("%s: not found by ldconfig" % soname)
            continue
        # dpkg knows the path the package installed, not the symlinks to it.
        owner = run(["dpkg", "-S", os.path.realpath(path)], merge=False)
        if owner.returncode != 0:
            owner = run(["dpkg", "-S", path], merge=False)
        package = owner.stdout.split(":")[0].strip()
        print(soname, package)
        if package not in named:
            missing.append("%s (%s) is not in Depends" % (package, soname))
    if missing:
        sys.exit("error: " + "; ".join(missing))


if __name__ == "__main__":
    main()
