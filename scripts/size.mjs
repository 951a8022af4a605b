// Where the first visit's bytes go (run by scripts/bench and scripts/size; not part of the tests).
//
//   files   every file of dist/ that the service worker precaches (its FILES list) and sw.js: what a first visit
//           downloads; raw and brotli q11 (how a host with compression sends them). The files it leaves out (the
//           scanner's decoder, fetched when first used) are listed apart and not counted
//   code    ssi.wasm's code section, function by function, named through its symbol map (cmake/split_wasm.py
//           writes build/wasm/src/platform/ssi.js.symbols) and attributed to a library by the demangled name; the
//           rare screens' code (ssi.deferred.wasm) is not broken down
//   data    ssi.wasm's data segments: each embedded asset found by its bytes (fonts as subset at build
//           time, content and shaders as embedded), the rest is the libraries' constants and strings
//
// Brotli per part is the part's bytes compressed alone, so the parts do not add up to the file's brotli size
// exactly (brotli shares context across a file); the file rows are exact.
// Usage: node scripts/size.mjs [--dist DIR] [--build DIR] [--out FILE] [--top N]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opt = { dist: join(ROOT, 'dist'), build: join(ROOT, 'build/wasm'), out: join(ROOT, 'artifacts/size.md'), top: 25 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`${k} needs a value`);
    if (k === '--dist') opt.dist = resolve(v);
    else if (k === '--build') opt.build = resolve(v);
    else if (k === '--out') opt.out = resolve(v);
    else if (k === '--top') opt.top = Number(v);
    else throw new Error(`unknown argument ${k}`);
  }
  return opt;
}

const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

// --- The wasm binary: sections, function bodies, data segments ---------------------------------------------
export function readWasm(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[p++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  // An active segment's offset: `i32.const N end` (the only form the linker writes).
  const offsetExpr = () => { let at = null; if (bytes[p] === 0x41) { p++; at = s32(); } while (bytes[p++] !== 0x0b); return at; };
  const s32 = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[p++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return shift < 32 && (b & 0x40) ? result | (~0 << shift) : result;
  };
  const out = { sections: [], imports: 0, bodies: [], segments: [] };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const start = p, end = p + size;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element',
      'code', 'data', 'datacount'][id] || `id ${id}`;
    if (id === 0) { const n = u32(); name = `custom "${new TextDecoder().decode(bytes.subarray(p, p + n))}"`; }
    out.sections.push({ name, size });
    p = start;
    if (id === 2) {
      for (let n = u32(), i = 0; i < n; ++i) {
        for (let k = 0; k < 2; ++k) { const len = u32(); p += len; }  // module and field name
        const kind = bytes[p++];
        if (kind === 0) { u32(); out.imports++; }
        else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 3) { p += 2; }
      }
    } else if (id === 10) {
      for (let n = u32(), i = 0; i < n; ++i) { const s = u32(); out.bodies.push({ start: p, size: s }); p += s; }
    } else if (id === 11) {
      for (let n = u32(), i = 0; i < n; ++i) {
        const flags = u32();
        let at = null;
        if (flags === 0) at = offsetExpr(); else if (flags === 2) { u32(); at = offsetExpr(); }
        const s = u32();
        out.segments.push({ at, bytes: bytes.subarray(p, p + s) }); p += s;
      }
    }
    p = end;
  }
  return out;
}

// --- Attribution of functions to libraries, by their (demangled) names -------------------------------------
const LIBRARIES = [
  // ImGui's and stb's file-local helpers have no namespace: CamelCase (CalcWindowMinSize), tt* (stb_truetype), and
  // the ImVec2 operators.
  ['Dear ImGui', (n) => /(^|\s)(ImGui|Im[A-Z]|stbtt|stbrp|stb_|Stb|tt[A-Z]|[A-Z][a-z]+[A-Z]\w*\()|^operator\S+\(Im/.test(n)],
  ['nlohmann/json', (n) => /nlohmann/.test(n)],
  ['app (src/app)', (n) => /ssi::app::/.test(n)],
  ['platform (src/platform/web)', (n) => /ssi::platform::|^ssi_(js|test|on)_|^main$|^__main_argc_argv$/.test(n)],
  ['core (src/core)', (n) => /ssi::|^ssi_/.test(n)],
  ['libc++ / libc++abi', (n) => /std::|^__cxa|^__cxx|__cxxabiv1|^operator (new|delete)|^__gxx|^__dynamic_cast|^__class_type|^__si_class/.test(n)],
  ['Emscripten runtime, libc, compiler-rt', () => true],
];

// A function's library: the first that matches the name; a template instantiation belongs to the library of its
// outermost name (std::vector<ssi::Question>::... is libc++ code generated for the core).
function libraryOf(name) {
  const head = name.replace(/^(\(anonymous namespace\)::)/, '');
  // Templates: judge by the part before the first '<' or '(' (the function's own namespace), then by the whole.
  const own = head.split(/[<(]/)[0];
  for (const [lib, test] of LIBRARIES.slice(0, -1)) if (test(own)) return lib;
  for (const [lib, test] of LIBRARIES) if (test(head)) return lib;
  return LIBRARIES[LIBRARIES.length - 1][0];
}

// The symbol map escapes characters outside [A-Za-z0-9_:<>...] as \xx (hex), e.g. "\20" for a space.
const unescapeName = (s) => s.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

function codeReport(wasm, bytes, symbols) {
  const names = new Map();
  for (const line of symbols.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) names.set(Number(line.slice(0, i)), unescapeName(line.slice(i + 1)));
  }
  const perLib = new Map(LIBRARIES.map(([lib]) => [lib, { size: 0, count: 0, parts: [] }]));
  const all = [];
  wasm.bodies.forEach((b, i) => {
    const name = names.get(wasm.imports + i) || `(function ${wasm.imports + i})`;
    const lib = libraryOf(name);
    const e = perLib.get(lib);
    e.size += b.size; e.count++; e.parts.push(bytes.subarray(b.start, b.start + b.size));
    all.push({ name, lib, size: b.size });
  });
  for (const e of perLib.values()) e.brotli = e.parts.length ? brotli(Buffer.concat(e.parts)) : 0;
  return { perLib, all, named: names.size > 0 };
}

// --- Data: the embedded assets, found by their bytes --------------------------------------------------------
function assetsOf(build) {
  const list = [];
  const add = (label, file) => { if (existsSync(file)) list.push({ label, bytes: readFileSync(file) }); };
  for (const f of ['inter-regular.ttf', 'inter-semibold.ttf', 'icons.ttf']) add(`font ${f}`, join(build, 'fonts', f));
  // Content as embedded: its skeleton, whose texts come in files per language (cmake/split_texts.py).
  add('content skeleton (texts.skeleton)', join(build, 'content', 'texts.skeleton'));
  // Shaders as embedded: without comments and spaces (cmake/minify_glsl.py).
  for (const f of readdirSync(join(ROOT, 'shaders')).sort()) add(`shader ${f}`, join(build, 'shaders', f));
  return list;
}

// The linker's data image: wasm-opt splits it into segments around runs of zeros (which the memory starts with),
// so the assets are looked up in the image put back together at the segments' offsets.
function dataImage(wasm) {
  const placed = wasm.segments.filter((s) => s.at !== null);
  if (!placed.length) return Buffer.concat(wasm.segments.map((s) => Buffer.from(s.bytes)));
  const base = Math.min(...placed.map((s) => s.at));
  const image = Buffer.alloc(Math.max(...placed.map((s) => s.at + s.bytes.length)) - base);
  for (const s of placed) image.set(s.bytes, s.at - base);
  return image;
}

function dataReport(wasm, assets) {
  const data = dataImage(wasm);
  const rows = [];
  const taken = [];
  for (const a of assets) {
    const at = data.indexOf(a.bytes);
    rows.push({ label: a.label, raw: a.bytes.length, brotli: brotli(a.bytes), found: at >= 0 });
    if (at >= 0) taken.push([at, at + a.bytes.length]);
  }
  taken.sort((x, y) => x[0] - y[0]);
  const rest = [];
  let from = 0;
  for (const [s, e] of taken) { rest.push(data.subarray(from, s)); from = e; }
  rest.push(data.subarray(from));
  const restBuf = Buffer.concat(rest);
  rows.push({ label: 'everything else (library constants, strings, tables; zero runs between segments included)',
    raw: restBuf.length, brotli: brotli(restBuf), found: true });
  const stored = wasm.segments.reduce((s, x) => s + x.bytes.length, 0);
  return { rows, total: data.length, stored };
}

// --- Report ---------------------------------------------------------------------------------------------------
const group = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '');

// What the first frame waits for, read from the page: itself, its stylesheets, its scripts and what it preloads
// (ssi.wasm); the rest (ssi.deferred.wasm, manifest, icons, sw.js) loads beside or after the first frame. The texts
// of one language (web/pre.js) are added by sizeReport().
export function firstFrameFiles(html) {
  const files = new Set(['index.html']);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const attr = (name) => (new RegExp(`\\s${name}=["']([^"']*)["']`).exec(tag) || [])[1];
    const rel = attr('rel');
    const file = tag.startsWith('<script') ? attr('src') : (rel === 'stylesheet' || rel === 'preload') && attr('href');
    if (file) files.add(file.replace(/^\.\//, ''));
  }
  return files;
}

export function sizeReport(opt) {
  const out = ['# Size: what a first visit downloads', ''];
  if (!existsSync(join(opt.dist, 'index.html'))) throw new Error(`no site in ${opt.dist}: build the dist target`);
  const files = readdirSync(opt.dist).filter((f) => statSync(join(opt.dist, f)).isFile() && !/\.(br|gz)$/.test(f)).sort();
  const rows = files.map((f) => { const b = readFileSync(join(opt.dist, f)); return { f, raw: b.length, brotli: brotli(b) }; });
  // What the service worker precaches is what a first visit downloads (the site's sw.js lists it).
  const listed = /const FILES = (\[[^\]]*\]);/.exec(readFileSync(join(opt.dist, 'sw.js'), 'utf8'));
  if (!listed) throw new Error(`no FILES list in ${join(opt.dist, 'sw.js')}`);
  // "./" is the page itself (index.html).
  const precached = new Set(['sw.js', ...JSON.parse(listed[1]).map((f) => (f === './' ? 'index.html' : f.replace(/^\.\//, '')))]);
  const first = rows.filter((r) => precached.has(r.f)), later = rows.filter((r) => !precached.has(r.f));
  const total = (k) => first.reduce((s, r) => s + r[k], 0);
  out.push(`${new Date().toISOString()} · ${opt.dist}`, '');
  out.push('The files of a first visit: the page loads html, css, js, wasm, manifest and icons, and the service worker ' +
    'precaches them.', '');
  out.push('| file | raw B | brotli q11 B |', '|---|---:|---:|');
  for (const r of first) out.push(`| ${r.f} | ${group(r.raw)} | ${group(r.brotli)} |`);
  out.push(`| **first visit** | **${group(total('raw'))}** | **${group(total('brotli'))}** (${(total('brotli') / 1024).toFixed(1)} KiB) |`);
  const blocking = firstFrameFiles(readFileSync(join(opt.dist, 'index.html'), 'utf8'));
  // One language's texts too: the German file, the larger of the two (a person's browser asks for one).
  const waited = first.filter((r) => blocking.has(r.f) || /^texts\.de\.[0-9a-f]+\.txt$/.test(r.f));
  const sum = (k) => waited.reduce((s, r) => s + r[k], 0);
  out.push(`| of which the first frame waits for (${waited.map((r) => r.f).join(', ')}) | ${group(sum('raw'))} | ` +
    `${group(sum('brotli'))} (${(sum('brotli') / 1024).toFixed(1)} KiB) |`, '');
  if (later.length) {
    out.push('Not in a first visit (the scanner\'s decoder and licences.txt: fetched when first used, then cached):', '');
    out.push('| file | raw B | brotli q11 B |', '|---|---:|---:|');
    for (const r of later) out.push(`| ${r.f} | ${group(r.raw)} | ${group(r.brotli)} |`);
    out.push('');
  }

  const wasmFile = join(opt.dist, 'ssi.wasm');
  const bytes = readFileSync(wasmFile);
  const wasm = readWasm(bytes);
  out.push('## ssi.wasm by section', '', '| section | bytes | share |', '|---|---:|---:|');
  for (const s of wasm.sections) out.push(`| ${s.name} | ${group(s.size)} | ${pct(s.size, bytes.length)} |`);
  out.push('');

  const symbolFile = join(opt.build, 'src/platform/ssi.js.symbols');
  if (!existsSync(symbolFile)) {
    out.push(`No symbol map (${symbolFile}): the code cannot be attributed. Link with --emit-symbol-map.`, '');
  } else {
    const code = codeReport(wasm, bytes, readFileSync(symbolFile, 'utf8'));
    const codeTotal = wasm.bodies.reduce((s, b) => s + b.size, 0);
    out.push('## ssi.wasm code by library', '',
      `${wasm.bodies.length} functions, ${group(codeTotal)} B of bodies; a template instantiation counts for the library ` +
      'that owns the function (std::vector<ssi::Question>::push_back is libc++), nlohmann/json counts every ' +
      'basic_json instantiation. Code the optimiser inlined counts for the caller (the frame callback holds much of ' +
      'the app and ImGui code it calls once). Brotli: each library\'s bodies compressed alone.', '',
      '| library | functions | bytes | share of code | brotli alone |', '|---|---:|---:|---:|---:|');
    for (const [lib, e] of code.perLib) out.push(`| ${lib} | ${e.count} | ${group(e.size)} | ${pct(e.size, codeTotal)} | ${group(e.brotli)} |`);
    out.push('', `### The ${opt.top} largest functions`, '', '| bytes | library | function |', '|---:|---|---|');
    for (const f of [...code.all].sort((a, b) => b.size - a.size).slice(0, opt.top)) {
      const n = f.name.length > 160 ? `${f.name.slice(0, 157)}…` : f.name;
      out.push(`| ${group(f.size)} | ${f.lib} | \`${n.replace(/\|/g, '\\|')}\` |`);
    }
    out.push('');
  }

  const data = dataReport(wasm, assetsOf(opt.build));
  out.push('## ssi.wasm data', '', `${group(data.stored)} B stored in ${wasm.segments.length} data segment(s), spanning ${group(data.total)} B of memory.`, '',
    '| part | raw B | brotli alone B |', '|---|---:|---:|');
  for (const r of data.rows) out.push(`| ${r.label}${r.found ? '' : ' (not found in the data: not embedded as is)'} | ${group(r.raw)} | ${group(r.brotli)} |`);
  out.push('');
  return out.join('\n') + '\n';
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const text = sizeReport(opt);
  process.stdout.write(text);
  await mkdir(dirname(opt.out), { recursive: true });
  await writeFile(opt.out, text);
  console.error(`[size] written to ${opt.out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(`[size] error: ${e.message}`); process.exit(1); });
}
