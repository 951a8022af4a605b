#!/usr/bin/env python3
"""Writes a GLSL ES source without its comments and the whitespace between its tokens.

usage: minify_glsl.py IN OUT
shaders/ stays commented and readable; the page embeds the shaders as the GPU driver reads them (issue 16: their
comments were a third of the embedded shader bytes). Preprocessor lines keep a line of their own. Spaces around + and -
stay, so "a - -b" never becomes a decrement.
"""
import os
import re
import sys

TIGHT = r"[{}()\[\];,=<>*/?:!&|^%]"


def strip_comments(text: str) -> str:
    """GLSL has no string literals: a comment starts at the first // or /* outside another comment."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise SystemExit("minify_glsl.py: a /* comment is not closed")
            out.append(" ")
            i = end + 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def minify(text: str) -> str:
    if re.search(r"\\\n", text):
        raise SystemExit("minify_glsl.py: a line continuation (backslash at the end of a line) is not handled")
    text = strip_comments(text)
    out = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            out += ("\n" if out and not out.endswith("\n") else "") + line + "\n"
            continue
        line = re.sub(r"\s+", " ", line)
        line = re.sub(r" ?(" + TIGHT + r") ?", r"\1", line)
        # Two identifier or number characters meeting across a line break still need a space between them.
        if out and not out.endswith("\n") and re.match(r"\w", out[-1]) and re.match(r"\w", line[0]):
            out += " "
        out += line
    return out.rstrip("\n") + "\n"


def main() -> int:
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as handle:
        text = minify(handle.read())
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
