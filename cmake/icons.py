#!/usr/bin/env python3
"""Renders the app icons from web/icon.svg with rsvg-convert.

usage: icons.py ICON_SVG OUT_DIR
icon-192.png and icon-512.png are the icon as drawn; icon-maskable-512.png puts it inside the 80 % safe zone
on a full-bleed background, so launchers can crop it to any shape.
"""
import os
import re
import subprocess
import sys
import tempfile

BACKGROUND = "#0A66C2"


def render(svg: str, size: int, out: str) -> None:
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), svg, "-o", out], check=True)


def main() -> int:
    icon, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    render(icon, 192, os.path.join(out, "icon-192.png"))
    render(icon, 512, os.path.join(out, "icon-512.png"))
    with open(icon, encoding="utf-8") as handle:
        source = handle.read()
    inner = re.sub(r"<title>.*?</title>", "", source, flags=re.S)
    inner = re.sub(r"<svg[^>]*>", '<svg x="51.2" y="51.2" width="409.6" height="409.6" viewBox="0 0 512 512">', inner, count=1)
    maskable = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
                f'<rect width="512" height="512" fill="{BACKGROUND}"/>{inner}</svg>')
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False, encoding="utf-8") as handle:
        handle.write(maskable)
        temp = handle.name
    try:
        render(temp, 512, os.path.join(out, "icon-maskable-512.png"))
    finally:
        os.unlink(temp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
