import assert from "node:assert/strict";
import { scoreSample, suiteMetricNames } from "./score_sample.ts";
import { rescoreRun } from "./rescore_run.ts";
import { checkLegacy } from "./check_legacy.ts";
import type { RunResult, Sample } from "../results/run_result.ts";

function sample(
  id: string,
  prediction: string,
  reference: string,
  metrics: Record<string, number | null> = {},
): Sample {
  return {
    id,
    instruction: "q",
    input: "",
    reference,
    prediction,
    language: null,
    language_source: "file",
    domain: null,
    domain_source: "file",
    latency_s: null,
    new_tokens: null,
    hit_max_new_tokens: null,
    retrieval: null,
    metrics,
  };
}

function run(samples: Sample[] | null): RunResult {
  return {
    run: {
      id: "r",
      model: "m",
      family: "f",
      size_b: null,
      variant: "base",
      label: "r",
      adapter: null,
      rag: null,
    },
    source: { path: "r.json", sha256: "0".repeat(64), format: "legacy" },
    samples,
    summary: { rouge1: { mean: 0.5, lo: 0.4, hi: 0.6, n: 2 } },
    metricSignatures: {},
    meta: {
      created_at: null,
      source_note: null,
      gpu_name: null,
      peak_gpu_memory_gb: null,
      total_s: null,
    },
  };
}

Deno.test("scoreSample() returns exactly the names of the chosen suite", () => {
  const p = {
    prediction: "Статья 12 ТК: срок 3 года",
    reference: "Еңбек кодексінің 12-бабы: мерзім 3 жыл",
  };
  assert.deepEqual(Object.keys(scoreSample(p, { suite: "legacy" })), suiteMetricNames("legacy"));
  assert.deepEqual(Object.keys(scoreSample(p, { suite: "v2" })), suiteMetricNames("v2"));
  assert.deepEqual(Object.keys(scoreSample(p)), suiteMetricNames("all"));
  assert.deepEqual(suiteMetricNames("all"), [
    ...suiteMetricNames("legacy"),
    ...suiteMetricNames("v2"),
  ]);
  // Stored-only and corpus-level metrics are never computed per sample.
  for (const name of ["bertscore_f1", "latency_s", "chrf_corpus"]) {
    assert.ok(!suiteMetricNames("all").includes(name), name);
  }
  assert.ok(suiteMetricNames("legacy").includes("bleu"));
  assert.ok(suiteMetricNames("v2").includes("exact_match"));
  assert.throws(() => scoreSample(p, { suite: "v3" as never }), RangeError);
  assert.throws(() => scoreSample({ prediction: null as never, reference: "" }), TypeError);
});

Deno.test("scoreSample() on a Russian answer to a Kazakh reference: legacy defaults versus v2", () => {
  const s = scoreSample({
    prediction: "Статья 12 ТК: срок 3 года",
    reference: "Еңбек кодексінің 12-бабы: мерзім 3 жыл",
  });
  // legacy: the reference's only citation key is "ref_12-" -> 0/1; the prediction has ст.12 -> all unsupported
  assert.equal(s.citation_accuracy, 0);
  assert.equal(s.hallucination_rate, 1);
  // v2: art:ТК:12 on both sides
  assert.equal(s.citation_accuracy_v2, 1);
  assert.equal(s.hallucination_rate_v2, 0);
  // legacy rouge: ascii tokens [12, 3] vs [12, 3] -> 1; v2 counts the Cyrillic words too
  assert.equal(s.rouge1, 1);
  assert.ok(s.rouge1_v2! < 1 && s.rouge1_v2! > 0);
  // key_info_v2: numbers {12, 3} both present -> 1; ref concepts code (кодексінің), article (бабы),
  // term (мерзім); pred has article (статья) and term (срок) but writes the code as "ТК" -> 2/3
  assert.equal(s.key_info_v2, (1 + 2 / 3) / 2);
  assert.equal(s.exact_match, 0);
});

Deno.test("scoreSample() gives exact_match 1 for a short answer equal up to case and punctuation", () => {
  const ru = scoreSample({ prediction: "Три года.", reference: "три года" }, { suite: "v2" });
  assert.equal(ru.exact_match, 1);
  const kz = scoreSample({ prediction: "31 наурызға дейін", reference: "31 НАУРЫЗҒА ДЕЙІН." }, {
    suite: "v2",
  });
  assert.equal(kz.exact_match, 1);
  assert.equal(scoreSample({ prediction: "иә", reference: "" }, { suite: "v2" }).exact_match, null);
  assert.equal(
    "exact_match" in scoreSample({ prediction: "a", reference: "a" }, { suite: "legacy" }),
    false,
  );
});

Deno.test("rescoreRun() adds metrics, signatures and summary means, keeping stored-only metrics", () => {
  const r = run([
    sample("0", "статья 5", "статья 5", { bertscore_f1: 0.9 }),
    sample("1", "нет", "Жауап", { bertscore_f1: 0.8 }),
  ]);
  const out = rescoreRun(r, { suite: "v2" });
  assert.equal(out.samples![0].metrics.bertscore_f1, 0.9);
  assert.equal(out.samples![0].metrics.citation_accuracy_v2, 1);
  assert.equal(out.samples![1].metrics.citation_accuracy_v2, null);
  // mean over the non-null values only
  assert.deepEqual(out.summary.citation_accuracy_v2, { mean: 1, lo: null, hi: null, n: 1 });
  assert.deepEqual(out.summary.rouge1, { mean: 0.5, lo: 0.4, hi: 0.6, n: 2 }); // not recomputed: kept
  assert.match(out.metricSignatures.key_info_v2, /^key_info_v2\|suite:v2\|/);
  assert.equal(r.samples![0].metrics.citation_accuracy_v2, undefined); // input untouched
  assert.throws(() => rescoreRun(run(null)), TypeError);
});

Deno.test("checkLegacy() counts stored legacy values and reports those that differ", () => {
  const good = scoreSample({ prediction: "статья 5 срок", reference: "статья 5" }, {
    suite: "legacy",
  });
  const r = run([
    sample("0", "статья 5 срок", "статья 5", good),
    sample("1", "статья 5 срок", "статья 5", {
      ...good,
      key_info: good.key_info! + 1e-6,
      bertscore_f1: 0.3,
    }),
    sample("2", "a", "b", {}),
  ]);
  const c = checkLegacy(r);
  assert.equal(c.samples, 3);
  assert.equal(c.values, 16);
  assert.deepEqual(c.mismatches, [{
    file: "r.json",
    sampleId: "1",
    metric: "key_info",
    stored: good.key_info! + 1e-6,
    recomputed: good.key_info,
  }]);
  assert.equal(checkLegacy(r, { tolerance: 1e-5 }).mismatches.length, 0);
});
