#!/usr/bin/env python3
"""Splits the linked ssi.wasm in two: what the first frame needs, and the code past the welcome screen (issue 16).

usage: split_wasm.py WASM_SPLIT WASM_OPT WASM_DIS ENTRIES ORIG OUT_WASM DEFERRED_DIR OUT_SYMBOLS GLUE_JS

ORIG is emcc's -sSPLIT_MODULE output before instrumentation (ssi.wasm.orig, linked with --profiling-funcs so that
functions have names). ENTRIES lists, one regular expression per line, the functions where that code begins (the
screens past the welcome screen, the test hooks, the file and scanner callbacks). Every function that the rest
of the module reaches only through an entry goes to DEFERRED_DIR/ssi.deferred.HASH.wasm, the only file there; its
name replaces __SSI_DEFERRED_FILE__ in GLUE_JS (ssi.js, from web/pre.js), so a page never links another build's
deferred code. The page compiles it after the first frame (a returning person's beside ssi.wasm, before main()) and,
should an entry run before, fetches it synchronously.
Both modules lose their names; the primary's symbol map goes to OUT_SYMBOLS for scripts/size.mjs. Fails when an entry
matches no function, so a renamed screen cannot silently fall back into the primary module.
"""
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NAME = r"\$[^\s)]+"
CALL = re.compile(r"\((?:call|return_call|ref\.func) (" + NAME + ")")


def unescape(name: str) -> str:
    return re.sub(r"\\([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name[1:])


def call_graph(wat: str):
    """Defined functions with their direct callees, and the roots: exports, the start function, table entries."""
    calls, roots, current = {}, set(), None
    for line in wat.split("\n"):
        if line.startswith(" (func "):
            current = line.split()[1]
            calls[current] = set()
        elif line.startswith(" (") and not line.startswith(" (;"):
            current = None
            if line.startswith(" (elem"):
                roots.update(re.findall(NAME, line))
            elif line.startswith(" (export") and "(func " in line:
                roots.add(re.search(r"\(func (" + NAME + r")\)", line).group(1))
            elif line.startswith(" (start "):
                roots.add(line.split()[1].rstrip(")"))
        if current:
            calls[current].update(CALL.findall(line))
    return calls, roots


def main() -> int:
    wasm_split, wasm_opt, wasm_dis, entries_file, orig, out_wasm, deferred_dir, out_symbols, glue_js = sys.argv[1:10]
    patterns = []
    for line in Path(entries_file).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            patterns.append(re.compile(line.strip()))
    wat = subprocess.run([wasm_dis, orig], check=True, capture_output=True, text=True).stdout
    calls, roots = call_graph(wat)
    entries = set()
    for pattern in patterns:
        found = {f for f in calls if pattern.fullmatch(unescape(f))}
        if not found:
            print(f"split_wasm.py: no function matches the entry {pattern.pattern!r} of {entries_file}", file=sys.stderr)
            return 1
        entries |= found
    # Everything reachable without passing an entry stays; the entries and what only they reach move.
    keep, stack = set(), [f for f in roots if f in calls and f not in entries]
    while stack:
        f = stack.pop()
        if f in keep:
            continue
        keep.add(f)
        stack.extend(c for c in calls[f] if c in calls and c not in keep and c not in entries)
    moved = [f for f in calls if f not in keep]
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "split.txt"
        # wasm-split knows the functions by their escaped names, as wasm-dis prints them.
        listing.write_text("".join(f[1:] + "\n" for f in moved), encoding="utf-8")
        primary, secondary = Path(tmp) / "primary.wasm", Path(tmp) / "secondary.wasm"
        result = subprocess.run([wasm_split, orig, "--all-features", f"--split-funcs=@{listing}", "-o1", str(primary),
                                 "-o2", str(secondary), "--symbolmap"], capture_output=True, text=True)
        if result.returncode != 0 or "does not exist" in result.stderr:
            print(result.stderr, file=sys.stderr)
            return 1
        stripped = [Path(tmp) / "primary.min.wasm", Path(tmp) / "secondary.min.wasm"]
        for source, target in zip((primary, secondary), stripped):
            subprocess.run([wasm_opt, str(source), "--all-features", "--strip-debug", "--strip-producers", "-o",
                            str(target)], check=True)
        deferred_name = f"ssi.deferred.{hashlib.sha256(stripped[1].read_bytes()).hexdigest()[:16]}.wasm"
        glue = Path(glue_js).read_text(encoding="utf-8")
        if glue.count("__SSI_DEFERRED_FILE__") != 1:
            print(f"split_wasm.py: {glue_js} must name __SSI_DEFERRED_FILE__ once (web/pre.js)", file=sys.stderr)
            return 1
        # Written last, the pair together: a failure above leaves the link's outputs as they were.
        shutil.rmtree(deferred_dir, ignore_errors=True)
        Path(deferred_dir).mkdir(parents=True)
        shutil.copyfile(stripped[1], Path(deferred_dir) / deferred_name)
        shutil.copyfile(stripped[0], out_wasm)
        Path(out_symbols).write_bytes(Path(str(primary) + ".symbols").read_bytes())
        Path(glue_js).write_text(glue.replace("__SSI_DEFERRED_FILE__", deferred_name), encoding="utf-8")
    print(f"split_wasm.py: {len(moved)} of {len(calls)} functions load after the first frame from {deferred_name} "
          f"({len(entries)} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
