/**
 * From judgements to the next fine-tuning set: the answers whose judge score passes a threshold,
 * as Alpaca rows (`instruction`, `input`, `output`: the question and the judged answer), with the
 * questions that are in the validation set, or near-duplicates of one of its questions, left out,
 * and a provenance row for every training row (run, question id, score, judge, and the SHA-256 of
 * the judgement line it rests on).
 *
 * Rules (version 1), in order:
 * 1. Only single-mode judgements of result files with status `ok` by one judge (model, rubric)
 *    whose rubric has the criterion; sheet judgements (cut texts) are never exported.
 * 2. The answer's score on the criterion is at least the threshold.
 * 3. Under the `lawyer` rubric, an answer the judge says hallucinates is left out, whatever its
 *    score; an answer that `lib/behaviour/` flags as not substantive (wrong language, reasoning
 *    trace, cut at the token limit, empty, refusal) is left out.
 * 4. One answer per question (same instruction and input): the highest score; ties go to the
 *    answer judged first.
 * 5. A question whose text (instruction, then input on a new line) is an exact duplicate of a
 *    validation question after normalisation, or a near duplicate (Jaccard similarity of
 *    character 5-gram sets ≥ `nearThreshold`, found as in `lib/dataset/find_duplicates.ts`), is
 *    left out. Questions that share a long generic instruction look more alike under this rule;
 *    it errs on the side of leaving a question out.
 * @module
 */
import { FIND_DUPLICATES_DEFAULTS, findDuplicates } from "../dataset/find_duplicates.ts";
import { questionText, rowsWithDuplicateIn } from "../dataset/duplicate_tables.ts";
import type { JudgementRecord, StoredJudgement } from "./judgement_record.ts";
import { describeConfig, judgeGroups } from "./judge_groups.ts";
import { criterionValue } from "./judge_scores_table.ts";
import { rubricByName } from "./rubric_by_name.ts";

/** The version of the rules above. */
export const JUDGE_EXPORT_VERSION = "1";

/** One training row, exactly the fields `python/train.py` reads. */
export interface ExportRow {
  instruction: string;
  input: string;
  output: string;
}

/** Where a training row came from (one line of the `.provenance.jsonl` sidecar, same order). */
export interface ProvenanceRow {
  /** 1-based line of the training file. */
  line: number;
  run: string;
  /** Question id in the result files. */
  id: string;
  criterion: string;
  score: number;
  threshold: number;
  judge_model: string;
  rubric: string;
  rubric_version: string;
  template_sha256: string;
  /** SHA-256 of the judgement's JSONL line, and where it was read. */
  judgement_sha256: string;
  judgement_file: string;
  judgement_line: number;
  /** The result file(s) the answer came from. */
  inputs: JudgementRecord["inputs"];
  export_version: string;
}

/** How many answers each rule left out. */
export interface ExportCounts {
  /** Single-mode judgements of result files by the judge (the last per answer). */
  judged: number;
  /** Of those, without a valid score (failed or request errors). */
  unscored: number;
  /** Scored below the threshold. */
  belowThreshold: number;
  /** Passed, but the judge said they hallucinate (lawyer rubric). */
  hallucinated: number;
  /** Passed, but not substantive answers. */
  notSubstantive: number;
  /** Passed, but another answer to the same question was kept. */
  sameQuestion: number;
  /** Questions in the validation set (exact after normalisation). */
  inValidation: number;
  /** Questions near-duplicates of a validation question (and not exact ones). */
  nearValidation: number;
  /** Rows exported. */
  exported: number;
}

/** What {@linkcode selectJudgedAnswers} selected. */
export interface JudgeExport {
  rows: ExportRow[];
  provenance: ProvenanceRow[];
  counts: ExportCounts;
  criterion: string;
  threshold: number;
  judge: { model: string; rubric: string; config: string };
}

/** Options of {@linkcode selectJudgedAnswers}. */
export interface JudgeExportOptions {
  /** Lowest passing score (inclusive), within the criterion's range. Required. */
  threshold: number;
  /** The criterion. Default: the rubric's primary one (`overall` for summary, `correctness` for lawyer). */
  criterion?: string | null;
  /** Jaccard similarity at which a question is a near duplicate of a validation question. Default: `0.7`. */
  nearThreshold?: number;
}

/**
 * Selects the answers to export (see the rules in the module doc).
 *
 * @param stored Judgements ({@linkcode readJudgements}).
 * @param validation The validation set's questions: {@linkcode questionText} of each row.
 * @throws {TypeError} when no judge has the criterion, several do, or it is not a scored criterion.
 * @throws {RangeError} when the threshold is outside the criterion's range.
 */
export function selectJudgedAnswers(
  stored: readonly StoredJudgement[],
  validation: readonly string[],
  options: JudgeExportOptions,
): JudgeExport {
  const {
    threshold,
    criterion: wanted = null,
    nearThreshold = FIND_DUPLICATES_DEFAULTS.threshold,
  } = options;
  const groups = judgeGroups(stored, { mode: "single" })
    .filter((g) => g.stored.some((s) => s.record.source === "results"))
    .filter((g) => {
      const rubric = rubricByName(g.rubric);
      return rubric.criteria.some((c) => c.name === (wanted ?? rubric.primary));
    });
  if (groups.length === 0) {
    throw new TypeError(
      wanted
        ? `No single-mode judgement of result files scores "${wanted}"`
        : "No single-mode judgement of result files to export",
    );
  }
  if (groups.length > 1) {
    throw new TypeError(
      `Judgements of ${groups.length} judges score this criterion (${
        groups.map((g) => `${g.model}, rubric ${g.rubric}`).join("; ")
      }): pass the judgements of one`,
    );
  }
  const g = groups[0];
  const rubric = rubricByName(g.rubric);
  const criterion = wanted ?? rubric.primary;
  const spec = rubric.criteria.find((c) => c.name === criterion)!;
  if (spec.kind !== "score") {
    throw new TypeError(
      `Criterion "${criterion}" is yes/no; pass a scored criterion (${
        rubric.criteria.filter((c) => c.kind === "score").map((c) => c.name).join(", ")
      })`,
    );
  }
  if (!(Number.isFinite(threshold) && threshold >= spec.min && threshold <= spec.max)) {
    throw new RangeError(
      `Threshold for "${criterion}" must be in [${spec.min}, ${spec.max}], got ${threshold}`,
    );
  }
  const counts: ExportCounts = {
    judged: 0,
    unscored: 0,
    belowThreshold: 0,
    hallucinated: 0,
    notSubstantive: 0,
    sameQuestion: 0,
    inValidation: 0,
    nearValidation: 0,
    exported: 0,
  };
  const best = new Map<string, { s: StoredJudgement; score: number }>();
  for (const s of g.stored) {
    const r = s.record;
    if (r.source !== "results") continue;
    counts.judged++;
    if (r.status !== "ok") {
      counts.unscored++;
      continue;
    }
    const score = criterionValue(r, criterion)!;
    if (score < threshold) {
      counts.belowThreshold++;
      continue;
    }
    if (rubric.name === "lawyer" && r.criteria?.hallucination === true) {
      counts.hallucinated++;
      continue;
    }
    if (r.substantive[0] === false) {
      counts.notSubstantive++;
      continue;
    }
    const q = JSON.stringify([r.question.instruction, r.question.input]);
    const have = best.get(q);
    if (!have) best.set(q, { s, score });
    else {
      counts.sameQuestion++;
      if (score > have.score) best.set(q, { s, score });
    }
  }
  const kept = [...best.values()];
  const texts = kept.map(({ s }) =>
    questionText(s.record.question.instruction, s.record.question.input)
  );
  const all = [...validation, ...texts];
  const split = Int32Array.from(all, (_, i) => (i < validation.length ? 0 : 1));
  const d = findDuplicates(all, { threshold: nearThreshold });
  const exact = rowsWithDuplicateIn(d, split, 2, 0, null);
  const near = rowsWithDuplicateIn(d, split, 2, 0, nearThreshold);
  const rows: ExportRow[] = [];
  const provenance: ProvenanceRow[] = [];
  kept.forEach(({ s, score }, k) => {
    const i = validation.length + k;
    if (exact[i]) {
      counts.inValidation++;
      return;
    }
    if (near[i]) {
      counts.nearValidation++;
      return;
    }
    const r = s.record;
    rows.push({
      instruction: r.question.instruction,
      input: r.question.input,
      output: r.answers[0],
    });
    provenance.push({
      line: rows.length,
      run: r.runs[0],
      id: r.id,
      criterion,
      score,
      threshold,
      judge_model: r.judge.model,
      rubric: r.judge.rubric,
      rubric_version: r.judge.rubric_version,
      template_sha256: r.judge.template_sha256,
      judgement_sha256: s.sha256,
      judgement_file: s.file,
      judgement_line: s.line,
      inputs: r.inputs,
      export_version: JUDGE_EXPORT_VERSION,
    });
  });
  counts.exported = rows.length;
  return {
    rows,
    provenance,
    counts,
    criterion,
    threshold,
    judge: { model: g.model, rubric: g.rubric, config: describeConfig(g.stored[0].record) },
  };
}

/** The provenance sidecar of a training file: `x.jsonl` → `x.provenance.jsonl`. */
export function provenancePath(out: string): string {
  if (!out.endsWith(".jsonl")) {
    throw new TypeError(`The training file must end in .jsonl, got "${out}"`);
  }
  return out.replace(/\.jsonl$/, ".provenance.jsonl");
}
