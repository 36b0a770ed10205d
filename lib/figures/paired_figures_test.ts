import assert from "node:assert/strict";
import { forestFigure } from "./forest_figure.ts";
import { domainFigure } from "./domain_figure.ts";
import { languageFigure } from "./language_figure.ts";
import { domainPairedFigure } from "./domain_paired_figure.ts";
import { ragFigure } from "./rag_figure.ts";
import { latencyFigure } from "./latency_figure.ts";
import { latencySummary } from "../analysis/latency_summary.ts";
import { checkFigureSvg } from "./check_figure_svg.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import type { PairedRow } from "../analysis/paired_comparisons.ts";
import type { FamilyRow } from "../analysis/plan_families.ts";

const runs = [{ id: "f4", label: "Qwen3 4B FT" }, { id: "f8", label: "Qwen3 8B FT" }] as never;
const paired = (metric: string, p_adj: number): FamilyRow<PairedRow> => ({
  run_a: "f8",
  run_b: "f4",
  metric,
  n: 500,
  diff: 0.01,
  lo: -0.01,
  hi: 0.03,
  p: 0.01,
  family: "primary",
  p_adj,
  correction: "holm",
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

Deno.test("domainFigure() and languageFigure() mark small cells by their defined values, and label n as such", () => {
  // "other" has 151 questions but only 9 values define the metric (citation accuracy v2 in the
  // study); "азаматтық" has 115 questions, all defined.
  const row = (
    run: string,
    group: string,
    n: number,
    n_defined: number,
    metric: string,
    mean: number,
  ) => ({
    run,
    group,
    n,
    metric,
    mean,
    lo: mean - 0.1,
    hi: mean + 0.1,
    n_defined,
    flag: "",
    note: "",
  });
  const rows = [
    row("f4", "азаматтық", 115, 115, "citation_accuracy", 0.8),
    row("f4", "other", 151, 9, "citation_accuracy", 0.5),
  ];
  const svg = domainFigure(rows, [{ id: "f4", label: "Qwen3 4B FT" }] as never, {
    metrics: ["citation_accuracy"],
  });
  assert.match(svg, /азаматтық \(n=115\)/);
  assert.match(svg, /other \(n=9\)/);
  assert.match(svg, /fewer than 30 defined values/);
  // Exactly one hollow dot: the 9-value cell, however many questions its domain has.
  assert.equal([...svg.matchAll(/<g[^>]*fill="white"[^>]*aria-label="dot"><circle/g)].length, 1);
  assert.deepEqual(checkFigureSvg(svg), []);
  // Kazakh citation accuracy resting on 6 defined values is hollow, labelled n=6.
  const lang = languageFigure(
    [
      row("f4", "kz", 36, 6, "citation_accuracy", 0.5),
      row("f4", "ru", 464, 300, "citation_accuracy", 0.7),
    ],
    [{ id: "f4", label: "Qwen3 4B FT" }] as never,
    { metrics: ["citation_accuracy"] },
  );
  assert.match(lang, /Qwen3 4B FT \(n=6\/300\)/);
  assert.match(lang, /fewer than 30 defined values/);
  assert.equal([...lang.matchAll(/fill="white"[^>]*aria-label="dot"/g)].length, 1);
  assert.deepEqual(checkFigureSvg(lang), []);
});

Deno.test("domainFigure() keeps dodged series of the first and last domain inside the panel", () => {
  const three = [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }];
  const rows = three.flatMap((r, i) =>
    ["tax", "civil", "labour"].map((group) => ({
      run: r.id,
      group,
      n: 50,
      metric: "citation_accuracy",
      mean: 0.3 + 0.1 * i,
      lo: 0.2 + 0.1 * i,
      hi: 0.4 + 0.1 * i,
      n_defined: 50,
      flag: "",
      note: "",
    }))
  );
  const svg = domainFigure(rows, three as never, { metrics: ["citation_accuracy"] });
  assert.deepEqual(checkFigureSvg(svg).map((p) => p.message), []);
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
    fakeRun("f4", [1, 2, 30].map((x) => ({ latency_s: x, metrics: {} })), { label: "Qwen3 4B FT" }),
    fakeRun("gpt", [3, 4].map((x) => ({ latency_s: x, metrics: {} })), {
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
      Array.from({ length: n }, (_, i) => ({ latency_s: 0.5 + (i % 997) / 10, metrics: {} })),
    );
  const small = latencyFigure(
    scoredFromRuns([many("a", 500)]),
    latencySummary(scoredFromRuns([many("a", 500)])),
  );
  const big = scoredFromRuns([many("a", 50_000)]);
  const large = latencyFigure(big, latencySummary(big));
  assert.ok(large.length < 1.5 * small.length, `${large.length} vs ${small.length} bytes`);
});

Deno.test("latencyFigure() labels every tick of its log axis, 0.5 and 5 included", () => {
  const scored = scoredFromRuns([
    fakeRun("a", [0.15, 0.6, 3, 40].map((x) => ({ latency_s: x, metrics: {} })), { label: "A" }),
  ]);
  const svg = latencyFigure(scored, latencySummary(scored));
  const labels = [...svg.match(/aria-label="x-axis tick label"[^>]*>(.*?)<\/g>/)![1].matchAll(
    /<text[^>]*>([^<]+)<\/text>/g,
  )].map((m) => m[1]);
  assert.deepEqual(labels, ["0.2", "0.5", "1", "2", "5", "10", "20"]);
  assert.deepEqual(checkFigureSvg(svg), []);
});

Deno.test("forestFigure() of differences that are all exactly zero: readable ticks, a legend of what is drawn", () => {
  // Every run gave the same answers: each difference and interval is 0, none significant.
  const zero = (metric: string): FamilyRow<PairedRow> => ({
    ...paired(metric, 1),
    diff: 0,
    lo: 0,
    hi: 0,
    p: 1,
  });
  const svg = forestFigure([zero("bertscore_f1"), zero("chrf")], runs, {
    metrics: ["bertscore_f1", "chrf"],
  });
  assert.deepEqual(checkFigureSvg(svg), []);
  assert.doesNotMatch(svg, /0\.0000/); // no tick finer than the report prints
  assert.doesNotMatch(svg, /adjusted p ≤/); // no swatch for a kind of point not drawn
  assert.match(svg, /not significant/);
});

Deno.test("domainFigure() of shares that are all 100%: the axis labels stay inside the chart", () => {
  const rows = ["a", "b"].map((group) => ({
    run: "f4",
    group,
    n: 40,
    n_defined: 40,
    metric: "citation_accuracy_v2",
    mean: 1,
    lo: 1,
    hi: 1,
    flag: "",
    note: "",
  }));
  const svg = domainFigure(rows, [{ id: "f4", label: "Qwen3 4B FT" }] as never, {
    metrics: ["citation_accuracy_v2"],
  });
  assert.deepEqual(checkFigureSvg(svg), []);
});

Deno.test("forestFigure() names the adjustment of its rows: Holm, BH, or each by its family", () => {
  const bh = { ...paired("chrf", 0.01), family: "exploratory" as const, correction: "bh" as const };
  const legend = (rows: FamilyRow<PairedRow>[]) =>
    forestFigure(rows, runs, { metrics: ["bertscore_f1", "chrf"] });
  assert.match(legend([paired("bertscore_f1", 0.01)]), /Holm-adjusted p ≤ 0\.05/);
  assert.match(legend([bh]), /BH-adjusted p ≤ 0\.05/);
  assert.match(
    legend([paired("bertscore_f1", 0.01), bh]),
    /adjusted p ≤ 0\.05 \(Holm: primary; BH: exploratory\)/,
  );
});
