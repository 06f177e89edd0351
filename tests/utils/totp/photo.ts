/**
 * A phone photo of a QR code on a screen, made for tests (no real photo is kept in the project):
 * the code on a white card with a narrow margin, turned a few degrees, inside a dark, unevenly lit
 * surround, with sensor noise on every pixel and soft module edges. The kind of frame that jsQR
 * does not read at full size but does when it is scaled down (issue 12, "QR from a phone photo").
 */
import { qrMatrix } from './qr-encoder';
import type { Gray } from '@/utils/totp/qr';

export interface PhotoOptions {
  width: number;
  height: number;
  /** Pixels per module. */
  module: number;
  /** Rotation in degrees. */
  angle?: number;
  /** Amplitude of the sensor noise (grey levels, ±). */
  noise?: number;
  /** The white card's margin around the code, in modules (a real quiet zone is 4). */
  margin?: number;
  /** Light modules' grey and dark modules' grey. */
  light?: number;
  dark?: number;
  /** The surround's grey. */
  surround?: number;
  seed?: number;
}

/** A greyscale photo of `text`'s QR code, centred. */
export function qrPhoto(text: string, o: PhotoOptions): Gray {
  const modules = qrMatrix(text);
  const n = modules.length;
  const margin = o.margin ?? 1.5;
  const angle = ((o.angle ?? 3) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const noise = o.noise ?? 40;
  const light = o.light ?? 225;
  const dark = o.dark ?? 25;
  const surround = o.surround ?? 30;
  const cx = o.width / 2;
  const cy = o.height / 2;
  const half = (n / 2 + margin) * o.module;
  let seed = o.seed ?? 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const data = new Uint8Array(o.width * o.height);
  // Soft edges: a module's darkness ramps over a fifth of a module on each side.
  const ramp = 0.2;
  const inside = (u: number): number => Math.min(1, Math.max(0, (Math.min(u - Math.floor(u), Math.ceil(u) - u) + ramp / 2) / ramp));
  for (let y = 0; y < o.height; y++) {
    for (let x = 0; x < o.width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      // Into the card's frame (un-rotate).
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      let g: number;
      if (Math.abs(u) > half || Math.abs(v) > half) {
        // Uneven light on the dark surround: brighter towards the lower left.
        g = surround + 25 * ((o.height - y) / o.height < 0.4 ? 1 - x / o.width : 0);
      } else {
        const mu = u / o.module + n / 2;
        const mv = v / o.module + n / 2;
        const mx = Math.floor(mu);
        const my = Math.floor(mv);
        const isDark = modules[my]?.[mx] ?? false;
        const w = isDark ? inside(mu) * inside(mv) : 0;
        g = light - (light - dark) * w;
      }
      g += (rand() * 2 - 1) * noise;
      data[y * o.width + x] = Math.max(0, Math.min(255, Math.round(g)));
    }
  }
  return { data, width: o.width, height: o.height };
}

/** RGBA of a grey image (for code that takes canvas pixels). */
export function toRgba(img: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.data.length * 4);
  for (let i = 0; i < img.data.length; i++) {
    out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = img.data[i]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}
