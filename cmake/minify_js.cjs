#!/usr/bin/env node
// Minifies the page's glue (ssi.js) in place with Debian's terser (node-terser), issue 16: Emscripten 3.1.6 without
// --closure only strips whitespace, so every runtime and EM_JS name ships in full (20 KB brotli before, 15 after).
// usage: NODE_PATH=/usr/share/nodejs node minify_js.cjs TERSER_BUNDLE FILE.js
// Top-level names are mangled too: the glue is one classic script, and nothing outside it reads its globals but
// `Module` (the page and the tests go through the window.ssi* properties it sets). Fails loudly on a parse error.
'use strict';
const fs = require('fs');

async function main() {
  const [bundle, file] = process.argv.slice(2);
  if (!bundle || !file) throw new Error('usage: minify_js.cjs TERSER_BUNDLE FILE.js');
  const { minify } = require(bundle);
  const source = fs.readFileSync(file, 'utf8');
  const result = await minify(source, {
    toplevel: true,
    compress: { passes: 2 },
    mangle: { toplevel: true, reserved: ['Module'] },
    format: { comments: false },
  });
  if (!result.code || result.code.length >= source.length) throw new Error(`terser did not shrink ${file}`);
  fs.writeFileSync(file, result.code);
}

main().catch((e) => {
  console.error(`minify_js.cjs: ${e.message || e}`);
  process.exit(1);
});
