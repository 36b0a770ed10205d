import assert from "node:assert/strict";
import { join } from "node:path";
import { CACHE_DIR_ENV } from "../io/cache_dir.ts";
import { cachedRender } from "./_render_cache.ts";
import { renderPng } from "./render_png.ts";
import { svgToPdf } from "./svg_to_pdf.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30">' +
  '<rect width="20" height="10" fill="steelblue"/><text x="2" y="25">Қазақ</text></svg>';

async function withCache<T>(fn: (dir: string) => T | Promise<T>): Promise<T> {
  const root = await Deno.makeTempDir();
  const before = Deno.env.get(CACHE_DIR_ENV);
  Deno.env.set(CACHE_DIR_ENV, root);
  try {
    return await fn(join(root, "figures"));
  } finally {
    if (before === undefined) Deno.env.delete(CACHE_DIR_ENV);
    else Deno.env.set(CACHE_DIR_ENV, before);
    await Deno.remove(root, { recursive: true });
  }
}

const job = (input: string, render: () => Uint8Array) => ({
  kind: "test",
  entry: "lib/figures/_render_cache.ts",
  input,
  render,
});

Deno.test("renderPng() and svgToPdf() with the cache give the bytes they give without it", async () => {
  await withCache(async (dir) => {
    const png = renderPng(SVG);
    const pdf = await svgToPdf(SVG, { widthIn: 2 });
    assert.deepEqual(renderPng(SVG, { cache: true }), png); // rendered, then stored
    assert.deepEqual(renderPng(SVG, { cache: true }), png); // read back
    assert.deepEqual(await svgToPdf(SVG, { widthIn: 2, cache: true }), pdf);
    assert.deepEqual(await svgToPdf(SVG, { widthIn: 2, cache: true }), pdf);
    assert.equal([...Deno.readDirSync(dir)].length, 2);
  });
});

Deno.test("cachedRender() renders once per input, and again for another input", async () => {
  await withCache(() => {
    let calls = 0;
    const render = () => new Uint8Array([++calls]);
    assert.deepEqual(cachedRender(job("a", render)), new Uint8Array([1]));
    assert.deepEqual(cachedRender(job("a", render)), new Uint8Array([1]));
    assert.deepEqual(cachedRender(job("b", render)), new Uint8Array([2]));
    assert.equal(calls, 2);
  });
});

Deno.test("cachedRender() renders again when a cache file is damaged", async () => {
  await withCache((dir) => {
    let calls = 0;
    const render = () => new Uint8Array([7, 7, ++calls]);
    cachedRender(job("a", render));
    const [file] = [...Deno.readDirSync(dir)].map((e) => join(dir, e.name));
    const bytes = Deno.readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    Deno.writeFileSync(file, bytes);
    assert.deepEqual(cachedRender(job("a", render)), new Uint8Array([7, 7, 2]));
    assert.deepEqual(cachedRender(job("a", render)), new Uint8Array([7, 7, 2]));
  });
});
