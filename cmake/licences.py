#!/usr/bin/env python3
"""Writes the site's licences.txt: every third-party component shipped, then its licence text.

usage: licences.py OUTPUT IMGUI_DIR QRCODEGEN_DIR ZXING_DIR DOC_DIR
The texts are read at build time from the sources in .deps/ and from Debian's copyright files under DOC_DIR
(/usr/share/doc); nothing is downloaded and no third-party text is kept in the repository. A missing file or
section stops the build, so a machine that lacks one is noticed instead of shipping an incomplete file.
"""
import gzip
import os
import re
import sys


def fail(message: str) -> None:
    sys.exit(f"licences.py: {message}")


def read(path: str) -> str:
    if not os.path.isfile(path):
        fail(f"{path} not found (run scripts/setup)")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def debian_version(doc: str, package: str) -> str:
    """The upstream version from the package's changelog ("5.0.10+really4.7.0~dfsg-4.1" -> "4.7.0")."""
    path = os.path.join(doc, package, "changelog.Debian.gz")
    if not os.path.isfile(path):
        fail(f"{path} not found (is {package} installed?)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        match = re.match(r"\S+ \(([^)]+)\)", handle.readline())
    if not match:
        fail(f"no version in {path}")
    version = match.group(1).split(":")[-1].rsplit("-", 1)[0].split("+really")[-1]
    return re.sub(r"[~+](dfsg|ds)\d*$", "", version).replace("~", "-")


def dep5(path: str, wanted: list) -> str:
    """The Files: stanzas of a Debian copyright file (DEP-5) whose patterns are all in `wanted` or under one of its
    directories ("dir/*" also takes "dir/sub/file"), then the stand-alone License: paragraphs they name."""
    paragraphs = [p for p in re.split(r"\n\s*\n", read(path)) if p.strip()]
    stanzas, licences = [], {}
    for paragraph in paragraphs:
        if paragraph.startswith("Files:"):
            stanzas.append(paragraph)
        elif paragraph.startswith("License:"):
            licences[paragraph.split("\n", 1)[0][len("License:"):].strip().lower()] = paragraph
    prefixes = [w[:-1] for w in wanted if w.endswith("/*")]
    chosen, found = [], set()
    for stanza in stanzas:
        patterns = re.match(r"Files:((?:.*\n?)(?:[ \t].*\n?)*)", stanza).group(1).split()
        if patterns and all(p in wanted or any(p.startswith(d) for d in prefixes) for p in patterns):
            chosen.append(stanza)
            found.update(p for p in patterns if p in wanted)
    if set(wanted) - found:
        fail(f"{path} has no Files: stanza for {sorted(set(wanted) - found)}")
    names = []
    for stanza in chosen:
        expression = re.search(r"^License:(.*)$", stanza, re.M).group(1)
        for name in re.split(r"\s+(?:or|and)\s+", expression.strip()):
            name = re.sub(r"\s+with\s+.*$", "", name).lower()
            if name not in names:
                names.append(name)
    texts = []
    for name in names:
        if name not in licences:
            continue  # the stanza itself carries the text (Debian puts it there when only one stanza uses it)
        text = licences[name]
        if "/usr/share/common-licenses/Apache-2.0" in text or text.strip() == "License: Apache-2.0":
            text += "\n The full text of the Apache License, Version 2.0 is in this file, in the section on ZXing."
        texts.append(text)
    return "\n\n".join(chosen + texts)


def readme_section(path: str, title: str) -> str:
    """A Markdown section ("Title" underlined with dashes) up to the next such heading or the end."""
    match = re.search(rf"^{re.escape(title)}\n-+\n(.*?)(?=^\S.*\n-+\n|\Z)", read(path), re.S | re.M)
    if not match:
        fail(f"no '{title}' section in {path}")
    return match.group(1).strip()


def main() -> int:
    output, imgui, qrcodegen, zxing, doc = sys.argv[1:6]
    for directory in (imgui, qrcodegen, zxing):
        if not os.path.isdir(directory):
            fail(f"{directory} not found (run scripts/setup)")
    zxing_licence = read(os.path.join(zxing, "LICENSE"))
    if "Apache License" not in zxing_licence or "Version 2.0" not in zxing_licence:
        fail(f"{zxing}/LICENSE is not the Apache License 2.0")
    # Apache-2.0 4(d): a NOTICE file, where the sources have one, ships with the licence (QZXing 3.3.0 has none).
    notices = sorted(os.path.join(root, f) for root, _, files in os.walk(zxing) for f in files
                     if f.upper().startswith("NOTICE"))
    zxing_text = zxing_licence.strip() + "".join(f"\n\n{os.path.relpath(n, zxing)}:\n\n{read(n).strip()}"
                                                 for n in notices)
    version = lambda path: os.path.basename(os.path.normpath(path)).rsplit("-", 1)[-1]
    components = [
        ("Dear ImGui", version(imgui), "the user interface (ssi.wasm)", "MIT License",
         read(os.path.join(imgui, "LICENSE.txt"))),
        ("nlohmann/json", debian_version(doc, "nlohmann-json3-dev"), "reading and writing JSON (ssi.wasm)",
         "MIT License", dep5(os.path.join(doc, "nlohmann-json3-dev", "copyright"),
                             ["*", "include/nlohmann/detail/conversions/to_chars.hpp",
                              "include/nlohmann/detail/output/serializer.hpp"])),
        ("QR Code generator by Project Nayuki (C version)", version(qrcodegen),
         "the QR codes the app draws (ssi.wasm)", "MIT License",
         readme_section(os.path.join(qrcodegen, "Readme.markdown"), "License")),
        ("ZXing C++ QR reader, as bundled with QZXing", version(zxing),
         "the group view's QR scanner where the browser cannot read QR codes itself (scan.wasm)",
         "Apache License, Version 2.0", zxing_text),
        ("Emscripten", debian_version(doc, "emscripten"),
         "the WebAssembly runtime with its C and C++ libraries: musl libc, libc++, libc++abi, compiler-rt "
         "(ssi.js, ssi.wasm, scan.js, scan.wasm)",
         "MIT License or University of Illinois/NCSA Open Source License (Emscripten); MIT License (musl); "
         "Apache License, Version 2.0 with LLVM Exceptions or MIT/NCSA (libc++, libc++abi, compiler-rt)",
         dep5(os.path.join(doc, "emscripten", "copyright"),
              ["*", "system/lib/libc/musl/*", "system/lib/libcxx/*", "system/lib/libcxxabi/*",
               "system/lib/compiler-rt/*"])),
        ("Inter typeface", debian_version(doc, "fonts-inter"),
         "the text font (embedded in ssi.wasm, subset, with TrueType outlines)",
         "SIL Open Font License 1.1", dep5(os.path.join(doc, "fonts-inter", "copyright"), ["*"])),
        ("Font Awesome", debian_version(doc, "fonts-font-awesome"), "the icons (embedded in ssi.wasm, subset)",
         "SIL Open Font License 1.1", dep5(os.path.join(doc, "fonts-font-awesome", "copyright"), ["fonts/*"])),
    ]
    rule = "=" * 78
    lines = ["SSI Self-Check: third-party software and fonts", rule, "",
             "This site contains the following third-party components. Each is listed with its version, what it is",
             "used for and its licence; the full licence texts and copyright notices follow.", ""]
    for number, (name, ver, use, licence, _) in enumerate(components, 1):
        lines += [f"{number}. {name} {ver}", f"   Used for: {use}", f"   Licence: {licence}", ""]
    for number, (name, ver, _, _, text) in enumerate(components, 1):
        if not text.strip():
            fail(f"empty licence text for {name}")
        lines += [rule, f"{number}. {name} {ver}", rule, "", text.strip(), ""]
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
