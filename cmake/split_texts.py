#!/usr/bin/env python3
"""Splits the shipped content into a language-neutral skeleton and one text file per language (issue 16).

usage: split_texts.py SKELETON_OUT TEXTS_DIR CONTENT.json [CONTENT.json ...]
SKELETON_OUT: a line per content file: its name (content/NAME.json), a space, and the file minified with every text
({"de": "...", "en": "..."}) replaced by the byte 0x01. TEXTS_DIR receives texts.de.txt and texts.en.txt: per language, the texts
in the order of the marks, one JSON string per line. The page embeds the skeleton and fetches the person's language
only (cmake/site_files.py names the files by their content); ssi::join_texts() (core) puts them back together: the
source's values, minified.
"""
import json
import os
import sys

MARK = "\x01"
LANGS = ("de", "en")


def is_text(value) -> bool:
    return isinstance(value, dict) and sorted(value) == list(LANGS) and all(isinstance(v, str) for v in value.values())


def dump(value, texts) -> str:
    """Minified JSON as json.dumps writes it, with texts replaced by MARK and collected into texts."""
    if is_text(value):
        if list(value) != list(LANGS):
            raise SystemExit(f"split_texts.py: a text lists its languages as {list(value)}, not de, en")
        # json.dumps escapes line breaks, so each text is one line.
        texts.append([json.dumps(value[lang], ensure_ascii=False) for lang in LANGS])
        return MARK
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(v, texts) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v, texts) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)


def main() -> int:
    skeleton_out, texts_dir, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    lines, texts = [], []
    for source in sources:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        if MARK in text:
            raise SystemExit(f"split_texts.py: {source} holds the byte 0x01")
        lines.append("content/" + os.path.basename(source) + " " + dump(json.loads(text), texts))
    write(skeleton_out, "\n".join(lines) + "\n")
    for i, lang in enumerate(LANGS):
        write(os.path.join(texts_dir, f"texts.{lang}.txt"), "".join(pair[i] + "\n" for pair in texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
