#!/usr/bin/env python3
"""Subsets the UI fonts to the glyphs the app declares in src/app/glyphs.h, Inter with TrueType outlines.

usage: subset_fonts.py GLYPHS_H OUT_DIR INTER_REGULAR INTER_SEMIBOLD FONT_AWESOME
Reads the code itself (the kTextRanges and kBaseRanges pairs, kIconSources and the UTF-8 bytes of every SSI_ICON_*
label), not its comments, so the subset fonts hold exactly what Theme::load_fonts asks ImGui to rasterise; each icon is
mapped at its slot (U+0080 upwards), not at its Font Awesome code point. What kTextRanges holds beyond kBaseRanges goes
into files of their own (inter-*-wide.ttf), which the page fetches after the first frame (issue 16). Runs at build time,
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


# Quadratic outlines may leave the cubic ones by at most this much, in thousandths of an em: 0.26 px on the results'
# largest numbers on a 3x phone screen.
QUADRATIC_TOLERANCE = 2.0


def truetype_outlines(path: str) -> None:
    """Rewrites a CFF font with TrueType outlines (glyf) on a 1000-unit em. stb_truetype reads CFF through an
    interpreter, twice per glyph: the first frame's atlas took twice as long (issue 16). Converted on the font's own
    em, then scaled: glyf rounds each point once, where CFF's relative points would add up their roundings. On 1000
    units the embedded fonts stay about as large as they were; without glyph names, which stb_truetype never reads
    (post 3.0)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(path, recalcTimestamp=False)  # the same bytes from every build: the wide fonts are named by them
    if "CFF " not in font:
        raise SystemExit(f"subset_fonts.py: {path} has no CFF outlines, which truetype_outlines() expects")
    tolerance = QUADRATIC_TOLERANCE * font["head"].unitsPerEm / 1000
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, tolerance, reverse_direction=True))  # TrueType winds clockwise
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]  # version 1.0 counts what TrueType instructions need: none here
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, field, 0)  # the points and contours are counted again on saving
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    scale_upem(font, 1000)
    font.save(path)


def run(font: str, unicodes: list[int], out: str) -> None:
    # stb_truetype reads cmap, head, hhea, hmtx and the outlines: no names, no layout tables.
    args = [font, "--unicodes=" + ",".join(f"{u:04X}" for u in unicodes), "--layout-features=", "--no-hinting",
            "--name-IDs=", "--drop-tables+=GDEF,GPOS,GSUB"]
    subset.main(args + ["--output-file=" + out])


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
        for glyphs, out in ((text, name + ".ttf"), (wide, name + "-wide.ttf")):
            run(source_font, glyphs, os.path.join(out_dir, out))  # CFF subroutines go with the CFF outlines
            truetype_outlines(os.path.join(out_dir, out))
    slots = icon_slots(source)
    run(awesome, sorted(slots.values()), os.path.join(out_dir, "icons.ttf"))
    move_icons(os.path.join(out_dir, "icons.ttf"), slots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
