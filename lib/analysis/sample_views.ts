/**
 * The questions behind the numbers: views of the scored-samples frame that show answers rather
 * than means. Every answer of every run to one question; the best and worst answers by a metric;
 * the questions where two runs differ most, per domain or language. Each returns a Polars frame
 * with the texts shortened for reading (the full texts stay in `scored.frame`).
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "../scored/load_scored.ts";
import { textValues } from "../scored/run_columns.ts";
import { UNLABELLED } from "./sample_group.ts";
import { pairRuns } from "./pair_runs.ts";

/** Longest text shown in a view, in characters; longer ones end with "…". */
export const VIEW_TEXT_CHARS = 280;

/** `text` cut to `max` characters (whole code points), with "…" when cut; white space collapsed. */
export function shorten(text: string | null, max = VIEW_TEXT_CHARS): string {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  const chars = [...t];
  return chars.length <= max ? t : chars.slice(0, max - 1).join("") + "…";
}

/**
 * An instruction that heads at least this many distinct inputs in the frame is a generic prompt
 * (e.g. «Ответь на вопрос по казахстанскому законодательству.»), and the question is its input.
 */
export const GENERIC_INSTRUCTION_MIN = 3;

/**
 * The question of each row of `rows` as a reader needs it: the input alone where the instruction
 * is generic (it heads {@linkcode GENERIC_INSTRUCTION_MIN} or more distinct inputs in `all`),
 * otherwise the instruction followed by the input (when there is one).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { questionTexts } from "./sample_views.ts";
 * import assert from "node:assert/strict";
 * const generic = "Ответь на вопрос по казахстанскому законодательству.";
 * const all = pl.DataFrame({
 *   instruction: [generic, generic, generic, "Что такое НДС?", "Переведи на казахский:"],
 *   input: ["Что такое акциз?", "Кто платит КПН?", "Что такое ИПН?", "", "Налог"],
 * });
 * assert.deepEqual(questionTexts(all, all), ["Что такое акциз?", "Кто платит КПН?", "Что такое ИПН?",
 *   "Что такое НДС?", "Переведи на казахский: Налог"]);
 * ```
 */
export function questionTexts(rows: pl.DataFrame, all: pl.DataFrame): string[] {
  const inputsOf = new Map<string, Set<string>>();
  const allInstructions = textValues(all, "instruction");
  const allInputs = all.columns.includes("input") ? textValues(all, "input") : [];
  allInstructions.forEach((ins, i) => {
    const input = (allInputs[i] ?? "").trim();
    if (input === "") return;
    const key = (ins ?? "").trim();
    if (!inputsOf.has(key)) inputsOf.set(key, new Set());
    inputsOf.get(key)!.add(input);
  });
  const inputs = rows.columns.includes("input") ? textValues(rows, "input") : [];
  return textValues(rows, "instruction").map((ins, i) => {
    const instruction = (ins ?? "").trim();
    const input = (inputs[i] ?? "").trim();
    if (input === "") return instruction;
    const generic = (inputsOf.get(instruction)?.size ?? 0) >= GENERIC_INSTRUCTION_MIN;
    return generic ? input : `${instruction} ${input}`;
  });
}

/**
 * The question whose answers differ most on `metric` (largest max − min over the runs that
 * answered it); ties go to the smallest id. Null when no question has two defined values.
 */
export function mostContestedQuestion(scored: ScoredResults, metric: string): string | null {
  if (!scored.frame.columns.includes(metric)) return null;
  const spread = scored.frame
    .filter(pl.col(metric).isNotNull())
    .groupBy("id")
    .agg(pl.col(metric).max().sub(pl.col(metric).min()).alias("spread"), pl.len().alias("n"))
    .filter(pl.col("n").gtEq(2))
    .sort(["spread", "id"], [true, false]);
  return spread.height ? String(spread.getColumn("id").get(0)) : null;
}

/**
 * Every run's answer to question `id`: `run, label, answer` and the chosen metrics, in run order.
 *
 * @example
 * ```ts
 * import { answersTo } from "./sample_views.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([
 *   { id: "base", variant: "base", values: { chrf: [10, 20] }, prediction: ["Okay, let's think", "Жоқ"] },
 *   { id: "ft", values: { chrf: [60, 30] }, prediction: ["Статья 5 НК РК", "Иә"] },
 * ]);
 * const f = answersTo(scored, "0", ["chrf"]);
 * assert.deepEqual(f.toRecords(), [
 *   { run: "base", label: "base", answer: "Okay, let's think", chrf: 10 },
 *   { run: "ft", label: "ft", answer: "Статья 5 НК РК", chrf: 60 },
 * ]);
 * ```
 */
export function answersTo(
  scored: ScoredResults,
  id: string,
  metrics: readonly string[] = [],
): pl.DataFrame {
  const rows = scored.frame.filter(pl.col("id").eq(pl.lit(id)));
  const answers = textValues(rows, "prediction").map((t) => shorten(t, 600));
  return rows.select("run", "label", ...metrics.filter((m) => rows.columns.includes(m)))
    .withColumn(pl.Series("answer", answers, pl.Utf8))
    .select("run", "label", "answer", ...metrics.filter((m) => rows.columns.includes(m)));
}

/** Options for {@linkcode extremeAnswers}. */
export interface ExtremeAnswersOptions {
  /** Answers at each end. Default: `3`. */
  n?: number;
  /** Only these runs. Default: every run. */
  runs?: readonly string[];
}

/**
 * The `n` lowest and `n` highest answers by `metric` (undefined values left out), each with its
 * run, question id, value, question ({@linkcode questionTexts}) and answer (shortened); `end` says which end. Ties are
 * broken by run and id, so the view is the same on every run.
 */
export function extremeAnswers(
  scored: ScoredResults,
  metric: string,
  options: ExtremeAnswersOptions = {},
): pl.DataFrame {
  const { n = 3, runs } = options;
  let f = scored.frame.filter(pl.col(metric).isNotNull());
  if (runs) f = f.filter(pl.col("run").isIn([...runs]));
  const view = (rows: pl.DataFrame, end: string) =>
    rows.select(
      pl.lit(end).alias("end"),
      pl.col("run"),
      pl.col("id"),
      pl.col(metric).alias("value"),
    ).withColumns(
      pl.Series(
        "question",
        questionTexts(rows, scored.frame).map((t) => shorten(t, 160)),
        pl.Utf8,
      ),
      pl.Series("answer", textValues(rows, "prediction").map((t) => shorten(t)), pl.Utf8),
    );
  const low = f.sort([metric, "run", "id"], [false, false, false]).head(n);
  const high = f.sort([metric, "run", "id"], [true, false, false]).head(n);
  return pl.concat([view(low, "lowest"), view(high, "highest")], { how: "vertical" });
}

/** Options for {@linkcode largestDifferences}. */
export interface LargestDifferencesOptions {
  /** The label column to group by. Default: `"domain"`. */
  by?: string;
  /** Questions per group and direction. Default: `1`. */
  n?: number;
}

/**
 * For runs `a` and `b` (paired on the same questions) and `metric`, in each group of `by` (run
 * a's labels): the `n` questions where `a − b` is largest and the `n` where it is smallest, with
 * both answers. Groups are ordered by size, then name.
 *
 * @example
 * ```ts
 * import { largestDifferences } from "./sample_views.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const domain = ["tax", "tax", "labor"];
 * const scored = fakeScored([
 *   { id: "ft", values: { chrf: [50, 20, 40] }, domain },
 *   { id: "base", variant: "base", values: { chrf: [10, 30, 40] }, domain },
 * ]);
 * const f = largestDifferences(scored, "ft", "base", "chrf");
 * assert.deepEqual(f.select("group", "direction", "id", "diff").toRecords(), [
 *   { group: "tax", direction: "a better", id: "0", diff: 40 },
 *   { group: "tax", direction: "b better", id: "1", diff: -10 },
 *   { group: "labor", direction: "a better", id: "2", diff: 0 },
 *   { group: "labor", direction: "b better", id: "2", diff: 0 },
 * ]);
 * ```
 */
export function largestDifferences(
  scored: ScoredResults,
  a: string,
  b: string,
  metric: string,
  options: LargestDifferencesOptions = {},
): pl.DataFrame {
  const { by = "domain", n = 1 } = options;
  const paired = pairRuns(scored, a, b);
  const { a: xa, b: xb } = paired.values(metric);
  const groups = textValues(paired.a, by).map((g) => g ?? UNLABELLED);
  const questions = questionTexts(paired.a, scored.frame);
  const answersA = textValues(paired.a, "prediction");
  const answersB = textValues(paired.b, "prediction");
  const members = new Map<string, number[]>();
  paired.ids.forEach((_, i) => {
    if (Number.isNaN(xa[i]) || Number.isNaN(xb[i])) return;
    if (!members.has(groups[i])) members.set(groups[i], []);
    members.get(groups[i])!.push(i);
  });
  const order = [...members.keys()].sort((x, y) =>
    members.get(y)!.length - members.get(x)!.length || (x < y ? -1 : x > y ? 1 : 0)
  );
  const rows: Record<string, string | number>[] = [];
  for (const g of order) {
    const idx = members.get(g)!;
    const diff = (i: number) => xa[i] - xb[i];
    const byDiff = [...idx].sort((i, j) => diff(j) - diff(i) || i - j);
    const pick = (list: number[], direction: string) =>
      list.slice(0, n).forEach((i) =>
        rows.push({
          group: g,
          direction,
          id: paired.ids[i],
          diff: diff(i),
          question: shorten(questions[i], 160),
          answer_a: shorten(answersA[i]),
          answer_b: shorten(answersB[i]),
        })
      );
    pick(byDiff, "a better");
    pick([...byDiff].reverse().sort((i, j) => diff(i) - diff(j) || i - j), "b better");
  }
  const text = (k: string) => pl.Series(k, rows.map((r) => r[k] as string), pl.Utf8);
  return pl.DataFrame([
    text("group"),
    text("direction"),
    text("id"),
    pl.Series("diff", rows.map((r) => r.diff as number), pl.Float64),
    text("question"),
    text("answer_a"),
    text("answer_b"),
  ]);
}
