/**
 * Rasterises a standalone SVG to PNG with resvg, using the DejaVu fonts shipped in the npm
 * package `dejavu-fonts-ttf` (not the system's fonts), so the PNG bytes do not depend on which
 * fonts a machine has installed.
 * @module
 */
import { Resvg } from "@resvg/resvg-js";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { FIGURE_FONT } from "./plot_svg.ts";
import { setPngDpi } from "./_png_dpi.ts";
import { cachedRender } from "./_render_cache.ts";

/** Print resolution of PNG figures, in dots per inch (SVG user units are CSS pixels, 96 per inch). */
export const PNG_DPI = 300;

const FONT_DIR = join(REPO_ROOT, "node_modules", "dejavu-fonts-ttf", "ttf");
const FONT_FILES = [
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
  "DejaVuSans-BoldOblique.ttf",
];

/** Options for {@linkcode renderPng}. */
export interface RenderPngOptions {
  /** Resolution in dots per inch. Default: {@linkcode PNG_DPI}. */
  dpi?: number;
  /**
   * Keep the PNG in the workbench's figure cache (`.cache/figures/`) and reuse it for the same SVG
   * and renderer: the same bytes, without rendering again. Default: `false`.
   */
  cache?: boolean;
}

/** Renders SVG text to PNG bytes, with the resolution recorded in the PNG (`pHYs`). */
export function renderPng(svg: string, options: RenderPngOptions = {}): Uint8Array {
  const { dpi = PNG_DPI, cache = false } = options;
  if (cache) {
    return cachedRender({
      kind: "png",
      entry: "lib/figures/render_png.ts",
      input: `${dpi}\n${svg}`,
      render: () => renderPng(svg, { dpi }),
    });
  }
  const fontFiles = FONT_FILES.map((f) => join(FONT_DIR, f));
  for (const f of fontFiles) {
    try {
      Deno.statSync(f);
    } catch {
      throw new Error(
        `Font file "${f}" is missing: run "deno install" in the repository root (npm package dejavu-fonts-ttf)`,
      );
    }
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: dpi / 96 },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: FIGURE_FONT,
      sansSerifFamily: FIGURE_FONT,
    },
    background: "white",
  });
  return setPngDpi(new Uint8Array(resvg.render().asPng()), dpi);
}
