/**
 * A small PNG reader for tests (node has no image decoder): non-interlaced, bit depth 1, 2, 4 or 8,
 * grey, RGB, palette, grey+alpha or RGBA. Gives RGBA pixels, as a canvas would.
 */
import { inflateSync } from 'node:zlib';

export function readPng(file: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } {
  const buf = Buffer.from(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0, height = 0, depth = 0, color = 0;
  let palette = Buffer.alloc(0);
  let trns = Buffer.alloc(0);
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      color = body[9]!;
      if (body[12] !== 0) throw new Error('interlaced PNG');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[color];
  if (!channels) throw new Error(`colour type ${color}`);
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const raw = inflateSync(Buffer.concat(idat));
  const rows = Buffer.alloc(stride * height);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i]! + add) & 0xff;
    }
    line.copy(rows, y * stride);
    prev = line;
  }
  const sample = (y: number, i: number): number => {
    if (depth === 8) return rows[y * stride + i]!;
    const bit = i * depth;
    const v = (rows[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    return color === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
  };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = (k: number) => sample(y, x * channels + k);
      let r: number, g: number, b: number, alpha = 255;
      if (color === 0) r = g = b = s(0);
      else if (color === 4) { r = g = b = s(0); alpha = s(1); }
      else if (color === 2) { r = s(0); g = s(1); b = s(2); }
      else if (color === 6) { r = s(0); g = s(1); b = s(2); alpha = s(3); }
      else {
        const p = s(0);
        r = palette[p * 3]!; g = palette[p * 3 + 1]!; b = palette[p * 3 + 2]!;
        alpha = p < trns.length ? trns[p]! : 255;
      }
      data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = alpha;
    }
  }
  return { data, width, height };
}
