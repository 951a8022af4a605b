#!/usr/bin/env python3
"""Writes a JSON file without the whitespace between its tokens (strings, numbers and key order untouched).

usage: minify_json.py IN.json OUT.json
The content catalogues stay readable in the repository; the page embeds them without their indentation.
src/app/session.cpp therefore compares a trainer's file with the embedded questionnaire as parsed values.
"""
import os
import sys


def minify(text: str) -> str:
    out = []
    in_string = escaped = False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c in " \t\r\n":
            continue
        elif c == '"':
            in_string = True
        out.append(c)
    return "".join(out)


def main() -> int:
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tmp = target + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(minify(text))
    os.replace(tmp, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
