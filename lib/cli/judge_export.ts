/**
 * `deno task judge-export`: the answers an LLM judge scored at or above a threshold, as an Alpaca
 * JSONL training file that `python/train.py` reads unchanged, without the questions that are in
 * (or near-duplicates of) the validation set, and a provenance sidecar.
 *
 *     deno task judge-export --judgments runs/judge/summary --threshold 0.8 \
 *       --validation data/sample/validation.jsonl --out runs/next/train.jsonl
 *
 * Writes `FILE.jsonl` and `FILE.provenance.jsonl` (one line per training row, same order: run,
 * question id, score, judge, the SHA-256 of the judgement line). See `lib/judge/judge_export.ts`
 * for the rules. Exit status: 0 when rows were written, 1 when none passed or on an error, 2 for
 * a wrong command line.
 * @module
 */
import { numberValue, optionList } from "./option_list.ts";
import { displayPath, fromRoot } from "../io/paths.ts";
import {
  readJudgements,
  readValidationQuestions,
  selectJudgedAnswers,
  writeJudgeExport,
} from "../judge/mod.ts";

/** The command's settings. */
export interface JudgeExportArgs {
  /** Folders or files of judgements. Required. */
  judgments: string[];
  /** Lowest passing score. Required. */
  threshold: number | null;
  /** Default: the rubric's primary criterion. */
  criterion: string | null;
  /** Validation set(s): Alpaca JSONL files, or folders with validation.jsonl. Required. */
  validation: string[];
  /** Near-duplicate threshold (Jaccard). Default: `0.7`. */
  near: number;
  /** The training file to write (`.jsonl`). Required. */
  out: string | null;
  /** Replace existing files. Default: `false`. */
  force: boolean;
  help: boolean;
}

/** Usage text. */
export const JUDGE_EXPORT_USAGE =
  `Usage: deno task judge-export --judgments DIR... --threshold X --validation PATH...
                              --out FILE.jsonl [--criterion NAME] [--near J] [--force]

Exports the answers an LLM judge scored at or above X as an Alpaca JSONL training file
(instruction, input, output), leaving out questions that are in the validation set or
near-duplicates of one, and writes FILE.provenance.jsonl beside it.

Options:
  --judgments PATH...   judgement folders (their *.jsonl) or files, from deno task judge
  --threshold X         lowest passing score on the criterion (inclusive)
  --criterion NAME      the criterion (default: overall for rubric summary, correctness for lawyer)
  --validation PATH...  validation set: Alpaca JSONL files, or folders with validation.jsonl
  --near J              Jaccard similarity at which a question is a near duplicate (default: 0.7)
  --out FILE.jsonl      the training file to write
  --force               replace existing files
  -h, --help            show this help`;

/** The options that take several values. */
const LISTS = ["judgments", "validation"];

/**
 * Parses the command line.
 *
 * @example
 * ```ts
 * import { parseJudgeExportArgs } from "./judge_export.ts";
 * import assert from "node:assert/strict";
 * const a = parseJudgeExportArgs(["--judgments", "j1", "j2", "--threshold", "0.8", "--validation", "v.jsonl", "--out", "жаңа.jsonl"]);
 * assert.deepEqual([a.judgments, a.threshold, a.validation, a.out], [["j1", "j2"], 0.8, ["v.jsonl"], "жаңа.jsonl"]);
 * assert.throws(() => parseJudgeExportArgs(["--threshold", "high"]), /--threshold needs a number, got "high"/);
 * ```
 */
export function parseJudgeExportArgs(args: readonly string[]): JudgeExportArgs {
  const options = {
    judgments: { type: "string" },
    threshold: { type: "string" },
    criterion: { type: "string" },
    validation: { type: "string" },
    near: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } as const;
  const a: JudgeExportArgs = {
    judgments: [],
    threshold: null,
    criterion: null,
    validation: [],
    near: 0.7,
    out: null,
    force: false,
    help: false,
  };
  for (const { name, values } of optionList(args, options, LISTS)) {
    const v = values[0];
    switch (name) {
      case "judgments":
        a.judgments.push(...values);
        break;
      case "validation":
        a.validation.push(...values);
        break;
      case "threshold":
        a.threshold = numberValue(v, "threshold");
        break;
      case "criterion":
        a.criterion = v;
        break;
      case "near":
        a.near = numberValue(v, "near");
        if (!(a.near > 0 && a.near <= 1)) {
          throw new TypeError(`--near must be in (0, 1], got "${v}"`);
        }
        break;
      case "out":
        a.out = v;
        break;
      case "force":
        a.force = true;
        break;
      case "help":
        a.help = true;
        break;
    }
  }
  return a;
}

/** What is missing from the command line, or `null`. */
export function checkJudgeExportArgs(a: JudgeExportArgs): string | null {
  const missing = [
    a.judgments.length === 0 ? "--judgments" : null,
    a.threshold === null ? "--threshold" : null,
    a.validation.length === 0 ? "--validation" : null,
    a.out === null ? "--out" : null,
  ].filter(Boolean);
  if (missing.length > 0) {
    return `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} required`;
  }
  if (!a.out!.endsWith(".jsonl")) return `--out must name a .jsonl file, got "${a.out}"`;
  return null;
}

if (import.meta.main) {
  let args: JudgeExportArgs;
  try {
    args = parseJudgeExportArgs(Deno.args);
    if (!args.help) {
      const problem = checkJudgeExportArgs(args);
      if (problem) throw new TypeError(problem);
    }
  } catch (error) {
    console.error(`judge-export: ${(error as Error).message}\n\n${JUDGE_EXPORT_USAGE}`);
    Deno.exit(2);
  }
  if (args.help) {
    console.log(JUDGE_EXPORT_USAGE);
    Deno.exit(0);
  }
  try {
    const judgements = await readJudgements(args.judgments.map(fromRoot));
    const validation = await readValidationQuestions(args.validation.map(fromRoot));
    const exported = selectJudgedAnswers(judgements.stored, validation.questions, {
      threshold: args.threshold!,
      criterion: args.criterion,
      nearThreshold: args.near,
    });
    const c = exported.counts;
    const counts =
      `${c.judged} answers judged by ${exported.judge.model} (rubric ${exported.judge.rubric}): ` +
      `${c.unscored} without a score, ${c.belowThreshold} below ${exported.criterion} ${exported.threshold}, ` +
      `${c.hallucinated} hallucinating, ${c.notSubstantive} not substantive, ${c.sameQuestion} other answers to a kept question, ` +
      `${c.inValidation} questions in the validation set, ${c.nearValidation} near-duplicates of one (${validation.questions.length} validation questions)`;
    if (exported.rows.length === 0) {
      console.error(`judge-export: no answer passed, nothing written. ${counts}`);
      Deno.exit(1);
    }
    const written = await writeJudgeExport(exported, fromRoot(args.out!), { force: args.force });
    console.error(
      `judge-export: wrote ${c.exported} rows to ${
        displayPath(written.data)
      } and their provenance to ${displayPath(written.provenance)}. ${counts}`,
    );
  } catch (error) {
    console.error(`judge-export: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
