/**
 * Width of a line of text in the figures' font (DejaVu Sans, from the npm package
 * `dejavu-fonts-ttf`), from the font's own advance widths and kerning.
 * @module
 */
import opentype from "opentype.js";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";

const FONT_DIR = join(REPO_ROOT, "node_modules", "dejavu-fonts-ttf", "ttf");

interface Font {
  getAdvanceWidth(text: string, fontSize: number): number;
}

const fonts = new Map<string, Font>();

function font(bold: boolean): Font {
  const file = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  let f = fonts.get(file);
  if (!f) {
    const path = join(FONT_DIR, file);
    let bytes: Uint8Array;
    try {
      bytes = Deno.readFileSync(path);
    } catch {
      throw new Error(
        `Font file "${path}" is missing: run "deno install" in the repository root (npm package dejavu-fonts-ttf)`,
      );
    }
    f = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fonts.set(file, f!);
  }
  return f!;
}

/**
 * The advance width, in pixels, of `text` set in DejaVu Sans at `fontSize` pixels.
 *
 * @example
 * ```ts
 * import { textWidth } from "./_text_width.ts";
 * import assert from "node:assert/strict";
 * assert.ok(textWidth("iiii", 10) < textWidth("MMMM", 10));
 * ```
 */
export function textWidth(
  text: string,
  fontSize: number,
  options: { bold?: boolean } = {},
): number {
  return font(options.bold ?? false).getAdvanceWidth(text, fontSize);
}
