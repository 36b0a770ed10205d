import assert from "node:assert/strict";
import { describePaired } from "./describe_paired.ts";
import type { PairedRow } from "./paired_comparisons.ts";
import type { FamilyRow } from "./plan_families.ts";

const runs = [{ id: "f4", label: "Qwen3 4B FT" }, { id: "f8", label: "Qwen3 8B FT" }] as never;
const row = (
  metric: string,
  diff: number,
  lo: number,
  hi: number,
  p: number,
  p_adj: number,
  correction: "holm" | "bh" = "holm",
): FamilyRow<PairedRow> => ({
  run_a: "f8",
  run_b: "f4",
  metric,
  n: 500,
  diff,
  lo,
  hi,
  p,
  family: correction === "holm" ? "primary" : "exploratory",
  p_adj,
  correction,
  effect: 0.1,
  comparison: "ft_sizes",
  mean_a: 0.5,
  mean_b: 0.5,
  p_method: "monte-carlo",
  sd: 0.1,
  note: "",
});

Deno.test("describePaired() separates adjusted findings from unadjusted ones and bounds the null results", () => {
  const rows = [
    row("bertscore_f1", 0.005, 0.003, 0.008, 0.0001, 0.01),
    row("citation_accuracy", 0.017, 0.004, 0.031, 0.009, 0.5),
    row("key_info", 0.002, -0.014, 0.019, 0.8, 1),
    row("latency_s", 1.25, 0.89, 1.63, 0.0001, 0.01),
  ];
  const wide = [
    {
      run: "f4",
      bertscore_f1: [0.89, 0.9],
      citation_accuracy: [0.76, 0.83],
      key_info: [0.7, 0.75],
      latency_s: [3, 3.6],
    },
    {
      run: "f8",
      bertscore_f1: [0.895, 0.905],
      citation_accuracy: [0.75, 0.82],
      key_info: [0.7, 0.76],
      latency_s: [4.2, 5],
    },
  ];
  const marginals = wide.flatMap(({ run, ...ms }) =>
    Object.entries(ms).map(([metric, [lo, hi]]) => ({ run, metric, lo, hi }))
  ) as never;
  const text = describePaired(rows, runs, { marginals, permutations: 9999 });
  assert.match(
    text,
    /Of these 4 paired tests, 2 are significant after Holm adjustment within the primary family at α = 0\.05/,
  );
  assert.match(
    text,
    /1 more has an unadjusted p ≤ 0.05 but does not survive the correction: Citation accuracy \(Qwen3 8B FT − Qwen3 4B FT, \+0\.0170\)/,
  );
  assert.match(text, /lies within ±0\.0310 \(widest: Citation accuracy/);
  assert.match(text, /overlap in 3 of 4 comparisons/);
  assert.match(
    text,
    /1 of 2 differences that are significant after adjustment have overlapping marginal intervals \(BERTScore F1/,
  );
  assert.match(text, /Latency \(s\) \+1\.25 s \[\+0\.89 s, \+1\.63 s\]/);
  assert.match(text, /\(paired, on the 500 questions where both runs define the metric\)\.\n/);
  assert.doesNotMatch(text, /both runs answered the same questions/);
  const mixed = describePaired([{ ...rows[0], n: 66 }, rows[1]], runs);
  assert.match(mixed, /BERTScore F1 \+0\.0050 \[\+0\.0030, \+0\.0080\] \(n = 66\), p/);
  assert.match(mixed, /Citation accuracy \+0\.0170 \[\+0\.0040, \+0\.0310\] \(n = 500\), p/);
  assert.match(mixed, /\(paired, on the n questions where both runs define each metric\)\./);
  assert.match(text, /\(p-values: 4 Monte Carlo; none is limited by the number of sign flips\.\)/);
});

Deno.test("describePaired() says so when there is nothing to describe", () => {
  assert.match(describePaired([], runs), /No paired comparison/);
});

Deno.test("describePaired() says intervals of zero width as such, never '±0.0000' or '0% as wide'", () => {
  // Two runs that score the same on every question: each paired interval is [0, 0].
  const rows = [row("bertscore_f1", 0, 0, 0, 1, 1), row("key_info", 0, 0, 0, 1, 1)];
  const marginals = ["f4", "f8"].flatMap((run) =>
    ["bertscore_f1", "key_info"].map((metric) => ({ run, metric, lo: 0.7, hi: 0.75 }))
  ) as never;
  const text = describePaired(rows, runs, { marginals });
  assert.doesNotMatch(text, /±0\.0000|\b0% as wide/);
  assert.match(text, /every such interval \(latency aside\) is exactly \[0, 0\]/);
  assert.match(text, /the paired interval is of zero width/);
  // A tiny positive ratio is not rounded to 0%.
  const tiny = describePaired(
    [row("bertscore_f1", 0, -0.00001, 0.00001, 1, 1)],
    runs,
    { marginals },
  );
  assert.match(tiny, /less than 1% as wide as/);
  assert.match(tiny, /lies within ±0\.000010 /);
});

Deno.test("describePaired() agrees in number with a single test", () => {
  const text = describePaired([row("bertscore_f1", 0.005, 0.003, 0.008, 0.0001, 0.01)], runs);
  assert.match(text, /\nOf this one paired test, 1 is significant/);
  assert.match(text, /after Holm adjustment within the primary family at/);
  assert.doesNotMatch(text, /these 1 paired tests/);
});

Deno.test("describePaired() names the adjustment by the rows' families: Holm, BH, or each by its family", () => {
  const holm = row("bertscore_f1", 0.005, 0.003, 0.008, 0.0001, 0.01);
  const bh = row("chrf", 0.5, 0.1, 0.9, 0.001, 0.004, "bh");
  const text = (rows: FamilyRow<PairedRow>[]) => describePaired(rows, runs);
  assert.match(text([holm]), /BERTScore F1 .*, Holm p = 0\.010 \(differs\)/);
  assert.match(text([bh]), /chrF .*, BH p = 0\.004 \(differs\)/);
  assert.match(text([bh]), /significant after Benjamini–Hochberg adjustment within their family/);
  const mixed = text([holm, bh]);
  assert.match(mixed, /, adjusted p = 0\.010 /);
  assert.match(
    mixed,
    /after adjustment within their families \(Holm for the primary family, BH for exploratory tests\)/,
  );
});
