#!/usr/bin/env python3
"""Renders the app icons from web/icon.svg with rsvg-convert and stores them as indexed-colour PNGs.

usage: icons.py ICON_SVG OUT_DIR
icon-192.png and icon-512.png are the icon as drawn; icon-maskable-512.png puts it inside the 80 % safe zone
on a full-bleed background, so launchers can crop it to any shape.
The icon is five flat colours; only the anti-aliased edges hold others (about 350-600 in all). A palette of 256
(k-means from the most frequent colours, so the flat colours stay exact) keeps every pixel within a few levels and
halves the bytes a first visit precaches: 22.7 KB as rsvg-convert writes them, 11.6 KB indexed.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

BACKGROUND = "#0A66C2"


Pixel = tuple[int, int, int, int]


def png_chunks(data: bytes):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        yield data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length


def read_png(path: str) -> tuple[int, int, list[Pixel]]:
    """The RGBA pixels of an 8-bit RGB or RGBA PNG without interlacing (what rsvg-convert writes)."""
    with open(path, "rb") as handle:
        data = handle.read()
    idat = b""
    for kind, body in png_chunks(data):
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise SystemExit(f"icons.py: {path}: an 8-bit RGB(A) PNG without interlacing was expected")
    bpp = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    pixels: list[Pixel] = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):  # undo the row's filter (PNG spec, section 9)
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            pixels.append(tuple(line[x:x + 3]) + ((line[x + 3],) if bpp == 4 else (255,)))
        prev = line
    return width, height, pixels


def palette(pixels: list[Pixel], size: int = 256, rounds: int = 8) -> tuple[list[Pixel], dict[Pixel, int]]:
    """At most `size` colours and each pixel's index: k-means seeded with the most frequent colours."""
    counts: dict[Pixel, int] = {}
    for p in pixels:
        counts[p] = counts.get(p, 0) + 1
    colours = sorted(counts, key=lambda c: (-counts[c], c))
    if len(colours) <= size:
        return colours, {c: i for i, c in enumerate(colours)}
    centres = [list(c) for c in colours[:size]]

    def nearest(c: Pixel) -> int:
        return min(range(len(centres)), key=lambda i: sum((c[k] - centres[i][k]) ** 2 for k in range(4)))

    for _ in range(rounds):
        sums = [[0, 0, 0, 0, 0] for _ in centres]
        for c in colours:
            s = sums[nearest(c)]
            for k in range(4):
                s[k] += c[k] * counts[c]
            s[4] += counts[c]
        centres = [[round(s[k] / s[4]) for k in range(4)] if s[4] else centre for s, centre in zip(sums, centres)]
    return [tuple(c) for c in centres], {c: nearest(c) for c in colours}


def write_indexed_png(path: str, width: int, height: int, pixels: list[Pixel]) -> None:
    colours, index = palette(pixels)
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # no filter: the usual choice for indexed images
        rows += bytes(index[p] for p in pixels[y * width:(y + 1) * width])

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
    out += chunk(b"PLTE", bytes(v for c in colours for v in c[:3]))
    alpha = bytes(c[3] for c in colours).rstrip(b"\xff")
    if alpha:
        out += chunk(b"tRNS", alpha)
    out += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as handle:
        handle.write(out)


def render(svg: str, size: int, out: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        drawn = os.path.join(temp, "drawn.png")
        subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), svg, "-o", drawn], check=True)
        write_indexed_png(out, *read_png(drawn))


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
