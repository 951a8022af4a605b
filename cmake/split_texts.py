#!/usr/bin/env python3
"""Splits the shipped content into a language-neutral skeleton and two text files per language (issue 16).

usage: split_texts.py RARE_RULES SKELETON_OUT TEXTS_DIR CONTENT.json [CONTENT.json ...]
SKELETON_OUT: a line per content file: its name (content/NAME.json), a space, and the file minified with every text
({"de": "...", "en": "..."}) replaced by the byte 0x01, or 0x02 for a rare one (its place, FILE/KEY/..., matches a
line of RARE_RULES, src/app/rare_texts.txt). TEXTS_DIR receives texts.de.txt and texts.en.txt (the 0x01 texts) and
rare.de.txt and rare.en.txt (the 0x02 ones): per language, the texts in the order of their marks, one JSON string per
line. The page embeds the skeleton and fetches the person's language only, the rare texts after the first frame
(cmake/site_files.py names the files by their content); ssi::join_texts() (core) puts them back together: the
source's values, minified.
"""
import json
import os
import re
import sys

MARK, RARE = "\x01", "\x02"
LANGS = ("de", "en")


def is_text(value) -> bool:
    return isinstance(value, dict) and sorted(value) == list(LANGS) and all(isinstance(v, str) for v in value.values())


def dump(value, place, rules, texts, rare) -> str:
    """Minified JSON as json.dumps writes it, with texts replaced by MARK or RARE and collected into texts or rare."""
    if is_text(value):
        if list(value) != list(LANGS):
            raise SystemExit(f"split_texts.py: a text lists its languages as {list(value)}, not de, en")
        matched = [rule for rule in rules if rule[0].fullmatch(place)]
        for rule in matched:
            rule[1] += 1
        # json.dumps escapes line breaks, so each text is one line.
        (rare if matched else texts).append([json.dumps(value[lang], ensure_ascii=False) for lang in LANGS])
        return RARE if matched else MARK
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(v, place + "/" + k, rules, texts, rare)
                              for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v, place + "/" + str(i), rules, texts, rare) for i, v in enumerate(value)) + "]"
    return json.dumps(value, ensure_ascii=False)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)


def main() -> int:
    rules_file, skeleton_out, texts_dir, sources = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with open(rules_file, encoding="utf-8") as handle:
        rules = [[re.compile(line.strip()), 0] for line in handle if line.strip() and not line.lstrip().startswith("#")]
    lines, texts, rare = [], [], []
    for source in sources:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        if MARK in text or RARE in text:
            raise SystemExit(f"split_texts.py: {source} holds the byte 0x01 or 0x02")
        name = os.path.basename(source)
        lines.append("content/" + name + " " + dump(json.loads(text), name, rules, texts, rare))
    for rule, count in rules:
        if count == 0:
            raise SystemExit(f"split_texts.py: no text matches {rule.pattern!r} of {rules_file}")
    write(skeleton_out, "\n".join(lines) + "\n")
    for i, lang in enumerate(LANGS):
        write(os.path.join(texts_dir, f"texts.{lang}.txt"), "".join(pair[i] + "\n" for pair in texts))
        write(os.path.join(texts_dir, f"rare.{lang}.txt"), "".join(pair[i] + "\n" for pair in rare))
    return 0


if __name__ == "__main__":
    sys.exit(main())
