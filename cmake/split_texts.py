#!/usr/bin/env python3
"""Splits the shipped content into a language-neutral skeleton and one text file per language (issue 16).

usage: split_texts.py SKELETON_OUT TEXTS_DIR CONTENT.json [CONTENT.json ...]
SKELETON_OUT: per content file one line, its name (content/NAME.json), a space and the file minified, every text ({"de": "...",
"en": "..."}) replaced by the byte 0x01. TEXTS_DIR receives de.txt and en.txt: per language, the texts in the order of the marks, one JSON string per
line; the same as site/texts.LANG.HASH.txt for the page, and text_files.js, which names those for web/pre.js. HASH
covers the skeleton and both files, so a page never joins another build's texts. The page embeds the skeleton and
fetches the person's language only; ssi::join_texts() (core) puts them back together: the source's values, minified.
"""
import hashlib
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
        # Key order as written, so the joined file equals the source's values and order.
        texts.append([json.dumps(value[lang], ensure_ascii=False) for lang in LANGS])
        order = list(value)
        if order != list(LANGS):
            raise SystemExit(f"split_texts.py: a text lists its languages as {order}, not de, en")
        return MARK
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(v, texts) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v, texts) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write(path: str, text: str) -> None:
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
    skeleton = "\n".join(lines) + "\n"
    packs = {lang: "".join(pair[i] + "\n" for pair in texts) for i, lang in enumerate(LANGS)}
    digest = hashlib.sha256(skeleton.encode())
    for lang in LANGS:
        digest.update(packs[lang].encode())
    tag = digest.hexdigest()[:16]
    os.makedirs(os.path.dirname(skeleton_out) or ".", exist_ok=True)
    write(skeleton_out, skeleton)
    site = os.path.join(texts_dir, "site")
    os.makedirs(site, exist_ok=True)
    for name in os.listdir(site):
        os.remove(os.path.join(site, name))
    names = {lang: f"texts.{lang}.{tag}.txt" for lang in LANGS}
    for lang in LANGS:
        write(os.path.join(texts_dir, f"{lang}.txt"), packs[lang])
        write(os.path.join(site, names[lang]), packs[lang])
    # Read by web/pre.js (prepended before it): the files to fetch, by language.
    write(os.path.join(texts_dir, "text_files.js"), f"var SSI_TEXT_FILES = {json.dumps(names)};\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
