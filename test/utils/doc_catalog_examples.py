#!/usr/bin/env python3
"""Splices the catalog entries shown in a doc page into a copy of the catalog.

  doc_catalog_examples.py CATALOG DOC OUT

Every ```yaml block of DOC that is a list entry ('  - name: ...') goes under
'apis:' when it has a category, under 'frameworks:' otherwise. OUT is then
validated with async-tidy-catalog check; an example the catalog's parser
rejects is a wrong page. Exits 1 when DOC shows no entries.
"""

import re
import sys


def main(catalog, doc, out):
    with open(catalog) as f:
        text = f.read()
    with open(doc) as f:
        blocks = re.findall(r"```yaml\n(.*?)```", f.read(), re.S)
    entries = [b for b in blocks if b.startswith("  - name:")]
    if not entries:
        print("error: no catalog entries in %s" % doc)
        return 1
    for entry in entries:
        section = "apis:\n" if "\n    category:" in entry else "frameworks:\n"
        if section not in text:
            print("error: no '%s' in %s" % (section.strip(), catalog))
            return 1
        text = text.replace(section, section + entry, 1)
    with open(out, "w") as f:
        f.write(text)
    print("%d entries" % len(entries))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
