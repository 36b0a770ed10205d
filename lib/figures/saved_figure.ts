/**
 * Saves a standalone SVG as `<name>.svg` and `<name>.png` (print resolution) and returns an
 * object that Deno's Jupyter kernel displays inline.
 * @module
 */
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { renderPng } from "./render_png.ts";
import { fromRoot } from "../io/paths.ts";

/** A figure written to disk; displayed as SVG when it is a cell's last value. */
export class SavedFigure {
  constructor(
    readonly name: string,
    readonly svg: string,
    readonly files: { svg: string; png: string },
  ) {}
  /** Deno's Jupyter display hook. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "image/svg+xml": this.svg };
  }
}

/** Options for {@linkcode saveFigure}. */
export interface SaveFigureOptions {
  /** Reuse the PNG of the same SVG from the figure cache (see `renderPng`). Default: `true`. */
  cache?: boolean;
}

/** Writes `<dir>/<name>.svg` and `<dir>/<name>.png` atomically. */
export async function saveFigure(
  svg: string,
  dir: string,
  name: string,
  options: SaveFigureOptions = {},
): Promise<SavedFigure> {
  const { cache = true } = options;
  dir = fromRoot(dir); // relative paths: to the repository root
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new TypeError(
      `Figure name must be lower-case letters, digits, "_" or "-", got "${name}"`,
    );
  }
  const files = { svg: join(dir, `${name}.svg`), png: join(dir, `${name}.png`) };
  await writeFileAtomic(files.svg, svg);
  await writeFileAtomic(files.png, renderPng(svg, { cache }));
  return new SavedFigure(name, svg, files);
}
