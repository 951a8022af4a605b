// Reads a QR code's module matrix back to its text, written from ISO/IEC 18004 for the tests alone (independent of
// the encoder the app uses): format information, unmasking, the zigzag codeword order, de-interleaving, and byte
// mode segments. No error correction: a matrix read from the app's own canvas has no damaged modules.

// Spec tables for versions 1–10 (index 0 unused): alignment pattern centres, codewords per version, and per error
// correction level (L, M, Q, H) the error correction codewords per block and the number of blocks.
const ALIGN = [[], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const CODEWORDS = [0, 26, 44, 70, 100, 134, 172, 196, 242, 292, 346];
const EC_PER_BLOCK = {
  L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
  Q: [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24],
  H: [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28],
};
const BLOCKS = {
  L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
  Q: [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8],
  H: [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8],
};
const LEVEL_OF_BITS = ['M', 'L', 'H', 'Q'];  // the format's two level bits
const MASKS = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

// The 15-bit format word of 5 data bits: BCH(15,5) with generator 0x537, masked with 0x5412.
function formatWord(data) {
  let rem = data << 10;
  for (let bit = 14; bit >= 10; --bit) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10);
  return ((data << 10) | rem) ^ 0x5412;
}

// m[y][x] true = dark. Returns the text, or throws saying what does not fit.
export function readQr(m) {
  const n = m.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`unsupported size ${n}`);
  // Format information, first copy: bit 14 … 0 along row 8 and column 8 around the top-left finder.
  const at = (x, y) => (m[y][x] ? 1 : 0);
  const fmtPos = [[0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8], [8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]];
  let read = 0;
  fmtPos.forEach(([x, y], k) => { read |= at(x, y) << (14 - k); });
  let best = -1, bestDistance = 99;
  for (let data = 0; data < 32; ++data) {
    let d = formatWord(data) ^ read, c = 0;
    for (; d; d &= d - 1) ++c;
    if (c < bestDistance) { best = data; bestDistance = c; }
  }
  if (bestDistance > 3) throw new Error('format information unreadable');
  const level = LEVEL_OF_BITS[best >> 3], mask = MASKS[best & 7];
  // Function modules: finders with separators and format areas, timing, alignment, version information.
  const fn = Array.from({ length: n }, () => new Array(n).fill(false));
  const mark = (x0, y0, w, h) => { for (let y = y0; y < y0 + h; ++y) for (let x = x0; x < x0 + w; ++x) if (x >= 0 && y >= 0 && x < n && y < n) fn[y][x] = true; };
  mark(0, 0, 9, 9); mark(n - 8, 0, 8, 9); mark(0, n - 8, 9, 8);
  mark(6, 0, 1, n); mark(0, 6, n, 1);
  const centres = ALIGN[version];
  for (const cy of centres) for (const cx of centres) {
    const last = centres[centres.length - 1];
    if ((cx === 6 && cy === 6) || (cx === 6 && cy === last) || (cx === last && cy === 6)) continue;
    mark(cx - 2, cy - 2, 5, 5);
  }
  if (version >= 7) { mark(n - 11, 0, 3, 6); mark(0, n - 11, 6, 3); }
  // The codeword bits in zigzag order, unmasked.
  const bits = [];
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((n - 1 - right) >> 1) % 2 === 0;
    for (let k = 0; k < n; ++k) {
      const y = upward ? n - 1 - k : k;
      for (const x of [right, right - 1]) if (!fn[y][x]) bits.push(at(x, y) ^ (mask(y, x) ? 1 : 0));
    }
  }
  const total = CODEWORDS[version];
  if (bits.length < total * 8) throw new Error(`${bits.length} data modules, expected ${total * 8}`);
  const words = [];
  for (let i = 0; i < total; ++i) words.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  // De-interleave the data codewords: the short blocks come first and have one data codeword less.
  const blocks = BLOCKS[level][version], ec = EC_PER_BLOCK[level][version];
  const longBlocks = total % blocks, shortData = Math.floor(total / blocks) - ec;
  const dataLen = (b) => shortData + (b >= blocks - longBlocks ? 1 : 0);
  const perBlock = Array.from({ length: blocks }, () => []);
  let w = 0;
  for (let i = 0; i <= shortData; ++i) for (let b = 0; b < blocks; ++b) if (i < dataLen(b)) perBlock[b].push(words[w++]);
  const data = perBlock.flat();
  // Segments: only byte mode is expected (a hand-over code has lower-case letters); terminator or end of data.
  const stream = data.flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((s) => (byte >> s) & 1));
  let pos = 0;
  const take = (count) => { let v = 0; for (let i = 0; i < count; ++i) v = (v << 1) | stream[pos++]; return v; };
  const out = [];
  while (pos + 4 <= stream.length) {
    const mode = take(4);
    if (mode === 0) break;
    if (mode !== 4) throw new Error(`mode ${mode} at bit ${pos - 4}, expected byte mode`);
    const count = take(version <= 9 ? 8 : 16);
    if (pos + count * 8 > stream.length) throw new Error('segment longer than the data');
    for (let i = 0; i < count; ++i) out.push(take(8));
  }
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(out)), version, level };
}

// The module matrix in a grey image of a drawn QR code (lum[y * width + x], 0–255) whose square (side px, from the
// top left) holds the code and a quiet zone of four modules: the size whose timing patterns alternate, sampled at
// module centres.
export function modulesFromImage(lum, width, side) {
  for (let n = 21; n <= 57; n += 4) {
    const px = side / (n + 8);
    const dark = (x, y) => lum[Math.floor((y + 4.5) * px) * width + Math.floor((x + 4.5) * px)] < 128;
    let timing = true;
    for (let i = 8; i < n - 8 && timing; ++i) timing = dark(i, 6) === (i % 2 === 0) && dark(6, i) === (i % 2 === 0);
    if (!timing || !dark(0, 0) || dark(-1, -1)) continue;
    return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => dark(x, y)));
  }
  throw new Error('no QR code of versions 1–10 found in the image');
}
