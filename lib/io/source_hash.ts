/**
 * The code a computation runs, as a hash: every local module reachable by static imports
 * (`import … from`, `export … from`, `import "…"`, `import("…")` with a literal specifier) from a
 * set of entry modules, read byte for byte, plus the lock file that pins the packages. A change to
 * any module the computation imports, however indirectly, changes the hash; a module it does not
 * import does not.
 *
 * The imports are found by a pattern, not by a parser: a specifier that appears in a comment is
 * followed too, which can only add a module to the hash, never leave one out.
 * @module
 */
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";

/** Options for {@linkcode localModules} and {@linkcode sourceHash}. */
export interface SourceHashOptions {
  /** The folder paths are reported relative to (and the lock file is found in). Default: the current folder. */
  root?: string;
  /** Extra files hashed as they are (the lock file). Default: `["deno.lock"]` (skipped when absent). */
  extra?: readonly string[];
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*[,)]/g,
];

function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of source.matchAll(pattern)) out.push(m[1]);
  }
  return out;
}

/**
 * Every local module reachable from `entries` by static imports (relative specifiers only;
 * packages are pinned by the lock file), as sorted paths relative to `root`.
 * @throws Error naming the importing module when an imported local module cannot be read.
 */
export function localModules(
  entries: readonly string[],
  options: SourceHashOptions = {},
): string[] {
  const root = resolve(options.root ?? ".");
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(root, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue; // JSON and other data: hashed, not parsed
    let text: string;
    try {
      text = Deno.readTextFileSync(file);
    } catch {
      // A specifier in a comment or an example that names no file: the program cannot import a
      // missing module, so nothing it runs is left out.
      seen.delete(file);
      continue;
    }
    for (const spec of specifiers(text)) {
      if (!spec.startsWith("./") && !spec.startsWith("../")) continue;
      const target = resolve(dirname(file), spec);
      if (!seen.has(target)) stack.push(target);
    }
  }
  return [...seen].map((f) => relative(root, f).split("\\").join("/")).sort();
}

/**
 * SHA-256 (hex) of the bytes of every module in {@linkcode localModules}`(entries)`, each
 * preceded by its path, and of the `extra` files.
 *
 * @example
 * ```ts
 * import { sourceHash } from "./source_hash.ts";
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${root}/a.ts`, 'import { b } from "./b.ts";\nexport const a = b;\n');
 * await Deno.writeTextFile(`${root}/b.ts`, "export const b = 1;\n");
 * const before = sourceHash(["a.ts"], { root });
 * await Deno.writeTextFile(`${root}/b.ts`, "export const b = 2;\n");
 * assert.notEqual(sourceHash(["a.ts"], { root }), before);
 * ```
 */
export function sourceHash(entries: readonly string[], options: SourceHashOptions = {}): string {
  const root = resolve(options.root ?? ".");
  const hash = createHash("sha256");
  for (const path of localModules(entries, options)) {
    hash.update(`${path}\0`);
    hash.update(Deno.readFileSync(join(root, path)));
  }
  for (const extra of options.extra ?? ["deno.lock"]) {
    try {
      const bytes = Deno.readFileSync(join(root, extra));
      hash.update(`${extra}\0`);
      hash.update(bytes);
    } catch { /* no lock file: packages as resolved */ }
  }
  return hash.digest("hex");
}
