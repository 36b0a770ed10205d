/**
 * Draws an SVG document into a vector PDF (pdfkit with svg-to-pdfkit): paths stay paths, text
 * stays text in DejaVu Sans (embedded as a subset, so Cyrillic and Kazakh letters print), no
 * raster image. For LaTeX (`\includegraphics`) and for `save()` in notebooks.
 * @module
 */
import { fromRoot } from "../io/paths.ts";
import { cachedRenderAsync } from "./_render_cache.ts";

/** The font files embedded in every PDF figure, by weight. */
const FONTS = {
  regular: fromRoot("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: fromRoot("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

/** Options for {@linkcode svgToPdf}. */
export interface SvgToPdfOptions {
  /**
   * Width of the PDF page in inches; the figure is scaled to it, keeping its aspect ratio.
   * Default: the SVG's own width at 96 px per inch (SVG user units are CSS pixels).
   */
  widthIn?: number;
  /**
   * Keep the PDF in the workbench's figure cache (`.cache/figures/`) and reuse it for the same SVG,
   * width and code: the same bytes, without drawing again. Default: `false`.
   */
  cache?: boolean;
}

/** The `width` and `height` of an SVG's root element, in px. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)`).exec(root ?? "")?.[1]);
  const width = attr("width");
  const height = attr("height");
  if (!root || !(width > 0) || !(height > 0)) {
    throw new TypeError(
      `svgToPdf() needs an <svg> root element with numeric width and height, got "${
        (root ?? svg).slice(0, 80)
      }"`,
    );
  }
  return { width, height };
}

/**
 * Renders an SVG string to PDF bytes.
 *
 * @example
 * ```ts
 * import { svgToPdf } from "./svg_to_pdf.ts";
 * import assert from "node:assert/strict";
 * const pdf = await svgToPdf('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text x="5" y="20">Қазақ</text></svg>');
 * assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
 * ```
 */
export async function svgToPdf(svg: string, options: SvgToPdfOptions = {}): Promise<Uint8Array> {
  if (options.cache) {
    const { widthIn } = options;
    return await cachedRenderAsync({
      kind: "pdf",
      entry: "lib/figures/svg_to_pdf.ts",
      input: `${widthIn ?? ""}\n${svg}`,
      render: () => svgToPdf(svg, { widthIn }),
    });
  }
  const { width, height } = svgSize(svg);
  // Loaded here, not at the top: pdfkit is the heaviest import of lib/report/mod.ts, which every
  // notebook imports, and only save() and the paper draw PDFs.
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([
    import("pdfkit"),
    import("svg-to-pdfkit"),
  ]);
  const pageWidth = (options.widthIn ?? width / 96) * 72;
  const pageHeight = height * pageWidth / width;
  // Fixed metadata dates: the same SVG gives the same bytes.
  const doc = new PDFDocument({
    size: [pageWidth, pageHeight],
    margin: 0,
    info: {
      CreationDate: new Date(0),
      ModDate: new Date(0),
      Producer: "workbench",
      Creator: "workbench",
    },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  const chunks: Uint8Array[] = [];
  doc.on("data", (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width: pageWidth,
    height: pageHeight,
    preserveAspectRatio: "xMidYMid meet",
    fontCallback: (_family: string, bold: boolean) => (bold ? "bold" : "regular"),
  });
  doc.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
