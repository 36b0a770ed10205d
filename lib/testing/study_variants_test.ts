import assert from "node:assert/strict";
import { join } from "node:path";
import { loadResults } from "../results/load_results.ts";
import { loadScored } from "../scored/load_scored.ts";
import { defaultFamily } from "../analysis/default_family.ts";
import { pairedComparisons } from "../analysis/paired_comparisons.ts";
import { legacyCitations } from "../metrics/legacy_citations.ts";
import { studyVariants, writeStudyVariant } from "./study_variants.ts";

const variants = studyVariants();

Deno.test("studyVariants() has every case the issue asks for, each with a truth", () => {
  assert.deepEqual(variants.map((v) => v.name), [
    "study_like",
    "no_effect",
    "ft_hurts",
    "one_size",
    "no_base",
    "no_external",
    "kazakh_only",
    "no_domain",
    "small_cells",
    "ties_zeros",
    "different_questions",
    "disjoint_questions",
    "invalid_sample",
  ]);
  const by = Object.fromEntries(variants.map((v) => [v.name, v.truth]));
  const ftEffect = (name: string) =>
    by[name].comparisons.filter((c) =>
      c.comparison === "ft_vs_base" && c.metric === "bertscore_f1"
    );
  assert.ok(ftEffect("study_like").every((c) => c.direction === 1 && c.significant));
  assert.ok(ftEffect("no_effect").every((c) => c.direction === 0 && !c.significant));
  assert.ok(ftEffect("ft_hurts").every((c) => c.direction === -1 && c.significant));
  assert.deepEqual(by.one_size.sizes, [1]);
  assert.ok(!Object.values(by.no_base.variants).includes("base"));
  assert.ok(!Object.values(by.no_external.variants).includes("external"));
  assert.equal(by.kazakh_only.kazakh, by.kazakh_only.questions);
  assert.equal(by.no_domain.domainField, false);
  assert.ok(by.small_cells.kazakh > 0 && by.small_cells.kazakh < 10);
  assert.ok(by.ties_zeros.comparisons.every((c) => c.direction === 0 && !c.significant));
  assert.equal(by.different_questions.sameQuestions, false);
  assert.ok(by.disjoint_questions.comparisons.some((c) => c.n === 0));
});

Deno.test("studyVariants() is deterministic: the same seed gives the same files, another seed other noise", () => {
  assert.deepEqual(studyVariants(), variants);
  assert.notDeepEqual(studyVariants({ seed: 8 })[0].files, variants[0].files);
});

Deno.test("every variant's files load as valid result files, with neutral names only", async () => {
  for (const v of variants) {
    const dir = await Deno.makeTempDir();
    await writeStudyVariant(v, dir);
    if (!v.expect.ok) {
      await assert.rejects(loadResults(dir), v.expect.error);
      continue;
    }
    const { runs } = await loadResults(dir);
    assert.equal(runs.length, v.truth.runs, v.name);
    for (const r of runs) {
      assert.doesNotMatch(JSON.stringify(r.run), /qwen|gpt/i);
      assert.equal(r.run.label, v.truth.labelsById[r.run.id]);
      for (const s of r.samples!) {
        // A file without the field gets the domain derived from the question, marked as such.
        assert.equal(
          s.domain_source,
          v.truth.domainField ? "file" : "derived",
          `${v.name} ${r.run.id} domain`,
        );
      }
    }
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the declared truth holds in the data: directions, exact zeros, significance and pair counts", async () => {
  for (const name of ["study_like", "no_effect", "ties_zeros", "different_questions"]) {
    const v = variants.find((x) => x.name === name)!;
    const dir = await Deno.makeTempDir();
    await writeStudyVariant(v, join(dir, "results"));
    const scored = await loadScored(join(dir, "results"), { cache: false });
    const metrics = [...new Set(v.truth.comparisons.map((c) => c.metric))];
    const rows = pairedComparisons(scored, defaultFamily(scored.runs), {
      resamples: 200,
      permutations: 200,
      seed: 1,
      metrics,
    }).rows;
    assert.equal(rows.length, v.truth.comparisons.length, name);
    for (const r of rows) {
      const t = v.truth.comparisons.find((c) =>
        c.run_a === r.run_a && c.run_b === r.run_b && c.metric === r.metric
      )!;
      const what = `${name}: ${r.run_a} − ${r.run_b} ${r.metric}`;
      assert.ok(t, what);
      assert.equal(Math.sign(r.diff!), t.direction, `${what}: diff ${r.diff}`);
      if (t.direction === 0) assert.equal(r.diff, 0, `${what}: exactly zero`);
      // Huge effects: every paired difference has the true sign, so p is as small as it gets.
      if (t.significant) assert.ok(r.p! < 0.01, `${what}: p ${r.p}`);
      else assert.ok(r.p! > 0.5, `${what}: p ${r.p}`);
      if (r.metric === "bertscore_f1") assert.equal(r.n, t.n, `${what}: n`);
    }
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the counts of the truth match the files: Kazakh questions, uncited Kazakh references", () => {
  for (const v of variants) {
    const samples = Object.values(v.files).flatMap((f) =>
      (f as { samples: { id: string; language: string; reference: string }[] }).samples
    );
    const byId = new Map(samples.map((s) => [s.id, s]));
    assert.equal(byId.size, v.truth.questions, v.name);
    const kz = [...byId.values()].filter((s) => s.language === "kz");
    assert.equal(kz.length, v.truth.kazakh, v.name);
    const refs = new Set(kz.map((s) => s.reference));
    assert.equal(refs.size, v.truth.kazakhReferences, v.name);
    const uncited = [...refs].filter((r) => legacyCitations(r).size === 0).length;
    assert.equal(uncited, v.truth.kazakhReferencesWithoutCitation, v.name);
  }
});
