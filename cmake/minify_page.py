#!/usr/bin/env python3
"""Rewrites the site's page shell without comments and indentation: FILE.css and FILE.html, in place.

usage: minify_page.py FILE [FILE ...]
web/ stays commented and readable; the copy in the site is what a first visit downloads before its first frame
(issue 16: about 0.5 KB brotli). It refuses what it could break: a quoted string in the styles (its spaces would be
squeezed), <pre>, <textarea> or an inline script in the page.
"""
import re
import sys


def css(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,])\s*", r"\1", text)
    text = re.sub(r":\s+", ":", text)
    return text.replace(";}", "}").strip() + "\n"


def html(text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"\n\s+", "\n", text)


def main() -> int:
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        rules = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        inline_script = re.search(r"<script(?![^>]*\bsrc=)", text)
        if (path.endswith(".css") and ('"' in rules or "'" in rules)) or inline_script or re.search(r"<(pre|textarea)\b", text):
            raise SystemExit(f"minify_page.py: {path} holds what it cannot minify safely")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(css(text) if path.endswith(".css") else html(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
