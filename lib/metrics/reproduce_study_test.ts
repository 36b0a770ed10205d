/**
 * Reproduces every stored legacy metric of the study's eight result files, and checks the facts
 * that docs/metrics.md states about them. The files are read from ../shared/datasets/kz-legal-qa/results
 * (relative to the repository root); if that folder is missing the tests fail, never skip.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadResults } from "../results/load_results.ts";
import type { RunResult } from "../results/run_result.ts";
import { checkLegacy } from "./check_legacy.ts";
import { legacyCitations } from "./legacy_citations.ts";
import { tokenize } from "./tokenize.ts";
import { citationIds } from "./citations.ts";

const SHARED = fileURLToPath(
  new URL("../../../shared/datasets/kz-legal-qa/results", import.meta.url),
);

let cached: RunResult[] | null = null;
async function sharedRuns(): Promise<RunResult[]> {
  if (cached) return cached;
  try {
    await Deno.stat(SHARED);
  } catch {
    assert.fail(
      `The study's result files are missing: expected them in "${SHARED}" (../shared/datasets/kz-legal-qa/results from the repository root)`,
    );
  }
  cached = (await loadResults(SHARED)).runs;
  return cached;
}

Deno.test("the legacy suite reproduces all 31,000 stored legacy values of the 8 x 500 samples to 1e-9", async () => {
  const runs = await sharedRuns();
  assert.equal(runs.length, 8);
  let samples = 0;
  let values = 0;
  const mismatches = [];
  for (const run of runs) {
    const c = checkLegacy(run, { tolerance: 1e-9 });
    samples += c.samples;
    values += c.values;
    mismatches.push(...c.mismatches);
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
  assert.equal(samples, 4000);
  // 6 Qwen files x 500 x 8 metrics + 2 GPT files x 500 x 7 (no bleu)
  assert.equal(values, 6 * 500 * 8 + 2 * 500 * 7);
});

Deno.test("108 of the 115 Kazakh references have no citation the study's extractor can see", async () => {
  const [run] = await sharedRuns();
  const kz = run.samples!.filter((s) => s.language === "kz");
  assert.equal(kz.length, 115);
  assert.equal(kz.filter((s) => legacyCitations(s.reference).size === 0).length, 108);
  // the v2 extractor reads Kazakh forms but finds citations in only 6 Kazakh references
  assert.equal(kz.filter((s) => citationIds(s.reference).size > 0).length, 6);
  assert.equal(run.samples!.filter((s) => citationIds(s.reference).size > 0).length, 133);
  // so 108-110 Kazakh samples per run got the default 1.0
  for (const r of await sharedRuns()) {
    const ones = r.samples!.filter((s) =>
      s.language === "kz" && s.metrics.citation_accuracy === 1
    ).length;
    assert.ok(ones >= 108 && ones <= 110, `${r.run.id}: ${ones}`);
  }
});

Deno.test("the study's ROUGE tokenizer keeps about 4% of the reference words, mostly digits", async () => {
  const [run] = await sharedRuns();
  let ascii = 0;
  let asciiWithLetter = 0;
  let unicode = 0;
  let empty = 0;
  for (const s of run.samples!) {
    const a = tokenize(s.reference, { tokenizer: "rouge-ascii" });
    ascii += a.length;
    asciiWithLetter += a.filter((t) => /[a-z]/.test(t)).length;
    unicode += tokenize(s.reference, { tokenizer: "unicode" }).length;
    if (a.length === 0) empty++;
  }
  assert.deepEqual({ ascii, asciiWithLetter, unicode, empty }, {
    ascii: 1109,
    asciiWithLetter: 96,
    unicode: 26386,
    empty: 323,
  });
});
