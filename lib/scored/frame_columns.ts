/**
 * The scored frame's columns, declared once: name, Polars type, role, nullability and meaning of
 * every fixed column, in frame order. Frame construction (`runSamplesFrame`, `loadScored`), the
 * empty frame, the scored-results cache's layout check and `docs/frame.md` all derive from
 * {@linkcode FRAME_COLUMNS}; the metric columns that follow them are described by the metric
 * registry (`lib/metrics/registry.ts`).
 * @module
 */
import pl from "nodejs-polars";
import type { RunInfo } from "../results/run_result.ts";

/**
 * What a column is for:
 * - `run`: the run's identity, the same on every row of a run;
 * - `identity`: which question a row answers;
 * - `text`: the long texts (most of the frame's memory; cached apart, left out with `text: false`);
 * - `label`: the question's labels and where they come from;
 * - `system`: what the producer recorded about the generation (time, tokens, retrieval);
 * - `behaviour`: the answer-behaviour classification of `lib/behaviour/`;
 * - `statistics`: per-answer sufficient statistics of a corpus-level metric;
 * - `metric`: one column per metric (not declared here: see `lib/metrics/registry.ts`).
 */
export type FrameRole =
  | "run"
  | "identity"
  | "text"
  | "label"
  | "system"
  | "behaviour"
  | "statistics"
  | "metric";

/** One declared column of the scored frame. */
export interface FrameColumn {
  name: string;
  /** Polars type of the column. */
  dtype: pl.DataType;
  role: FrameRole;
  /** Whether the column can hold nulls. */
  nullable: boolean;
  /**
   * Whether the column is analysed like a metric (means, intervals, paired tests) where it is
   * measured; such a column is listed in `ScoredResults.metrics` and described (label, unit,
   * direction, range) by the metric registry. Default: `false`.
   */
  analysed?: boolean;
  /** One line on what the column holds. */
  doc: string;
}

const column = <const N extends string, const R extends FrameRole>(
  name: N,
  dtype: pl.DataType,
  role: R,
  nullable: boolean,
  doc: string,
  analysed = false,
) => ({ name, dtype, role, nullable, doc, ...(analysed ? { analysed } : {}) }) as const;

/**
 * Every fixed column of the scored frame, in frame order; the metric columns (Float64, nullable,
 * one per metric, in display order) follow them.
 */
export const FRAME_COLUMNS = Object.freeze(
  [
    column("run", pl.String, "run", false, "Run id (the result file's stem unless it names one)."),
    column("label", pl.String, "run", false, "The run's display label."),
    column("family", pl.String, "run", false, "Model family, e.g. `qwen3`."),
    column("size_b", pl.Float64, "run", true, "Size in billions of parameters; null if unknown."),
    column("variant", pl.String, "run", false, "`base`, `fine-tuned`, `baseline` or `external`."),
    column("id", pl.String, "identity", false, "Question id, the same across runs."),
    column("instruction", pl.String, "text", false, "The instruction given to the model."),
    column("input", pl.String, "text", false, "The question (empty where the instruction is it)."),
    column("reference", pl.String, "text", false, "The reference answer."),
    column("prediction", pl.String, "text", false, "The model's answer."),
    column(
      "question_key",
      pl.String,
      "identity",
      false,
      "Hash of instruction and reference: rows pair only where ids and keys agree.",
    ),
    column("language", pl.String, "label", true, "The question's language label (`ru`, `kz`)."),
    column("language_source", pl.String, "label", false, "`file`, or `derived` from the question."),
    column("domain", pl.String, "label", true, "The question's legal-domain label."),
    column("domain_source", pl.String, "label", false, "`file`, or `derived` from the question."),
    column(
      "latency_s",
      pl.Float64,
      "system",
      true,
      "Seconds to generate the answer (legacy `gen_time`); analysed like a metric.",
      true,
    ),
    column("new_tokens", pl.Float64, "system", true, "Tokens generated, where recorded."),
    column(
      "hit_max_new_tokens",
      pl.Bool,
      "system",
      true,
      "Whether generation stopped at the token limit, where recorded.",
    ),
    column(
      "retrieval",
      pl.String,
      "system",
      true,
      "The retrieved records as JSON text; null without retrieval.",
    ),
    column("answer_language", pl.String, "behaviour", false, "The answer's language by script."),
    column(
      "question_language",
      pl.String,
      "behaviour",
      false,
      "The question's language by script.",
    ),
    column("wrong_language", pl.Bool, "behaviour", false, "Answered in another language."),
    column("reasoning_trace", pl.Bool, "behaviour", false, "The answer is a reasoning trace."),
    column(
      "truncated",
      pl.Bool,
      "behaviour",
      false,
      "The answer was cut off (recorded or estimated).",
    ),
    column(
      "truncated_estimated",
      pl.Bool,
      "behaviour",
      false,
      "`truncated` is estimated, not recorded by the producer.",
    ),
    column("empty", pl.Bool, "behaviour", false, "The answer is empty."),
    column("refusal", pl.Bool, "behaviour", false, "The answer refuses."),
    column("substantive", pl.Bool, "behaviour", false, "None of the five flags above."),
    column(
      "chrf_stats",
      pl.List(pl.Float64),
      "statistics",
      false,
      "The answer's 18 chrF n-gram counts, summed for corpus chrF.",
    ),
  ] as const,
);

/** The name of a declared column. */
export type FrameColumnName = (typeof FRAME_COLUMNS)[number]["name"];

/** The names of the declared columns of one role, in frame order. */
type NamesOf<R extends FrameRole> = Extract<(typeof FRAME_COLUMNS)[number], { role: R }>["name"];

function namesOf<R extends FrameRole>(...roles: R[]): readonly NamesOf<R>[] {
  return Object.freeze(
    FRAME_COLUMNS.filter((c) => (roles as FrameRole[]).includes(c.role)).map((c) => c.name),
  ) as readonly NamesOf<R>[];
}

/** The run's identity columns, before the sample columns. */
export const RUN_COLUMNS = namesOf("run");

/** Each run-identity column's value for a run (the same on every row of the run). */
export const RUN_COLUMN_VALUES: Readonly<
  Record<(typeof RUN_COLUMNS)[number], (run: RunInfo) => string | number | null>
> = Object.freeze({
  run: (r) => r.id,
  label: (r) => r.label,
  family: (r) => r.family,
  size_b: (r) => r.size_b,
  variant: (r) => r.variant,
});

/** The per-sample columns (everything declared but the run's identity), in order. */
export const SAMPLE_COLUMNS: readonly Exclude<FrameColumnName, NamesOf<"run">>[] = Object.freeze(
  FRAME_COLUMNS.filter((c) => c.role !== "run").map((c) => c.name),
) as readonly Exclude<FrameColumnName, NamesOf<"run">>[];

/**
 * The long text columns: most of a scored frame's memory. The cache stores them apart, and
 * `loadScored(dir, { text: false })` leaves them out.
 */
export const TEXT_COLUMNS = namesOf("text");

/** The answer-behaviour flags (the Boolean `behaviour` columns but `truncated_estimated`). */
export const BEHAVIOUR_COLUMNS_OF_FRAME = Object.freeze(
  FRAME_COLUMNS.filter((c) =>
    c.role === "behaviour" && c.dtype.equals(pl.Bool) && c.name !== "truncated_estimated"
  ).map((c) => c.name),
) as readonly Exclude<NamesOf<"behaviour">, "answer_language" | "question_language">[];

/** The declared columns analysed like metrics where measured (`latency_s`). */
export const ANALYSED_COLUMNS = Object.freeze(
  FRAME_COLUMNS.filter((c) => "analysed" in c).map((c) => c.name),
) as readonly FrameColumnName[];

const BY_NAME: ReadonlyMap<string, FrameColumn> = new Map(FRAME_COLUMNS.map((c) => [c.name, c]));

/**
 * The declaration of column `name`, or `undefined` for a metric column (any undeclared name).
 *
 * @example
 * ```ts
 * import { frameColumn } from "./frame_columns.ts";
 * import assert from "node:assert/strict";
 * assert.equal(frameColumn("latency_s")?.role, "system");
 * assert.equal(frameColumn("chrf"), undefined);
 * ```
 */
export function frameColumn(name: string): FrameColumn | undefined {
  return BY_NAME.get(name);
}

/**
 * A Polars type as written in `docs/frame.md` and in the cache's layout notes.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { dtypeName } from "./frame_columns.ts";
 * assert.deepEqual([pl.String, pl.Bool, pl.List(pl.Float64)].map(dtypeName), ["String", "Bool", "List(Float64)"]);
 * ```
 */
export function dtypeName(dtype: pl.DataType): string {
  const text = String(dtype); // "DataType(List(DataType(Float64)))"
  const wrappers = text.split("DataType(").length - 1;
  const bare = text.replaceAll("DataType(", "");
  return bare.slice(0, bare.length - wrappers);
}
