import assert from "node:assert/strict";
import { forestFigure } from "./forest_figure.ts";
import { domainFigure } from "./domain_figure.ts";
import { languageFigure } from "./language_figure.ts";
import { domainPairedFigure } from "./domain_paired_figure.ts";
import { ragFigure } from "./rag_figure.ts";
import { latencyFigure } from "./latency_figure.ts";
import { latencySummary } from "../analysis/latency_summary.ts";
import { fakeRun } from "../testing/fake_run.ts";
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
});

Deno.test("forestFigure() draws one panel per metric, names the comparison and colours by adjusted p", () => {
  const svg = forestFigure([paired("bertscore_f1", 0.01), paired("key_info", 0.6)], runs);
  assert.match(svg, /Qwen3 8B FT − Qwen3 4B FT/);
  assert.match(svg, /Δ BERTScore F1, higher is better/);
  assert.match(svg, /Δ Key info, higher is better/);
  assert.match(svg, /fill="#4269d0"/); // significant
  assert.match(svg, /fill="#9498a0"/); // not significant
  assert.throws(() => forestFigure([], runs), RangeError);
});

Deno.test("domainFigure() and languageFigure() draw small cells hollow and dashed, with n in the labels", () => {
  const row = (run: string, domain: string, n: number) => ({
    run,
    domain,
    language: domain,
    n,
    citation_accuracy_mean: 0.8,
    citation_accuracy_lo: 0.7,
    citation_accuracy_hi: 0.9,
    hallucination_rate_mean: 0.2,
    hallucination_rate_lo: 0.1,
    hallucination_rate_hi: 0.3,
    flag: n < 30 ? "n<30" : "",
  });
  const rows = [row("f4", "азаматтық", 115), row("f4", "family", 5)];
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
  const grouped = [{ ...paired("citation_accuracy", 0.5), domain: "tax", flag: "" }, {
    ...paired("hallucination_rate", 0.5),
    domain: "tax",
    flag: "",
  }];
  assert.match(domainPairedFigure(grouped as never, runs), /tax \(n=500\)/);
  const rag = [0, 1, 3].map((k) => ({
    scenario: "Qwen3 4B FT",
    configuration: `k${k}`,
    top_k: k,
    n: 200,
    key_info_mean: 0.7,
    key_info_lo: 0.65,
    key_info_hi: 0.75,
  }));
  assert.match(ragFigure(rag, { metrics: ["key_info"] }), /top-3/);
  const run = fakeRun("f4", [1, 2, 30].map((x) => ({ metrics: { latency_s: x } })), {
    label: "Qwen3 4B FT",
  });
  const svg = latencyFigure([run], latencySummary([run]));
  assert.match(svg, /^<svg xmlns/);
  assert.match(svg, /95th percentile/);
});
