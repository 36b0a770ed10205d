/**
 * Report parameters: what `deno task report` (or a notebook opened by hand) works on.
 *
 * Every parameter is declared once, in `report_params.ts` ({@linkcode REPORT_PARAMS}: kind, range,
 * default, meaning). Three layers, each overriding the one before: those defaults; the notebook's own
 * `parameters` cell (papermill convention: the first code cell, tagged `parameters`, holding the
 * visible defaults a researcher edits); and `WORKBENCH_PARAMS` (JSON), which `deno task report`
 * sets for every notebook it runs. One rule for paths: every path, in any layer, is relative to
 * the repository root, wherever the kernel runs (`fromRoot()` resolves one in your own code).
 *
 * Opened by hand, a notebook writes to a scratch folder of its own, `runs/interactive/<id>/`
 * (ignored by git), never to the committed `figures/` unless its `out` says so.
 * @module
 */
import { setupNotebook } from "../notebook/setup_notebook.ts";
import { REPORT_DEFAULTS, REPORT_PARAM_ENTRIES, type ReportParams } from "./report_params.ts";

export { REPORT_DEFAULTS, REPORT_PARAMS, type ReportParams } from "./report_params.ts";

// Every notebook imports this module (through lib/report/mod.ts): in Deno's Jupyter kernel this
// gives Observable Plot a DOM and Polars frames a readable display (a no-op anywhere else).
setupNotebook();

let lastOut: string | null = null;

/**
 * The output folder of the notebook running in this kernel: the `out` of the last
 * {@linkcode notebookParams} call, or null before any. `save()` writes there by default.
 */
export function currentNotebookOut(): string | null {
  return lastOut;
}

/** The environment variable that carries the parameters into notebooks. */
export const PARAMS_ENV = "WORKBENCH_PARAMS";

/** Where a notebook opened by hand writes, under the repository root (`<folder>/<notebook id>`). */
export const INTERACTIVE_OUT = "runs/interactive";

const KEYS: readonly string[] = REPORT_PARAM_ENTRIES.map(([k]) => k);

/**
 * Validates a partial parameter object, fills defaults and resolves paths against the
 * repository root. Unknown keys and wrong types are errors naming `where`.
 *
 * @example
 * ```ts
 * import { resolveParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * const p = resolveParams({ resamples: 2000 });
 * assert.equal(p.resamples, 2000);
 * assert.ok(p.results.endsWith("data/results"));
 * assert.throws(() => resolveParams({ resample: 1 } as never), /Unknown report parameter "resample"/);
 * ```
 */
export function resolveParams(
  partial: Partial<ReportParams>,
  where = "report parameters",
): ReportParams {
  if (typeof partial !== "object" || partial === null || Array.isArray(partial)) {
    throw new TypeError(`Invalid ${where}: expected an object`);
  }
  for (const key of Object.keys(partial)) {
    if (!KEYS.includes(key)) {
      throw new TypeError(
        `Unknown report parameter "${key}" in ${where}; known: ${KEYS.join(", ")}`,
      );
    }
  }
  const p: Record<string, unknown> = { ...REPORT_DEFAULTS, ...partial };
  const resolved: Record<string, unknown> = {};
  for (const [key, spec] of REPORT_PARAM_ENTRIES) {
    const expected = spec.check(p[key]);
    if (expected !== null) {
      // A number of the wrong size is out of range; anything else is of the wrong type.
      const E = typeof p[key] === "number" ? RangeError : TypeError;
      throw new E(`Invalid ${where}: ${key} must be ${expected}, got ${JSON.stringify(p[key])}`);
    }
    resolved[key] = spec.resolve(p[key]);
  }
  return resolved as ReportParams;
}

/**
 * The resampling settings of every interval and test of a report: `resamples` bootstrap
 * resamples, as many sign-flip permutations, and the seed. Spread it into the options of
 * `pairedComparisons`, `scalingTable`, `signFlipTest`, ...
 *
 * @example
 * ```ts
 * import { resampling, resolveParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(resampling(resolveParams({ resamples: 2000 })), { resamples: 2000, permutations: 2000, seed: 42 });
 * ```
 */
export function resampling(
  params: Pick<ReportParams, "resamples" | "seed">,
): { resamples: number; permutations: number; seed: number } {
  return { resamples: params.resamples, permutations: params.resamples, seed: params.seed };
}

/**
 * The parameters a notebook works with: the defaults, then its `parameters` cell, then
 * `WORKBENCH_PARAMS` when set (by `deno task report`, or by you). Without `WORKBENCH_PARAMS` and
 * without an `out` in the cell, the output goes to `runs/interactive/<id>/`.
 *
 * @param id The notebook's id (its file stem, e.g. `20_scaling`).
 * @param cell The notebook's parameters cell. Default: none.
 * @example
 * ```ts
 * import { notebookParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * const env = { get: (_: string) => undefined };
 * const p = notebookParams("20_scaling", { resamples: 2000 }, env);
 * assert.ok(p.out.endsWith("runs/interactive/20_scaling"));
 * const report = { get: (_: string) => JSON.stringify({ out: "/tmp/r", resamples: 1000 }) };
 * assert.equal(notebookParams("20_scaling", { resamples: 2000 }, report).resamples, 1000);
 * ```
 */
export function notebookParams(
  id: string,
  cell: Partial<ReportParams> = {},
  env: { get(key: string): string | undefined } = Deno.env,
): ReportParams {
  const raw = env.get(PARAMS_ENV);
  const fromEnv = raw === undefined || raw === "" ? null : parseEnv(raw);
  const base = fromEnv === null && cell.out === undefined
    ? { out: `${INTERACTIVE_OUT}/${id}` }
    : {};
  const params = resolveParams(
    { ...base, ...cell, ...(fromEnv ?? {}) },
    fromEnv ? PARAMS_ENV : "the parameters cell",
  );
  lastOut = params.out;
  return params;
}

/**
 * The parameters of the current report run, read from `WORKBENCH_PARAMS`; the defaults when it
 * is not set.
 */
export function reportParams(
  env: { get(key: string): string | undefined } = Deno.env,
): ReportParams {
  const raw = env.get(PARAMS_ENV);
  if (raw === undefined || raw === "") return resolveParams({});
  return resolveParams(parseEnv(raw), PARAMS_ENV);
}

function parseEnv(raw: string): Partial<ReportParams> {
  try {
    return JSON.parse(raw);
  } catch {
    throw new SyntaxError(`Invalid ${PARAMS_ENV}: not JSON`);
  }
}
