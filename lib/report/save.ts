/**
 * `save(figure, name)`: a notebook's figure written for a paper, as SVG, PNG (300 dpi) and vector
 * PDF (fonts embedded), into the notebook's output folder. It takes what `Plot.plot({...})`
 * returns (an `<svg>` element) or an SVG string (the project's figure functions).
 * @module
 */
import { basename, join, relative } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { fromRoot } from "../io/paths.ts";
import { renderPng } from "../figures/render_png.ts";
import { svgSize, svgToPdf } from "../figures/svg_to_pdf.ts";
import { claimFolder, recordWritten } from "./claim_folder.ts";
import { currentNotebookOut } from "./params.ts";

/** Options for {@linkcode save}. */
export interface SaveOptions {
  /**
   * Folder to write into, relative to the repository root. Default: the notebook's output
   * folder (the `out` of its `notebookParams()`; `runs/interactive/<notebook>/` opened by hand).
   */
  out?: string;
  /**
   * Width of the PDF in inches: about 3.3 for one column, 7 for the text width (draw the figure
   * about that wide, e.g. Plot's `width: 320` for a column, so that its text stays legible).
   * Default: the figure's own width at 96 px per inch, at most 7.
   */
  widthIn?: number;
  /** Folder the returned links are relative to. Default: the current directory (the notebook's, in a kernel). */
  linksFrom?: string;
}

/** The files {@linkcode save} wrote; shows the figure and links to the files as a cell's result. */
export class SavedFiles {
  constructor(
    readonly svg: string,
    readonly files: { svg: string; png: string; pdf: string },
    readonly links: { svg: string; png: string; pdf: string },
  ) {}
  /** Deno's Jupyter display hook. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    // Markdown, with the image as a link to the saved PNG: Lab shows it in trusted and untrusted
    // notebooks alike (inline SVG in HTML is stripped from untrusted ones).
    const { svg, png, pdf } = this.links;
    return {
      "text/markdown":
        `<img src="${png}" alt="${basename(png)}" width="${svgSize(this.svg).width}">` +
        `\n\nSaved: [\`${basename(svg)}\`](${svg}), ` +
        `[\`${basename(png)}\`](${png}), [\`${basename(pdf)}\`](${pdf})`,
      "text/plain": `Saved: ${this.files.svg}, ${this.files.png}, ${this.files.pdf}`,
    };
  }
}

/** An SVG string from a figure: a string, or an element (Plot's) whose `outerHTML` is an `<svg>`. */
function svgOf(figure: unknown): string {
  const markup = typeof figure === "string"
    ? figure
    : (figure as { outerHTML?: unknown } | null)?.outerHTML;
  if (typeof markup !== "string" || !/^\s*(<\?xml[^>]*>\s*)?<svg\b/.test(markup)) {
    throw new TypeError(
      `save() needs an SVG figure (what Plot.plot() returns, or an SVG string), got ${
        typeof markup === "string" ? `"${markup.slice(0, 40)}…"` : typeof figure
      }: a Plot figure with a title, subtitle, caption or legend is an HTML <figure>; leave those options out and write the title as the caption`,
    );
  }
  let svg = markup.trim();
  if (!/<svg\b[^>]*\sxmlns=/.test(svg)) {
    svg = svg.replace(/<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  }
  return svg;
}

/**
 * Writes `<out>/<name>.svg`, `.png` and `.pdf` atomically.
 *
 * @example
 * ```ts
 * import { save } from "./save.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const saved = await save('<svg width="40" height="20"><rect width="10" height="10"/></svg>', "box", { out: dir });
 * assert.equal(saved.files.pdf, `${dir}/box.pdf`);
 * ```
 */
export async function save(
  figure: unknown,
  name: string,
  options: SaveOptions = {},
): Promise<SavedFiles> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new TypeError(
      `Figure name must be lower-case letters, digits, "_" or "-", got "${name}"`,
    );
  }
  const svg = svgOf(figure);
  const outParam = options.out ?? currentNotebookOut();
  if (outParam === null) {
    throw new Error(
      `save() does not know where to write "${name}": call notebookParams() first or pass { out }`,
    );
  }
  const out = fromRoot(outParam);
  await claimFolder(out);
  const files = {
    svg: join(out, `${name}.svg`),
    png: join(out, `${name}.png`),
    pdf: join(out, `${name}.pdf`),
  };
  await writeFileAtomic(files.svg, svg);
  await writeFileAtomic(files.png, renderPng(svg, { cache: true }));
  await writeFileAtomic(
    files.pdf,
    await svgToPdf(svg, {
      widthIn: options.widthIn ?? Math.min(7, svgSize(svg).width / 96),
      cache: true,
    }),
  );
  await recordWritten(out, Object.values(files));
  const from = options.linksFrom ?? Deno.cwd();
  const link = (p: string) => relative(from, p).split("\\").join("/");
  return new SavedFiles(svg, files, {
    svg: link(files.svg),
    png: link(files.png),
    pdf: link(files.pdf),
  });
}
