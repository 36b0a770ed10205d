import assert from "node:assert/strict";
import { forestFigure } from "./forest_figure.ts";
import { domainFigure } from "./domain_figure.ts";
import { languageFigure } from "./language_figure.ts";
import { domainPairedFigure } from "./domain_paired_figure.ts";
import { ragFigure } from "./rag_figure.ts";
import { latencyFigure } from "./latency_figure.ts";
import { latencySummary } from "../analysis/latency_summary.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import type { PairedRow } from "../analysis/paired_comparisons.ts";

const runs = [{ id: "f4", label: "Qwen3 4B FT" }, { id: "f8", label: "Qwen3 8B FT" }] as never;
const paired = (metric: string, p_holm: number): PairedRow => ({
  run_a: "f8",
  run_b: "f4",
  metric,
  n: 500,
  diff: 0.01,
  lo: -0.01,
  hi: 0.03,
  p: 0.01,
  p_holm,
  effect: 0.1,
  comparison: "ft_sizes",
  mean_a: 0.5,
  mean_b: 0.49,
  p_method: "monte-carlo",
  sd: 0.1,
  note: "",
});

Deno.test("forestFigure() draws one panel per metric, names the comparison and colours by adjusted p", () => {
  const rows = [paired("bertscore_f1", 0.01), paired("key_info", 0.6)];
  const svg = forestFigure(rows, runs, { metrics: ["bertscore_f1", "key_info"] });
  assert.match(svg, /Qwen3 8B FT − Qwen3 4B FT/);
  assert.match(svg, /Δ BERTScore F1, higher is better/);
  assert.match(svg, /Δ Key info, higher is better/);
  assert.match(svg, /fill="#4269d0"/); // significant
  assert.match(svg, /fill="#9498a0"/); // not significant
  assert.throws(() => forestFigure([], runs), RangeError);
  // By default only the headline metrics present are drawn; without any, the rows' own metrics.
  assert.doesNotMatch(forestFigure(rows, runs), /Key info/);
  assert.match(forestFigure([paired("key_info", 0.6)], runs), /Δ Key info, higher is better/);
});

Deno.test("domainFigure() and languageFigure() draw small cells hollow and dashed, with n in the labels", () => {
  const row = (run: string, group: string, n: number, metric: string, mean: number) => ({
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
  const rows = ["азаматтық", "family"].flatMap((g, i) => [
    row("f4", g, i ? 5 : 115, "citation_accuracy", 0.8),
    row("f4", g, i ? 5 : 115, "hallucination_rate", 0.2),
  ]);
  const svg = domainFigure(rows, [{ id: "f4", label: "Qwen3 4B FT" }] as never);
  assert.match(svg, /азаматтық \(n=115\)/);
  assert.match(svg, /family \(n=5\)/);
  assert.match(svg, /fill="white"/);
  assert.match(svg, /stroke-dasharray="3,2"/);
  const lang = languageFigure(rows, [{ id: "f4", label: "Qwen3 4B FT" }] as never, {
    metrics: ["citation_accuracy"],
  });
  assert.match(lang, /азаматтық, n=115/);
});

Deno.test("domainPairedFigure(), ragFigure() and latencyFigure() render standalone SVG", () => {
  const grouped = [{ ...paired("citation_accuracy", 0.5), group: "tax", flag: "" }, {
    ...paired("hallucination_rate", 0.5),
    group: "tax",
    flag: "",
  }];
  assert.match(domainPairedFigure(grouped, runs), /tax \(n=500\)/);
  const rag = [0, 1, 3].map((k) => ({
    scenario: "Qwen3 4B FT",
    configuration: `k${k}`,
    top_k: k,
    n: 200,
    metric: "key_info",
    mean: 0.7,
    lo: 0.65,
    hi: 0.75,
    n_defined: 200,
  }));
  assert.match(ragFigure(rag, { metrics: ["key_info"] }), /top-3/);
  const scored = scoredFromRuns([
    fakeRun("f4", [1, 2, 30].map((x) => ({ metrics: { latency_s: x } })), { label: "Qwen3 4B FT" }),
    fakeRun("gpt", [3, 4].map((x) => ({ metrics: { latency_s: x } })), {
      label: "GPT-4o",
      variant: "external",
      size_b: null,
    }),
  ]);
  const svg = latencyFigure(scored, latencySummary(scored));
  assert.match(svg, /^<svg xmlns/);
  assert.match(svg, /95th percentile/);
  assert.match(svg, /GPT-4o \(API\)/);
  assert.match(svg, /not comparable with local GPU generation/);
});

Deno.test("latencyFigure() stays small however many answers it draws (binned, not one mark per answer)", () => {
  const many = (id: string, n: number) =>
    fakeRun(
      id,
      Array.from({ length: n }, (_, i) => ({ metrics: { latency_s: 0.5 + (i % 997) / 10 } })),
    );
  const small = latencyFigure(
    scoredFromRuns([many("a", 500)]),
    latencySummary(scoredFromRuns([many("a", 500)])),
  );
  const big = scoredFromRuns([many("a", 50_000)]);
  const large = latencyFigure(big, latencySummary(big));
  assert.ok(large.length < 1.5 * small.length, `${large.length} vs ${small.length} bytes`);
});
