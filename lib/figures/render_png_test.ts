import assert from "node:assert/strict";
import { renderPng } from "./render_png.ts";
import { pngDpi, setPngDpi } from "./_png_dpi.ts";

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48"><text x="4" y="24">Қазақ</text></svg>';

Deno.test("renderPng() records 300 dpi in the PNG, so LaTeX prints it at its size", async () => {
  const png = renderPng(SVG);
  const dpi = pngDpi(png)!;
  assert.ok(Math.abs(dpi.x - 300) < 0.01 && Math.abs(dpi.y - 300) < 0.01, JSON.stringify(dpi));
  // 96 CSS px = 1 inch -> 300 px wide at 300 dpi (IHDR width).
  assert.equal(new DataView(png.buffer, png.byteOffset).getUint32(16), 300);
  // Python's standard library reads the same chunk, byte for byte (11811 px/m, unit 1).
  const path = await Deno.makeTempFile({ suffix: ".png" });
  await Deno.writeFile(path, png);
  const py = await new Deno.Command("python3", {
    args: [
      "-c",
      "import struct,sys,zlib\nb=open(sys.argv[1],'rb').read()\ni=8\nwhile i<len(b):\n" +
      " n,t=struct.unpack('>I4s',b[i:i+8])\n d=b[i+8:i+8+n]\n" +
      " assert zlib.crc32(t+d)==struct.unpack('>I',b[i+8+n:i+12+n])[0], t\n" +
      " if t==b'pHYs': print(struct.unpack('>IIB',d))\n i+=12+n",
      path,
    ],
    stdout: "piped",
  }).output();
  assert.equal(new TextDecoder().decode(py.stdout).trim(), "(11811, 11811, 1)");
  await Deno.remove(path);
});

Deno.test("setPngDpi() replaces an existing pHYs chunk and refuses what is not a PNG", () => {
  const png = renderPng(SVG, { dpi: 150 });
  assert.ok(Math.abs(pngDpi(png)!.x - 150) < 0.02);
  const again = setPngDpi(png, 600);
  assert.equal(again.length, png.length, "one pHYs chunk, replaced");
  assert.ok(Math.abs(pngDpi(again)!.x - 600) < 0.02);
  assert.throws(() => setPngDpi(new Uint8Array([1, 2, 3]), 300), SyntaxError);
  assert.throws(() => setPngDpi(png, 0), RangeError);
});
