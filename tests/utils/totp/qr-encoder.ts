/**
 * A minimal QR code encoder for tests (no QR generator package is installed): byte mode, error
 * correction level L, versions 1–8, mask pattern 0. Written from ISO/IEC 18004; it exists so the
 * tests can draw a real QR code into pixels and check that the app's decoder reads it back.
 */

/** Data codewords per block, number of blocks and EC codewords per block, level L. */
const VERSIONS_L: Record<number, { blocks: number; data: number; ec: number }> = {
  1: { blocks: 1, data: 19, ec: 7 },
  2: { blocks: 1, data: 34, ec: 10 },
  3: { blocks: 1, data: 55, ec: 15 },
  4: { blocks: 1, data: 80, ec: 20 },
  5: { blocks: 1, data: 108, ec: 26 },
  6: { blocks: 2, data: 68, ec: 18 },
  7: { blocks: 2, data: 78, ec: 20 },
  8: { blocks: 2, data: 97, ec: 24 },
};

/** Centre coordinates of the alignment patterns of a version. */
function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const result = [6];
  for (let pos = 17 + 4 * version - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMul(result[j]!, root);
      if (j + 1 < result.length) result[j]! ^= result[j + 1]!;
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((coef, i) => {
      result[i]! ^= gfMul(coef, factor);
    });
  }
  return result;
}

/** The module matrix (true = dark) of `text` as UTF-8 bytes. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = [...new TextEncoder().encode(text)];
  const version = Object.keys(VERSIONS_L)
    .map(Number)
    .find((v) => {
      const spec = VERSIONS_L[v]!;
      return 4 + 8 + bytes.length * 8 <= spec.blocks * spec.data * 8;
    });
  if (version === undefined) throw new Error(`text too long for the test encoder: ${bytes.length} bytes`);
  const spec = VERSIONS_L[version]!;
  const capacity = spec.blocks * spec.data;

  // Bit stream: mode 0100 (byte), 8-bit count, data, terminator, pad.
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, 8);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  // Blocks, error correction, interleaving.
  const divisor = rsDivisor(spec.ec);
  const blocks = Array.from({ length: spec.blocks }, (_, i) => data.slice(i * spec.data, (i + 1) * spec.data));
  const ecBlocks = blocks.map((block) => rsRemainder(block, divisor));
  const codewords: number[] = [];
  for (let i = 0; i < spec.data; i++) for (const block of blocks) codewords.push(block[i]!);
  for (let i = 0; i < spec.ec; i++) for (const block of ecBlocks) codewords.push(block[i]!);

  const size = 17 + 4 * version;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const isFunction = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean): void => {
    modules[y]![x] = dark;
    isFunction[y]![x] = true;
  };

  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  const align = alignmentPositions(version);
  for (const [ai, ax] of align.entries()) {
    for (const [bi, ay] of align.entries()) {
      const last = align.length - 1;
      if ((ai === 0 && bi === 0) || (ai === 0 && bi === last) || (ai === last && bi === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  if (version >= 7) {
    let vrem = version;
    for (let k = 0; k < 12; k++) vrem = (vrem << 1) ^ ((vrem >>> 11) * 0x1f25);
    const vbits = (version << 12) | vrem;
    for (let k = 0; k < 18; k++) {
      const dark = ((vbits >>> k) & 1) !== 0;
      const a = size - 11 + (k % 3);
      const b = Math.floor(k / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }

  // Format information: level L (01), mask 0.
  const formatData = (0b01 << 3) | 0;
  let rem = formatData;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const format = ((formatData << 10) | rem) ^ 0x5412;
  const bit = (i: number): boolean => ((format >>> i) & 1) !== 0;
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true);

  // Data in the zigzag order, then mask 0 ((x + y) even → invert) on non-function modules.
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!isFunction[y]![x] && i < codewords.length * 8) {
          modules[y]![x] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) !== 0;
          i++;
        }
      }
    }
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (!isFunction[y]![x] && (x + y) % 2 === 0) modules[y]![x] = !modules[y]![x];
  }
  return modules;
}

/** RGBA pixels of the code: `scale` px per module, a 4-module quiet zone, optionally inverted. */
export function qrImage(
  text: string,
  options: { scale?: number; invert?: boolean; offset?: number; canvas?: number } = {},
): { data: Uint8ClampedArray; width: number; height: number } {
  const modules = qrMatrix(text);
  const scale = options.scale ?? 4;
  const codeSize = (modules.length + 8) * scale;
  const offset = options.offset ?? 0;
  const width = Math.max(options.canvas ?? 0, codeSize + offset);
  const height = width;
  const data = new Uint8ClampedArray(width * height * 4);
  const light = options.invert ? 0 : 255;
  const dark = 255 - light;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - offset) / scale) - 4;
      const my = Math.floor((y - offset) / scale) - 4;
      const isDark = modules[my]?.[mx] ?? false;
      const v = isDark ? dark : light;
      const p = (y * width + x) * 4;
      data[p] = v;
      data[p + 1] = v;
      data[p + 2] = v;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}
