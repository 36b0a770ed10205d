/**
 * Snapshot tests: each figure function drawn from a small fixed input and compared with a
 * committed SVG in `lib/figures/__snapshots__/`. A mismatch writes `<name>-changed.svg` beside
 * the snapshot and fails naming both; after an intended change, regenerate them all with
 * `deno task snapshots` (that is, `UPDATE_SNAPSHOTS=1 deno test -A lib/figures/figure_snapshot_test.ts`),
 * look at the diff, and commit. The inputs are written out here (not computed by the analysis
 * functions), so a snapshot changes only when its figure does; the dataset figures draw the
 * committed sample in `data/sample/`.
 */
import { fromRoot } from "../io/paths.ts";
import { assertSnapshot } from "../testing/assert_snapshot.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import { latencySummary } from "../analysis/latency_summary.ts";
import type { PairedRow } from "../analysis/paired_comparisons.ts";
import type { FamilyRow } from "../analysis/plan_families.ts";
import type { ScalingRow } from "../analysis/scaling_table.ts";
import type { BehaviourRow } from "../behaviour/behaviour_summary.ts";
import { loadDataset } from "../dataset/load_dataset.ts";
import { languageTable } from "../dataset/language_table.ts";
import { domainTable } from "../dataset/domain_table.ts";
import { lengthHistogram } from "../dataset/length_histogram.ts";
import { duplicateTables } from "../dataset/duplicate_tables.ts";
import { answerBehaviourFigure } from "./answer_behaviour_figure.ts";
import { datasetDomainFigure } from "./dataset_domain_figure.ts";
import { datasetDuplicateFigure } from "./dataset_duplicate_figure.ts";
import { datasetLanguageFigure } from "./dataset_language_figure.ts";
import { datasetLengthFigure } from "./dataset_length_figure.ts";
import { domainFigure } from "./domain_figure.ts";
import { domainPairedFigure } from "./domain_paired_figure.ts";
import { forestFigure } from "./forest_figure.ts";
import { humanEvalFigure } from "./human_eval_figure.ts";
import { languageFigure } from "./language_figure.ts";
import { latencyFigure } from "./latency_figure.ts";
import { latencyQualityFigure } from "./latency_quality_figure.ts";
import { ragFigure } from "./rag_figure.ts";
import { scalingFigure } from "./scaling_figure.ts";

const snapshot = (name: string) => fromRoot(`lib/figures/__snapshots__/${name}.svg`);

const runs = [{ id: "f4", label: "Qwen3 4B FT" }, { id: "f8", label: "Qwen3 8B FT" }] as never;
const paired = (metric: string, diff: number, p_adj: number): FamilyRow<PairedRow> => ({
  run_a: "f8",
  run_b: "f4",
  metric,
  n: 500,
  diff,
  lo: diff - 0.02,
  hi: diff + 0.02,
  p: p_adj / 2,
  family: "primary",
  p_adj,
  correction: "holm",
  effect: diff * 5,
  comparison: "ft_sizes",
  mean_a: 0.5 + diff,
  mean_b: 0.5,
  p_method: "monte-carlo",
  sd: 0.1,
  note: "",
});
const breakdown = (run: string, group: string, n: number, metric: string, mean: number) => ({
  run,
  group,
  n,
  metric,
  mean,
  lo: mean - 0.1,
  hi: mean + 0.1,
  n_defined: n,
  flag: n < 30 ? "n<30" : "",
  note: "",
});
const breakdownRows = ["f4", "f8"].flatMap((run, r) =>
  ["азаматтық", "family", "tax"].flatMap((g, i) =>
    ["citation_accuracy", "hallucination_rate", "key_info"].map((m, k) =>
      breakdown(run, g, [115, 5, 60][i], m, 0.3 + 0.1 * k + 0.05 * r + 0.02 * i)
    )
  )
);
const scaling = (
  run: string,
  variant: ScalingRow["variant"],
  size_b: number | null,
  metric: string,
  mean: number,
): ScalingRow => ({
  run,
  label: `${run} label`,
  family: "qwen3",
  size_b,
  variant,
  source: "samples",
  n: 200,
  metric,
  mean,
  lo: mean * 0.9,
  hi: mean * 1.1,
  n_defined: 200,
});
const scalingRows: ScalingRow[] = [
  ["b4", "base", 4, 0.60, 2.0],
  ["f4", "fine-tuned", 4, 0.70, 2.5],
  ["b8", "base", 8, 0.65, 3.5],
  ["f8", "fine-tuned", 8, 0.75, 4.0],
  ["gpt", "external", null, 0.72, 1.2],
].flatMap(([run, variant, size, q, lat]) => [
  scaling(run as string, variant as never, size as number | null, "bertscore_f1", q as number),
  scaling(run as string, variant as never, size as number | null, "chrf", (q as number) / 2),
  scaling(run as string, variant as never, size as number | null, "latency_s", lat as number),
]);
const behaviour = (run: string, n: number, k: number): BehaviourRow => {
  const share = (x: number) => x / n;
  const counts = { wrong: k, trace: 2 * k, trunc: k + 1, empty: 1, refusal: k, subst: n - 5 * k };
  return {
    run,
    n,
    wrong_language: counts.wrong,
    wrong_language_share: share(counts.wrong),
    reasoning_trace: counts.trace,
    reasoning_trace_share: share(counts.trace),
    truncated: counts.trunc,
    truncated_share: share(counts.trunc),
    empty: counts.empty,
    empty_share: share(counts.empty),
    refusal: counts.refusal,
    refusal_share: share(counts.refusal),
    substantive: counts.subst,
    substantive_share: share(counts.subst),
    truncated_estimated: 0,
    keyword_coverage_mean: 0.4,
    keyword_coverage_n: n,
  };
};
const humanEval = (label: string, m: number) => ({
  label,
  n: 50,
  correctness_mean: m,
  correctness_lo: m - 0.3,
  correctness_hi: m + 0.3,
  completeness_mean: m - 0.2,
  completeness_lo: m - 0.5,
  completeness_hi: m + 0.1,
  relevance_mean: m + 0.2,
  relevance_lo: m - 0.1,
  relevance_hi: m + 0.5,
  hallucination_rate_mean: 0.1,
  hallucination_rate_lo: 0.05,
  hallucination_rate_hi: 0.2,
});
const latencyScored = scoredFromRuns([
  fakeRun("f4", [1, 2, 3, 5, 30].map((x) => ({ latency_s: x, metrics: {} })), {
    label: "Qwen3 4B FT",
  }),
  fakeRun("gpt", [3, 4, 6].map((x) => ({ latency_s: x, metrics: {} })), {
    label: "GPT-4o",
    variant: "external",
    size_b: null,
  }),
]);
const { frame: sample } = await loadDataset([fromRoot("data/sample")]);
const duplicates = duplicateTables(sample);

/** Figure name (the snapshot's file name) → the figure drawn from its fixed input. */
const FIGURES: Record<string, () => string> = {
  answer_behaviour: () =>
    answerBehaviourFigure([behaviour("f4", 200, 10), behaviour("f8", 200, 4)], {
      labels: { f4: "Qwen3 4B FT", f8: "Qwen3 8B FT" },
    }),
  dataset_domain: () => datasetDomainFigure(domainTable(sample)),
  dataset_duplicate: () =>
    datasetDuplicateFigure(duplicates.duplicates, duplicates.leakage, { threshold: 0.7 }),
  dataset_language: () => datasetLanguageFigure(languageTable(sample)),
  dataset_length: () => datasetLengthFigure(lengthHistogram(sample)),
  domain: () => domainFigure(breakdownRows, runs),
  domain_paired: () =>
    domainPairedFigure(
      ["tax", "family"].flatMap((group, i) =>
        ["citation_accuracy", "hallucination_rate"].map((m) => ({
          ...paired(m, 0.03 - 0.04 * i, 0.02 + 0.5 * i),
          group,
          flag: "",
        }))
      ),
      runs,
    ),
  forest: () =>
    forestFigure(
      [paired("bertscore_f1", 0.03, 0.01), paired("key_info", -0.01, 0.6)],
      runs,
      { metrics: ["bertscore_f1", "key_info"] },
    ),
  human_eval: () => humanEvalFigure([humanEval("A", 3.1), humanEval("B", 2.7)]),
  language: () => languageFigure(breakdownRows, runs, { metrics: ["citation_accuracy"] }),
  latency: () => latencyFigure(latencyScored, latencySummary(latencyScored)),
  latency_quality: () => latencyQualityFigure(scalingRows, { metric: "bertscore_f1" }),
  rag: () =>
    ragFigure(
      [0, 1, 3, 5].flatMap((k) =>
        ["key_info", "bertscore_f1"].map((metric, j) => ({
          scenario: "Qwen3 4B FT",
          configuration: `k${k}`,
          top_k: k,
          n: 200,
          metric,
          mean: 0.6 + 0.02 * k - 0.1 * j,
          lo: 0.55 + 0.02 * k - 0.1 * j,
          hi: 0.65 + 0.02 * k - 0.1 * j,
          n_defined: 200,
        }))
      ),
      { metrics: ["key_info", "bertscore_f1"] },
    ),
  scaling: () => scalingFigure(scalingRows, { metrics: ["bertscore_f1", "chrf"] }),
};

Deno.test("every figure function matches its committed SVG snapshot", async (t) => {
  for (const [name, draw] of Object.entries(FIGURES)) {
    await t.step(name, () => assertSnapshot(draw(), snapshot(name)));
  }
});

Deno.test("every figure function in lib/figures/ has a snapshot test", async () => {
  const missing: string[] = [];
  for await (const e of Deno.readDir(fromRoot("lib/figures"))) {
    const m = /^(?!_)(\w+)_figure\.ts$/.exec(e.name);
    if (m && m[1] !== "standalone" && m[1] !== "saved" && !(m[1] in FIGURES)) missing.push(e.name);
  }
  if (missing.length) throw new Error(`No snapshot test for ${missing.sort().join(", ")}`);
});
