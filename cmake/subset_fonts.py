#!/usr/bin/env python3
"""Subsets the UI fonts to the glyphs the app declares in src/app/glyphs.h.

usage: subset_fonts.py GLYPHS_H OUT_DIR INTER_REGULAR INTER_SEMIBOLD FONT_AWESOME
Reads the code itself (the kTextRanges and kBaseRanges pairs, kIconSources and the UTF-8 bytes of every SSI_ICON_*
label), not its comments, so the subset fonts hold exactly what Theme::load_fonts asks ImGui to rasterise; each icon is
mapped at its slot (U+0080 upwards), not at its Font Awesome code point. What kTextRanges holds beyond kBaseRanges goes
into files of their own (inter-*-wide.otf), which the page fetches after the first frame (issue 16). Runs at build time,
so an edit of glyphs.h re-subsets without a new configure.
"""
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def code_points(source: str, name: str) -> list[int]:
    """The code points of the ranges array `name` (pairs ended by 0)."""
    block = re.search(name + r"\[\]\s*=\s*\{(.*?)\};", source, re.S)
    if not block:
        raise SystemExit(f"subset_fonts.py: {name} not found in glyphs.h")
    code = re.sub(r"//[^\n]*", "", block.group(1))
    values = [int(v, 0) for v in re.findall(r"\b(0x[0-9A-Fa-f]+|[0-9]+)\b", code)]
    if not values or values[-1] != 0 or len(values) % 2 != 1:
        raise SystemExit(f"subset_fonts.py: {name} must be pairs ended by 0")
    return [u for i in range(0, len(values) - 1, 2) for u in range(values[i], values[i + 1] + 1)]


def icon_slots(source: str) -> dict[int, int]:
    """Each icon's slot (the code point its SSI_ICON_* label holds) and the Font Awesome code point drawn there."""
    block = re.search(r"kIconSources\[\]\s*=\s*\{(.*?)\};", source, re.S)
    if not block:
        raise SystemExit("subset_fonts.py: kIconSources not found in glyphs.h")
    sources = [int(v, 0) for v in re.findall(r"\b(0x[0-9A-Fa-f]+)\b", re.sub(r"//[^\n]*", "", block.group(1)))]
    slots = {}
    for literal in re.findall(r'#define\s+SSI_ICON_\w+\s+"((?:\\x[0-9a-fA-F]{2})+)"', source):
        slot = ord(bytes.fromhex(literal.replace("\\x", "")).decode("utf-8"))
        if not 0 <= slot - 0x80 < len(sources) or slot in slots:
            raise SystemExit(f"subset_fonts.py: icon U+{slot:04X} is not a free slot of kIconSources")
        slots[slot] = sources[slot - 0x80]
    if len(slots) != len(sources):
        raise SystemExit("subset_fonts.py: every kIconSources entry needs its SSI_ICON_* label")
    return slots


def move_icons(path: str, slots: dict[int, int]) -> None:
    """Maps each icon glyph at its slot instead of its Font Awesome code point."""
    font = TTFont(path, recalcTimestamp=False)  # the same bytes from every build
    by_code = font.getBestCmap()
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {slot: by_code[source] for slot, source in slots.items()}
    font.save(path)


def standard_names(path: str) -> None:
    """Names each glyph of a CFF font by its standard string (A, Adieresis, quotedblbase ...), which CFF stores as a
    number, or else as g<index>: Inter's uniXXXX names were a tenth of its embedded bytes. stb_truetype never reads
    them."""
    from fontTools.agl import UV2AGL
    from fontTools.cffLib import cffStandardStrings

    font = TTFont(path, recalcTimestamp=False)  # the same bytes from every build: the wide fonts are named by them
    if "CFF " not in font or hasattr(font["CFF "].cff.topDictIndex[0], "ROS"):
        raise SystemExit(f"subset_fonts.py: {path} is not a name-keyed CFF font, which standard_names() expects")
    by_name = {}
    for code, name in sorted(font.getBestCmap().items()):
        by_name.setdefault(name, code)
    standard, order, taken = set(cffStandardStrings), font.getGlyphOrder(), set()
    renamed = {}
    for index, name in enumerate(order):
        wanted = ".notdef" if name == ".notdef" else UV2AGL.get(by_name.get(name, -1))
        if not wanted or wanted not in standard or wanted in taken:
            wanted = f"g{index}"
        taken.add(wanted)
        renamed[name] = wanted
    top = font["CFF "].cff.topDictIndex[0]
    strings = top.CharStrings  # read with the old names before the charset changes
    strings.charStrings = {renamed[n]: i for n, i in strings.charStrings.items()}
    top.charset = [renamed[n] for n in top.charset]
    font["hmtx"].metrics = {renamed[n]: m for n, m in font["hmtx"].metrics.items()}
    for table in font["cmap"].tables:
        table.cmap = {code: renamed[n] for code, n in table.cmap.items()}
    font.setGlyphOrder([renamed[n] for n in order])
    font.save(path)


def run(font: str, unicodes: list[int], out: str, hinting_args: list[str]) -> None:
    # stb_truetype reads cmap, head, hhea, hmtx and the outlines: no names, no layout tables.
    args = [font, "--unicodes=" + ",".join(f"{u:04X}" for u in unicodes), "--layout-features=", "--no-hinting",
            "--name-IDs=", "--drop-tables+=GDEF,GPOS,GSUB"]
    subset.main(args + hinting_args + ["--output-file=" + out])


def main() -> int:
    glyphs_h, out_dir, regular, semibold, awesome = sys.argv[1:6]
    with open(glyphs_h, encoding="utf-8") as handle:
        source = handle.read()
    text = code_points(source, "kTextRanges")
    base = set(code_points(source, "kBaseRanges"))
    if not base <= set(text):
        raise SystemExit("subset_fonts.py: kBaseRanges must lie within kTextRanges")
    wide = [u for u in text if u not in base]
    text = sorted(base)
    os.makedirs(out_dir, exist_ok=True)
    for source_font, name in ((regular, "inter-regular"), (semibold, "inter-semibold")):
        for glyphs, out in ((text, name + ".otf"), (wide, name + "-wide.otf")):
            run(source_font, glyphs, os.path.join(out_dir, out), ["--desubroutinize"])
            standard_names(os.path.join(out_dir, out))
    slots = icon_slots(source)
    run(awesome, sorted(slots.values()), os.path.join(out_dir, "icons.ttf"), [])
    move_icons(os.path.join(out_dir, "icons.ttf"), slots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
