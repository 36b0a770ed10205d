/**
 * Records a PNG's print resolution in its `pHYs` chunk (pixels per metre), so that LaTeX
 * (`\includegraphics`), word processors and image viewers size a 300-dpi figure at its intended
 * physical size instead of assuming 72 or 96 dpi.
 * @module
 */
import { crc32 } from "node:zlib";

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

/** The chunks of a PNG: type, start offset of the chunk, and total length (12 + data). */
function chunks(png: Uint8Array): { type: string; start: number; length: number }[] {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) {
    throw new SyntaxError("Not a PNG file: the signature is missing");
  }
  const out = [];
  for (let at = 8; at < png.length;) {
    const length = u32(png, at) + 12;
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, start: at, length });
    at += length;
  }
  return out;
}

/**
 * Returns a copy of `png` whose `pHYs` chunk says `dpi` (an existing `pHYs` is replaced).
 *
 * @example
 * ```ts ignore
 * const png = setPngDpi(renderPng(svg, { dpi: 300 }), 300);
 * ```
 */
export function setPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  const ppm = Math.round(dpi / 0.0254);
  const body = new Uint8Array(4 + 9);
  body.set([..."pHYs"].map((c) => c.charCodeAt(0)));
  const view = new DataView(body.buffer);
  view.setUint32(4, ppm);
  view.setUint32(8, ppm);
  body[12] = 1; // unit: metre
  const chunk = new Uint8Array(12 + 9);
  const cv = new DataView(chunk.buffer);
  cv.setUint32(0, 9);
  chunk.set(body, 4);
  cv.setUint32(17, crc32(body) >>> 0);
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of chunks(png)) {
    if (c.type === "pHYs") continue;
    parts.push(png.subarray(c.start, c.start + c.length));
    if (c.type === "IHDR") parts.push(chunk);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The resolution a PNG's `pHYs` chunk records, in dots per inch (x, y), or null without one. */
export function pngDpi(png: Uint8Array): { x: number; y: number } | null {
  const c = chunks(png).find((c) => c.type === "pHYs");
  if (!c || png[c.start + 16] !== 1) return null;
  return { x: u32(png, c.start + 8) * 0.0254, y: u32(png, c.start + 12) * 0.0254 };
}
