/**
 * Reading a QR code from pixels (a tab capture, the activation page's QR image, or an uploaded
 * photo) with jsQR. Returns the text it holds; importFromText (./import.ts) turns that into accounts.
 *
 * jsQR on a camera frame at full size often finds nothing (the modules are tens of pixels wide,
 * with sensor noise and glare in them) and is slow (seconds for a large photo). So the image is
 * turned grey once, then read at a few sizes, smallest first (400 → 800 → 1200 px on its longest
 * side, and as it is when it is small): at each size jsQR's own local binarisation, dark-on-light
 * and light-on-dark, then one global (Otsu) threshold. The first size that reads wins, and the
 * answer says which one it was. Pure (no DOM): ./qr-image.ts gets the pixels in the browser.
 */
import jsQR from 'jsqr';
import { OtpError } from './errors';

/** A greyscale image, one byte per pixel, row after row. */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The longest sides (px) an image is read at, smallest first. */
export const QR_SIDES = [400, 800, 1200] as const;
/**
 * An image whose longest side is at most this is also read as it is (after the smaller sizes);
 * so is a larger one when it is crisp (findQr).
 */
export const QR_ORIGINAL_MAX_SIDE = 1600;

/** How the pixels were turned black and white when the code was found. */
export type QrBinarisation = 'local' | 'otsu';

export interface QrFound {
  text: string;
  /** The longest side (px) of the image the code was read from. */
  side: number;
  /** That image was the original, not scaled down. */
  original: boolean;
  binarisation: QrBinarisation;
  /** The original's size. */
  sourceWidth: number;
  sourceHeight: number;
}

function checkSize(width: number, height: number, length: number, bytesPerPixel: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || length !== width * height * bytesPerPixel) {
    throw new OtpError('otp_err_no_qr', `bad image ${width}x${height}, ${length} bytes`);
  }
}

/** RGBA → grey (the luma weights jsQR uses); transparent pixels count as white paper. */
export function grayFromRgba(rgba: Uint8ClampedArray, width: number, height: number): Gray {
  checkSize(width, height, rgba.length, 4);
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]!;
    const y = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = a === 255 ? y : (y * a + 255 * (255 - a)) / 255;
  }
  return { data, width, height };
}

/**
 * The image scaled down so its longest side is `side` (area average: every source pixel counts,
 * which also smooths sensor noise). The same image when it is not larger than that.
 */
export function downscale(img: Gray, side: number): Gray {
  const longest = Math.max(img.width, img.height);
  if (longest <= side) return img;
  const f = side / longest;
  const width = Math.max(1, Math.round(img.width * f));
  const height = Math.max(1, Math.round(img.height * f));
  const sx = img.width / width;
  const sy = img.height / height;
  // Column spans once; rows are summed into one line of totals, then divided.
  const x0 = new Int32Array(width);
  const x1 = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    x0[x] = Math.floor(x * sx);
    x1[x] = Math.max(x0[x]! + 1, Math.min(img.width, Math.floor((x + 1) * sx)));
  }
  const out = new Uint8Array(width * height);
  const sums = new Float64Array(width);
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(img.height, Math.floor((y + 1) * sy)));
    sums.fill(0);
    for (let yy = y0; yy < y1; yy++) {
      const row = yy * img.width;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let xx = x0[x]!; xx < x1[x]!; xx++) s += src[row + xx]!;
        sums[x]! += s;
      }
    }
    const rows = y1 - y0;
    for (let x = 0; x < width; x++) out[y * width + x] = sums[x]! / (rows * (x1[x]! - x0[x]!)) + 0.5;
  }
  return { data: out, width, height };
}

/** Otsu's threshold of the grey levels: the cut that best separates dark from light. */
export function otsuThreshold(img: Gray): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let best = 127;
  let bestVar = -1;
  let wDark = 0;
  let sumDark = 0;
  for (let t = 0; t < 256; t++) {
    wDark += hist[t]!;
    if (wDark === 0) continue;
    const wLight = total - wDark;
    if (wLight === 0) break;
    sumDark += t * hist[t]!;
    const between = wDark * wLight * (sumDark / wDark - (sumAll - sumDark) / wLight) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/** Black (0) at or below `threshold`, white (255) above. */
export function threshold(img: Gray, cut: number): Gray {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i]! > cut ? 255 : 0;
  return { data, width: img.width, height: img.height };
}

/** Each pixel the mean of its 3×3 neighbourhood (edges: of the neighbours inside the image). */
export function boxBlur3(img: Gray): Gray {
  const { width: w, height: h, data } = img;
  const rows = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) rows[r + x] = data[r + x]! + (x > 0 ? data[r + x - 1]! : 0) + (x < w - 1 ? data[r + x + 1]! : 0);
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const cy = 1 + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const s = rows[i]! + (y > 0 ? rows[i - w]! : 0) + (y < h - 1 ? rows[i + w]! : 0);
      const cx = 1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0);
      out[i] = (s + ((cx * cy) >> 1)) / (cx * cy);
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * How grainy the image is: the median, over every other pixel of every other row, of the
 * magnitude of a 3×3 Laplacian (0 for a screenshot's flat areas; tens for a camera's noise).
 */
export function noiseLevel(img: Gray): number {
  const { width: w, height: h, data: d } = img;
  const hist = new Uint32Array(4081);
  let n = 0;
  for (let y = 1; y < h - 1; y += 2) {
    for (let x = 1; x < w - 1; x += 2) {
      const i = y * w + x;
      const v = 4 * d[i]! - 2 * (d[i - 1]! + d[i + 1]! + d[i - w]! + d[i + w]!) + d[i - w - 1]! + d[i - w + 1]! + d[i + w - 1]! + d[i + w + 1]!;
      hist[v < 0 ? -v : v]!++;
      n++;
    }
  }
  for (let v = 0, seen = 0; v < hist.length; v++) {
    seen += hist[v]!;
    if (seen * 2 >= n) return v;
  }
  return 0;
}

/** The most 3×3 smoothing passes an image gets. */
const MAX_PASSES = 3;

/**
 * The image smoothed (3×3 box passes) until its grain is gone: a crisp screenshot stays as it is
 * (its 2-px modules would blur away), a camera frame loses the noise that gives jsQR thousands of
 * false finder patterns (seconds per try, and often no read). Larger images are smoothed further
 * (their grain is coarser, and jsQR's time on noise grows with the area).
 */
export function denoise(img: Gray): Gray {
  const target = Math.max(img.width, img.height) > 1200 ? 1 : 2;
  let out = img;
  for (let pass = 0; pass < MAX_PASSES && noiseLevel(out) > target; pass++) out = boxBlur3(out);
  return out;
}

/** The longest sides to read an image of this size at, smallest first. */
export function qrSides(width: number, height: number): number[] {
  const longest = Math.max(width, height);
  // A size within 10 % of the original is not worth a separate try.
  const sides: number[] = QR_SIDES.filter((s) => s < longest * 0.9);
  if (longest <= QR_ORIGINAL_MAX_SIDE) sides.push(longest);
  return sides;
}

function rgba(img: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.data.length * 4);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    out[j] = out[j + 1] = out[j + 2] = img.data[i]!;
    out[j + 3] = 255;
  }
  return out;
}

function jsqrText(img: Gray): string | null {
  try {
    return jsQR(rgba(img), img.width, img.height, { inversionAttempts: 'attemptBoth' })?.data || null;
  } catch {
    return null; // jsQR throws on some damaged codes; that size simply did not read
  }
}

/**
 * The tries at one size, in order, on the denoised image: jsQR's own local binarisation (both
 * dark-on-light and light-on-dark), then one global Otsu cut (a code lit unevenly, or modules
 * larger than jsQR's blocks).
 */
const TRIES: readonly [QrBinarisation, (img: Gray) => Gray][] = [
  ['local', (img) => img],
  ['otsu', (img) => threshold(img, otsuThreshold(img))],
];

/** A grain level at or below which an image counts as crisp (a screenshot, not a photo). */
const CRISP_NOISE = 1;

/** The first QR code found in `img` at the sizes of qrSides(); OtpError 'otp_err_no_qr' when none reads. */
/**
 * An image that gives its grey pixels at a size: scaled down from grey pixels here (area
 * average), or drawn at that size by the browser's canvas (./qr-image.ts: a 12-megapixel photo
 * is then never turned into grey pixels at full size unless the small sizes fail).
 */
export interface QrSource {
  width: number;
  height: number;
  /** The image with its longest side `side` (the original when `side` is not smaller). */
  at(side: number): Gray;
  /** Frees what the image holds (a decoded bitmap), when it holds anything. */
  close?(): void;
}

export function graySource(img: Gray): QrSource {
  checkSize(img.width, img.height, img.data.length, 1);
  return { width: img.width, height: img.height, at: (side) => downscale(img, side) };
}

function readAt(img: Gray): [string, QrBinarisation] | null {
  const smoothed = denoise(img);
  for (const [binarisation, binarise] of TRIES) {
    const text = jsqrText(binarise(smoothed));
    if (text) return [text, binarisation];
  }
  return null;
}

/**
 * The first QR code found in the image at the sizes of qrSides() (then, for a large image, as it
 * is when it is crisp); OtpError 'otp_err_no_qr' when none reads. `sides` replaces that list.
 */
export function findQr(image: Gray | QrSource, sides?: readonly number[]): QrFound {
  const src = 'at' in image ? image : graySource(image);
  const { width, height } = src;
  const longest = Math.max(width, height);
  const tried: number[] = [];
  const attempt = (side: number, img = src.at(side)): QrFound | null => {
    tried.push(side);
    const read = readAt(img);
    if (!read) return null;
    const original = side >= longest;
    return { text: read[0], side: original ? longest : side, original, binarisation: read[1], sourceWidth: width, sourceHeight: height };
  };
  for (const side of sides ?? qrSides(width, height)) {
    const found = attempt(side);
    if (found) return found;
  }
  if (!sides && longest > QR_ORIGINAL_MAX_SIDE) {
    // A screenshot of a large screen: its code may be too small to read scaled down, and jsQR is
    // quick on crisp pixels (not on a photo's grain, which is why photos stop here).
    const full = src.at(longest);
    const found = noiseLevel(full) <= CRISP_NOISE ? attempt(longest, full) : null;
    if (found) return found;
  }
  throw new OtpError('otp_err_no_qr', `tried ${tried.join(', ')} px`);
}

/** The text of the QR code in RGBA pixels; OtpError 'otp_err_no_qr' when there is none. */
export function decodeQrFromImageData(data: Uint8ClampedArray, width: number, height: number): string {
  return findQr(grayFromRgba(data, width, height)).text;
}
