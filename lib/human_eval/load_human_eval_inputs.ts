/**
 * Everything the expert-evaluation report section needs, loaded from the report parameters:
 * the filled sheets (`--human-eval`), the key (`--human-eval-key`) and, when the key names runs
 * found in `--results`, those runs' per-sample results for the correlation with automatic
 * metrics. Also the texts the section prints about its inputs.
 * @module
 */
import { basename } from "node:path";
import type { SourceFile } from "../io/source_file.ts";
import { loadScored, type ScoredResults } from "../scored/load_scored.ts";
import { sha256File } from "../io/sha256.ts";
import { displayPath } from "../io/paths.ts";
import { type HumanEvalKey, readHumanEvalKey } from "./human_eval_key.ts";
import { type HumanEvalData, readHumanEval } from "./read_human_eval.ts";

/** Inputs of the expert-evaluation section. */
export interface HumanEvalInputs {
  /** The sheets read and validated; `null` when no sheet was given. */
  data: HumanEvalData | null;
  key: HumanEvalKey | null;
  /** Path of the key file; `null` without a key. */
  keyPath: string | null;
  /** The scored results of `--results`, when a key names runs found there (for correlations). */
  scored: ScoredResults | null;
  /** Runs of the key that have per-sample results in `--results`. */
  runs: string[];
  /** Runs of the key whose result file in `--results` differs from the one the sheet was prepared from. */
  changedRuns: string[];
  /** Every input file with its SHA-256: sheets, key, matched result files. */
  sources: SourceFile[];
}

/** What the section says when no filled sheet was given. */
export const NO_SHEETS_TEXT = [
  "No filled expert-evaluation sheets were given, so this section has no results.",
  "",
  "To include them, pass one filled sheet per rater (CSV or XLSX; the file stem is the rater id) and, if the",
  "answers' origin is known, the key written when the sheets were prepared:",
  "",
  "```",
  "deno task report --human-eval raters/ivanova.xlsx raters/akhmetov.xlsx --human-eval-key human_eval/key.json",
  "```",
  "",
  "Blank sheets are prepared with `deno run -A lib/cli/human_eval_prepare.ts --results DIR --runs a,b,c --n 50 --seed 42 --out DIR`.",
].join("\n");

/** What {@linkcode loadHumanEvalInputs} reads. */
export interface HumanEvalInputOptions {
  /** Filled sheets (CSV or XLSX), one per rater. */
  sheets: readonly string[];
  /** The key written when the sheets were prepared, or null. */
  key: string | null;
  /** The results folder whose runs the key names (read only with a key). */
  results: string;
  /** Use the scored-results cache. Default: `true`. */
  cache?: boolean;
}

/**
 * Loads the section's inputs. With no sheets it returns `data: null` (and reads nothing else).
 * Result files are loaded only with a key.
 */
export async function loadHumanEvalInputs(
  options: HumanEvalInputOptions,
): Promise<HumanEvalInputs> {
  if (options.sheets.length === 0) {
    return {
      data: null,
      key: null,
      keyPath: null,
      scored: null,
      runs: [],
      changedRuns: [],
      sources: [],
    };
  }
  const key = options.key === null ? null : await readHumanEvalKey(options.key);
  const data = await readHumanEval([...options.sheets], { key });
  const sources: SourceFile[] = data.sheets.map((s) => ({ path: s.path, sha256: s.sha256 }));
  if (options.key !== null) {
    sources.push({ path: options.key, sha256: await sha256File(options.key) });
  }
  let scored: ScoredResults | null = null;
  const runs: string[] = [];
  const changedRuns: string[] = [];
  if (key) {
    scored = await loadScored(options.results, { cache: options.cache ?? true });
    for (const r of scored.runs) {
      if (!key.runs.includes(r.run.id) || r.samples === 0) continue;
      runs.push(r.run.id);
      sources.push(r.source);
      const prepared = key.sources.find((s) => s.run === r.run.id);
      if (prepared && prepared.sha256 !== r.source.sha256) changedRuns.push(r.run.id);
    }
  }
  return { data, key, keyPath: options.key, scored, runs, changedRuns, sources };
}

/**
 * A paragraph about the inputs: sheets and raters, rows, blank cells, ignored columns, and
 * whether the results are per run or per label.
 */
export function describeHumanEvalInputs(inputs: HumanEvalInputs): string {
  const { data, key } = inputs;
  if (!data) return NO_SHEETS_TEXT;
  const lines: string[] = [];
  const questions = new Set(data.ratings.map((r) => r.question)).size;
  const labels = [...new Set(data.ratings.map((r) => r.label))].sort();
  lines.push(
    `Sheets: ${data.sheets.length} (rater id = file stem: ${
      data.raters.map((r) => `\`${r}\``).join(", ")
    }); ` +
      `${questions} questions with labels ${
        labels.join(", ")
      }; ${data.ratings.length} rated rows in all.`,
  );
  lines.push("");
  for (const s of data.sheets) {
    const b = s.blanks;
    const blanks = b.correctness + b.completeness + b.relevance + b.hallucination;
    lines.push(
      `- \`${basename(s.file)}\` (${s.format.toUpperCase()}): ${s.rows} rows; blank cells: ` +
        (blanks === 0
          ? "none"
          : `correctness ${b.correctness}, completeness ${b.completeness}, relevance ${b.relevance}, hallucination ${b.hallucination}`) +
        (s.unratedRows > 0 ? `; ${s.unratedRows} rows left wholly unrated` : "") +
        (s.ignoredColumns.length > 0 ? `; columns not read: ${s.ignoredColumns.join(", ")}` : ""),
    );
  }
  lines.push("");
  if (key) {
    lines.push(
      `Key: \`${displayPath(inputs.keyPath ?? "")}\`, ` +
        `${key.runs.length} runs (${
          key.runs.map((r) => `\`${r}\``).join(", ")
        }); results are reported per run.`,
    );
  } else {
    lines.push(
      "No key was given (`--human-eval-key`), so results are reported per label. The labels were shuffled afresh for every " +
        "question, so label A is not one system: per-label means estimate the average over all systems, and differences " +
        "between labels are chance by design. They check the sheet; they do not compare systems.",
    );
  }
  return lines.join("\n");
}
