#!/usr/bin/env python3
"""Subsets the UI fonts to the glyphs the app declares in src/app/glyphs.h.

usage: subset_fonts.py GLYPHS_H OUT_DIR INTER_REGULAR INTER_SEMIBOLD FONT_AWESOME
Reads the code itself (the kTextRanges pairs and the UTF-8 bytes of every SSI_ICON_* label), not its comments, so
the subset fonts hold exactly what Theme::load_fonts asks ImGui to rasterise. Runs at build time, so an edit of
glyphs.h re-subsets without a new configure.
"""
import os
import re
import sys

from fontTools import subset


def text_ranges(source: str) -> list[tuple[int, int]]:
    block = re.search(r"kTextRanges\[\]\s*=\s*\{(.*?)\};", source, re.S)
    if not block:
        raise SystemExit("subset_fonts.py: kTextRanges not found in glyphs.h")
    code = re.sub(r"//[^\n]*", "", block.group(1))
    values = [int(v, 0) for v in re.findall(r"\b(0x[0-9A-Fa-f]+|[0-9]+)\b", code)]
    if not values or values[-1] != 0 or len(values) % 2 != 1:
        raise SystemExit("subset_fonts.py: kTextRanges must be pairs ended by 0")
    return [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]


def icon_code_points(source: str) -> list[int]:
    points = []
    for literal in re.findall(r'#define\s+SSI_ICON_\w+\s+"((?:\\x[0-9a-fA-F]{2})+)"', source):
        points.append(ord(bytes.fromhex(literal.replace("\\x", "")).decode("utf-8")))
    if not points:
        raise SystemExit("subset_fonts.py: no SSI_ICON_* labels found in glyphs.h")
    return sorted(set(points))


def run(font: str, unicodes: list[int], out: str, hinting_args: list[str]) -> None:
    args = [font, "--unicodes=" + ",".join(f"{u:04X}" for u in unicodes), "--layout-features=", "--no-hinting"]
    subset.main(args + hinting_args + ["--output-file=" + out])


def main() -> int:
    glyphs_h, out_dir, regular, semibold, awesome = sys.argv[1:6]
    with open(glyphs_h, encoding="utf-8") as handle:
        source = handle.read()
    text = [u for lo, hi in text_ranges(source) for u in range(lo, hi + 1)]
    os.makedirs(out_dir, exist_ok=True)
    run(regular, text, os.path.join(out_dir, "inter-regular.otf"), ["--desubroutinize"])
    run(semibold, text, os.path.join(out_dir, "inter-semibold.otf"), ["--desubroutinize"])
    run(awesome, icon_code_points(source), os.path.join(out_dir, "icons.ttf"), [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
