import assert from "node:assert/strict";
import { svgToPdf } from "./svg_to_pdf.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">' +
  '<rect x="10" y="10" width="50" height="30" fill="steelblue"/>' +
  '<text x="10" y="80" font-family="DejaVu Sans">Қазақ тілі</text></svg>';

const latin1 = (b: Uint8Array) => new TextDecoder("latin1").decode(b);

Deno.test("svgToPdf() draws vectors and embeds DejaVu Sans, with no raster image", async () => {
  const pdf = latin1(await svgToPdf(SVG));
  assert.match(pdf, /^%PDF-/);
  assert.match(pdf, /\/FontName \/[A-Z]{6}\+DejaVuSans/, "font embedded as a subset");
  assert.match(pdf, /\/FontFile2/, "TrueType font program embedded");
  assert.doesNotMatch(pdf, /\/Subtype \/Image/, "no raster image");
});

Deno.test("svgToPdf() sizes the page to the width asked for, keeping the aspect ratio", async () => {
  const pdf = latin1(await svgToPdf(SVG, { widthIn: 3.3 }));
  const box = /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/.exec(pdf)!;
  assert.equal(Number(box[1]), 237.6);
  assert.equal(Number(box[2]), 118.8);
});

Deno.test("svgToPdf() gives the same bytes for the same SVG", async () => {
  assert.deepEqual(await svgToPdf(SVG), await svgToPdf(SVG));
});

Deno.test("svgToPdf() refuses a document without a sized <svg> root", async () => {
  await assert.rejects(() => svgToPdf("<figure>x</figure>"), /needs an <svg> root element/);
});

Deno.test("svgToPdf() keeps the SVG's size by default (96 px per inch)", async () => {
  const pdf = latin1(await svgToPdf(SVG));
  assert.match(pdf, /\/MediaBox \[0 0 150 75\]/);
});
