#!/usr/bin/env python3
"""Copies the files the page fetches itself into the site under names that carry their content's hash.

usage: site_files.py OUT_DIR JS_OUT KEY=FILE [KEY=FILE ...]
Each FILE becomes OUT_DIR/STEM.HASH.EXT (HASH: 16 hex digits of its SHA-256), so a page never reads another build's
texts or fonts from a cache. JS_OUT, prepended to ssi.js before web/pre.js, names them by KEY: var SSI_FILES.
"""
import hashlib
import json
import os
import sys


def main() -> int:
    out_dir, js_out, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, name))
    names = {}
    for pair in pairs:
        key, path = pair.split("=", 1)
        with open(path, "rb") as handle:
            data = handle.read()
        stem, ext = os.path.splitext(os.path.basename(path))
        names[key] = f"{stem}.{hashlib.sha256(data).hexdigest()[:16]}{ext}"
        with open(os.path.join(out_dir, names[key]), "wb") as handle:
            handle.write(data)
    with open(js_out, "w", encoding="utf-8") as handle:
        handle.write(f"var SSI_FILES = {json.dumps(names, sort_keys=True)};\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
