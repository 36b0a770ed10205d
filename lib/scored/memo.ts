/**
 * Results of the expensive analyses (bootstrap intervals and sign-flip tests over every run,
 * comparison and metric), kept on disk next to the scored-results cache so that a second report
 * on the same inputs reuses them. A result is keyed by the analysis' name, its arguments, the
 * scored results it ran on ({@linkcode ScoredResults.key}: every input's SHA-256, the runs'
 * identities, the scorer) and the bytes of the code that computes it: every module of
 * `lib/analysis/` and every local module they import, however indirectly (their whole static
 * import graph, with the lock file), so that a change to any of them computes afresh. Results are
 * JSON with their SHA-256 (checked on every read: a damaged file is computed afresh, with a note),
 * written atomically; scored results loaded with
 * `cache: false` never read or write here.
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { sourceHash } from "../io/source_hash.ts";

/** The folder whose modules (and everything they import) compute the memoised analyses. */
const ANALYSIS_DIR = "lib/analysis";

let codeHash: string | null = null;

/** The entry modules of the analyses: every module of `lib/analysis/` but tests and benchmarks. */
export function analysisEntries(root = REPO_ROOT): string[] {
  return [...Deno.readDirSync(join(root, ANALYSIS_DIR))]
    .filter((e) => e.isFile && /\.ts$/.test(e.name) && !/_(test|bench)\.ts$/.test(e.name))
    .map((e) => `${ANALYSIS_DIR}/${e.name}`).sort();
}

function codeKey(): string {
  return (codeHash ??= sourceHash([...analysisEntries(), "lib/scored/memo.ts"], {
    root: REPO_ROOT,
  }));
}

/** What a memoised analysis needs from the scored results. */
export interface MemoScope {
  /** Identity of the scored results; `null` disables the memo. */
  key: string | null;
  /** The cache folder of the scored results; `null` disables the memo. */
  cacheDir: string | null;
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_, v) => {
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
    }
    return v;
  });
}

/**
 * `compute()`, or its result from an earlier call with the same name, arguments, scored results
 * and code. `compute` must return JSON-serialisable data (numbers that are not finite become
 * `null`, as the analyses already represent them).
 */
export function memo<T>(scope: MemoScope, name: string, args: unknown, compute: () => T): T {
  if (scope.key === null || scope.cacheDir === null) return compute();
  const key = createHash("sha256").update(`${name}\0${scope.key}\0${codeKey()}\0${stable(args)}`)
    .digest("hex").slice(0, 32);
  const dir = join(scope.cacheDir, "..", "analysis");
  const file = join(dir, `${name}-${key}.json`);
  // The file: the SHA-256 of the JSON text on the first line, then the text; a damaged file
  // (a changed digit would read as another number) fails the check and is computed afresh.
  let raw: string | null = null;
  try {
    raw = Deno.readTextFileSync(file);
  } catch { /* not computed yet, or unreadable: compute */ }
  if (raw !== null) {
    const cut = raw.indexOf("\n");
    const body = raw.slice(cut + 1);
    if (cut > 0 && sha256Hex(body) === raw.slice(0, cut)) {
      try {
        return JSON.parse(body) as T;
      } catch { /* compute */ }
    } else {
      console.error(`note: analysis cache file "${file}" fails its checksum; computing it again`);
    }
  }
  const result = compute();
  try {
    Deno.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${crypto.randomUUID()}.tmp`;
    const body = JSON.stringify(result);
    Deno.writeTextFileSync(tmp, `${sha256Hex(body)}\n${body}`);
    Deno.renameSync(tmp, file);
  } catch { /* a read-only cache only costs time */ }
  return result;
}
