#!/usr/bin/env python3
"""Subsets the UI fonts to the glyphs the app declares in src/app/glyphs.h.

usage: subset_fonts.py GLYPHS_H OUT_DIR INTER_REGULAR INTER_SEMIBOLD FONT_AWESOME
Reads the code itself (the kTextRanges pairs, kWideFirst/kWideLast, kIconSources and the UTF-8 bytes of every
SSI_ICON_* label), not its comments, so the subset fonts hold exactly what Theme::load_fonts asks ImGui to rasterise;
each icon is mapped at its slot (U+0080 upwards), not at its Font Awesome code point. Latin Extended-A goes into
files of its own (inter-*-wide.otf), which the page fetches after the first frame (issue 16). Runs at build time, so an edit of
glyphs.h re-subsets without a new configure.
"""
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def text_ranges(source: str) -> list[tuple[int, int]]:
    block = re.search(r"kTextRanges\[\]\s*=\s*\{(.*?)\};", source, re.S)
    if not block:
        raise SystemExit("subset_fonts.py: kTextRanges not found in glyphs.h")
    code = re.sub(r"//[^\n]*", "", block.group(1))
    values = [int(v, 0) for v in re.findall(r"\b(0x[0-9A-Fa-f]+|[0-9]+)\b", code)]
    if not values or values[-1] != 0 or len(values) % 2 != 1:
        raise SystemExit("subset_fonts.py: kTextRanges must be pairs ended by 0")
    return [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]


def wide_range(source: str) -> tuple[int, int]:
    found = re.search(r"kWideFirst\s*=\s*(0x[0-9A-Fa-f]+)\s*,\s*kWideLast\s*=\s*(0x[0-9A-Fa-f]+)", source)
    if not found:
        raise SystemExit("subset_fonts.py: kWideFirst and kWideLast not found in glyphs.h")
    return int(found.group(1), 16), int(found.group(2), 16)


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
    font = TTFont(path)
    by_code = font.getBestCmap()
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {slot: by_code[source] for slot, source in slots.items()}
    font.save(path)


def run(font: str, unicodes: list[int], out: str, hinting_args: list[str]) -> None:
    args = [font, "--unicodes=" + ",".join(f"{u:04X}" for u in unicodes), "--layout-features=", "--no-hinting"]
    subset.main(args + hinting_args + ["--output-file=" + out])


def main() -> int:
    glyphs_h, out_dir, regular, semibold, awesome = sys.argv[1:6]
    with open(glyphs_h, encoding="utf-8") as handle:
        source = handle.read()
    wide_first, wide_last = wide_range(source)
    if (wide_first, wide_last) not in text_ranges(source):
        raise SystemExit("subset_fonts.py: kTextRanges must hold kWideFirst..kWideLast as one pair")
    wide = list(range(wide_first, wide_last + 1))
    text = [u for lo, hi in text_ranges(source) for u in range(lo, hi + 1) if not wide_first <= u <= wide_last]
    os.makedirs(out_dir, exist_ok=True)
    for source_font, name in ((regular, "inter-regular"), (semibold, "inter-semibold")):
        run(source_font, text, os.path.join(out_dir, name + ".otf"), ["--desubroutinize"])
        run(source_font, wide, os.path.join(out_dir, name + "-wide.otf"), ["--desubroutinize"])
    slots = icon_slots(source)
    run(awesome, sorted(slots.values()), os.path.join(out_dir, "icons.ttf"), [])
    move_icons(os.path.join(out_dir, "icons.ttf"), slots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
