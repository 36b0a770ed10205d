/**
 * A notebook's code cells as one TypeScript module, for `deno check` and `deno lint` (see
 * `check_notebooks.ts`), and the way back from a line of that module to the notebook's cell.
 * @module
 */

/** One notebook's code as a TypeScript module, with where each cell starts. */
export interface ExtractedNotebook {
  /** The module text: the code cells, each after a `// <file>, cell N` line. */
  code: string;
  /** For each code cell: its 1-based index among all cells, and the module line of its first line. */
  cells: { cell: number; line: number }[];
}

/**
 * Joins the code cells of a notebook (its JSON text) into one module.
 *
 * @param text The `.ipynb` file's text.
 * @param file The notebook's path, for messages.
 * @throws {SyntaxError} When the file is not a notebook (not JSON, or without a `cells` list).
 * @example
 * ```ts
 * import { extractNotebook } from "./extract_notebook.ts";
 * import assert from "node:assert/strict";
 * const nb = { cells: [{ cell_type: "markdown", source: "# T" }, { cell_type: "code", source: ["const a = 1;\n", "a"] }] };
 * const { code, cells } = extractNotebook(JSON.stringify(nb), "n.ipynb");
 * assert.equal(code, "// n.ipynb, cell 2\nconst a = 1;\na\n");
 * assert.deepEqual(cells, [{ cell: 2, line: 2 }]);
 * ```
 */
export function extractNotebook(text: string, file: string): ExtractedNotebook {
  let nb: { cells?: unknown };
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(`Cannot read notebook "${file}": not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(nb?.cells)) {
    throw new SyntaxError(
      `Cannot read notebook "${file}": expected a "cells" list at the top level`,
    );
  }
  const lines: string[] = [];
  const cells: { cell: number; line: number }[] = [];
  nb.cells.forEach((c: { cell_type?: string; source?: string | string[] }, i: number) => {
    if (c?.cell_type !== "code") return;
    if (typeof c.source !== "string" && !Array.isArray(c.source)) {
      throw new SyntaxError(
        `Cannot read notebook "${file}": cells[${i}].source is neither a string nor a list of strings`,
      );
    }
    const source = Array.isArray(c.source) ? c.source.join("") : c.source;
    lines.push(`// ${file}, cell ${i + 1}`);
    cells.push({ cell: i + 1, line: lines.length + 1 });
    lines.push(...source.replace(/\n$/, "").split("\n"));
  });
  return { code: lines.join("\n") + "\n", cells };
}

/**
 * Rewrites `<module>:line:col` in checker or linter output into `<notebook> cell N, line L:col`.
 *
 * @param output Text printed by `deno check` or `deno lint`.
 * @param module The extracted module's path as it appears in the output.
 * @param notebook The notebook's path to name instead.
 * @param cells Where each cell starts ({@linkcode ExtractedNotebook.cells}).
 */
export function mapLocations(
  output: string,
  module: string,
  notebook: string,
  cells: ExtractedNotebook["cells"],
): string {
  const escaped = module.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return output.replace(new RegExp(`(?:file://)?${escaped}:(\\d+):(\\d+)`, "g"), (_, l, col) => {
    const line = Number(l);
    const at = cells.findLast((c) => c.line <= line);
    return at
      ? `${notebook} cell ${at.cell}, line ${line - at.line + 1}:${col}`
      : `${notebook} (cell header):${col}`;
  });
}
