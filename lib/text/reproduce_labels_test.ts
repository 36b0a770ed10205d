import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadResults } from "../results/load_results.ts";
import { legacyClassificationText, legacyLanguage } from "./language.ts";
import { primaryDomain } from "./domain.ts";

const SHARED = fileURLToPath(
  new URL("../../../shared/datasets/kz-legal-qa/results", import.meta.url),
);

async function sharedRuns() {
  try {
    await Deno.stat(SHARED);
  } catch {
    assert.fail(
      `The study's result files are missing: expected them in "${SHARED}" (../shared/datasets/kz-legal-qa/results from the repository root)`,
    );
  }
  return (await loadResults(SHARED)).runs;
}

Deno.test("legacyLanguage() and primaryDomain() reproduce the stored labels of all 4000 samples", async () => {
  const runs = await sharedRuns();
  assert.equal(runs.length, 8);
  // The GPT files do not store `input`; the questions are the same in every file (same ids, same
  // instruction and reference), so the input is taken from a file that has it.
  const inputs = new Map<string, string>();
  const questions = new Map<string, string>();
  for (const r of runs) {
    for (const s of r.samples!) {
      if (s.input) inputs.set(s.id, s.input);
      const key = `${s.instruction}\u0000${s.reference}`;
      assert.equal(questions.get(s.id) ?? key, key, `sample ${s.id} differs between files`);
      questions.set(s.id, key);
    }
  }
  let n = 0;
  const counts = { kz: 0, ru: 0 };
  for (const r of runs) {
    for (const s of r.samples!) {
      const text = legacyClassificationText({ ...s, input: s.input || inputs.get(s.id) || "" });
      assert.equal(legacyLanguage(text), s.language, `${r.run.id} sample ${s.id}: language`);
      assert.equal(primaryDomain(text), s.domain, `${r.run.id} sample ${s.id}: domain`);
      counts[s.language as "kz" | "ru"]++;
      n++;
    }
  }
  assert.equal(n, 4000);
  assert.deepEqual(counts, { kz: 8 * 115, ru: 8 * 385 });
});
