#!/usr/bin/env python3
"""Writes the site's sw.js from the template web/sw.js, with the site's file list and a hash of their contents.

usage: make_sw.py TEMPLATE SITE_DIR
The decoder's files (ON_DEMAND) and the licence texts (ON_OPEN) are left out of the precache list and cached by
sw.js when first fetched.
The cache name changes whenever any shipped byte changes, so a new deployment installs a complete new cache
and the old one is removed when it takes over. sw.js itself is not precached (the browser fetches it).
"""
import hashlib
import json
import os
import sys

# The scanner's decoder: cached when first fetched, not precached (most visitors never open the scanner).
ON_DEMAND = {"scan.js", "scan.wasm"}
# The licence texts: opened from "About" by few, so a first visit does not download them either.
ON_OPEN = {"licences.txt"}


def main() -> int:
    template, site = sys.argv[1], sys.argv[2]
    files = sorted(f for f in os.listdir(site) if os.path.isfile(os.path.join(site, f)) and f != "sw.js")
    on_demand = [f for f in files if f in ON_DEMAND]
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        with open(os.path.join(site, name), "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    with open(template, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("__SSI_HASH__", digest.hexdigest()[:16])
    text = text.replace("__SSI_FILES__", json.dumps(["./"] + ["./" + f for f in files if f not in ON_DEMAND | ON_OPEN]))
    text = text.replace("__SSI_ON_DEMAND__", json.dumps(["./" + f for f in on_demand]))
    text = text.replace("__SSI_ON_OPEN__", json.dumps(["./" + f for f in files if f in ON_OPEN]))
    with open(os.path.join(site, "sw.js"), "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
