/**
 * Every SVG a report wrote, for checks that apply to all figures (e.g. the figure check).
 * @module
 */
import { join, relative } from "node:path";

/** One figure of a report. */
export interface ReportSvg {
  /** Path relative to the report folder, with `/` separators. */
  path: string;
  svg: string;
}

/**
 * Reads every `.svg` file under a report folder, sorted by path.
 *
 * @param out The report folder.
 * @returns The figures; empty when the report wrote none.
 * @example
 * ```ts
 * import { reportSvgs } from "./report_svgs.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/sub`);
 * await Deno.writeTextFile(`${dir}/sub/a.svg`, "<svg/>");
 * await Deno.writeTextFile(`${dir}/b.png`, "");
 * assert.deepEqual(await reportSvgs(dir), [{ path: "sub/a.svg", svg: "<svg/>" }]);
 * ```
 */
export async function reportSvgs(out: string): Promise<ReportSvg[]> {
  const found: ReportSvg[] = [];
  async function walk(dir: string) {
    for await (const e of Deno.readDir(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory) await walk(p);
      else if (e.isFile && /\.svg$/i.test(e.name)) {
        found.push({
          path: relative(out, p).split("\\").join("/"),
          svg: await Deno.readTextFile(p),
        });
      }
    }
  }
  await walk(out);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
