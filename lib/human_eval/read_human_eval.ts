/**
 * Reads filled expert-evaluation sheets (CSV or XLSX; one file per rater, the rater id being the
 * file's stem) and validates every value. Nothing is dropped silently: a bad value, an unknown
 * label, a repeated or a missing row is an error naming the file, the row and the column; blank
 * score cells are allowed (a rater may abstain) and counted per file and column.
 * @module
 */
import { basename, extname } from "node:path";
import { displayPath, fromRoot } from "../io/paths.ts";
import { answerFingerprint, type HumanEvalKey } from "./human_eval_key.ts";
import { readTable } from "./_read_table.ts";
import { restoreNeutralizedCell } from "../escape/neutralize_cell.ts";
import {
  HALLUCINATION_COLUMN,
  HALLUCINATION_VALUES,
  REQUIRED_COLUMNS,
  SCORE_COLUMNS,
  SCORE_CRITERIA,
  type ScoreCriterion,
  SHEET_COLUMNS,
} from "./sheet_columns.ts";

/** One rater's judgement of one answer. */
export interface HumanRating {
  /** Rater id: the sheet file's stem. */
  rater: string;
  /** Question id (`номер_вопроса`). */
  question: string;
  /** Anonymous label (`вариант`). */
  label: string;
  /** Run behind the label, from the key; `null` without a key. */
  run: string | null;
  correctness: number | null;
  completeness: number | null;
  relevance: number | null;
  /** `1` for `да`, `0` for `нет`, `null` when blank. */
  hallucination: number | null;
  /** The sheet file (display path) and its spreadsheet row number. */
  file: string;
  row: number;
}

/** What was read from one sheet file. */
export interface SheetSummary {
  /** The file as given (absolute when given so). */
  path: string;
  /** The file as shown in messages and reports (relative to the repository root). */
  file: string;
  rater: string;
  format: "csv" | "xlsx";
  sha256: string;
  /** Field delimiter of a CSV file (detected from its header); `null` for XLSX. */
  delimiter: "," | ";" | "\t" | null;
  /** Data rows read. */
  rows: number;
  /** Blank cells per input column. */
  blanks: Record<ScoreCriterion | "hallucination", number>;
  /** Rows with all four judgements blank. */
  unratedRows: number;
  /** Columns present in the file that the workbench does not read. */
  ignoredColumns: string[];
}

/** Everything read from a set of sheets. */
export interface HumanEvalData {
  ratings: HumanRating[];
  sheets: SheetSummary[];
  raters: string[];
  key: HumanEvalKey | null;
}

/** Options for {@linkcode readHumanEval}. */
export interface ReadHumanEvalOptions {
  /** Key mapping (question, label) to runs. Default: `null`: ratings stay per label. */
  key?: HumanEvalKey | null;
  /** At most this many problems are listed in an error message. Default: `40`. */
  maxProblems?: number;
}

/** Where a problem is: file, spreadsheet row (or none for a missing row), column. */
interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  message: string;
}

function describe(p: Problem): string {
  const at = [
    p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column ${p.column}`,
  ].filter(Boolean).join(", ");
  return `"${p.file}"${at ? ` ${at}` : ""}: ${p.message}`;
}

/** Parses a 1–5 score; `undefined` when the text is not one. */
function parseScore(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (/^[1-5](\.0+)?$/.test(t)) return Number(t);
  return undefined;
}

function parseHallucination(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (t === HALLUCINATION_VALUES.yes) return 1;
  if (t === HALLUCINATION_VALUES.no) return 0;
  return undefined;
}

/**
 * Reads and validates filled sheets, joining them with the key when one is given.
 *
 * Checks, per file: the required columns are there (once each); every row has as many cells as
 * the header; `номер_вопроса` is set; `вариант` is one capital letter; each score is blank or an
 * integer 1–5; `галлюцинация_да_нет` is blank, `да` or `нет`; no (question, label) appears twice.
 * With a key: every (question, label) is in the key, every key entry has a row, and the answer
 * text matches the one prepared (so a re-sorted sheet is caught). Without a key: every question
 * has the same set of labels.
 *
 * @param paths Sheet files, one per rater.
 * @param options The key, if any.
 * @throws {TypeError} when a file lacks a required column, or two files have the same stem.
 * @throws {RangeError} listing every invalid value and every missing or repeated row.
 */
export async function readHumanEval(
  paths: readonly string[],
  options: ReadHumanEvalOptions = {},
): Promise<HumanEvalData> {
  paths = paths.map(fromRoot); // relative paths: to the repository root
  const { key = null, maxProblems = 40 } = options;
  if (paths.length === 0) throw new TypeError("readHumanEval() needs at least one sheet file");
  const keyMap = key
    ? new Map(key.items.map((it) => [`${it.question}\u0000${it.label}`, it]))
    : null;
  const keyLabels = new Map<string, string[]>();
  for (const it of key?.items ?? []) {
    keyLabels.set(it.question, [...(keyLabels.get(it.question) ?? []), it.label]);
  }
  // Key ids by their trimmed text: a spreadsheet drops the leading tab or space of an id whose
  // formula guard it removed.
  const keyIdByTrimmed = new Map<string, string>();
  for (const q of keyLabels.keys()) {
    const t = q.trim();
    keyIdByTrimmed.set(t, keyIdByTrimmed.has(t) && keyIdByTrimmed.get(t) !== q ? t : q);
  }
  const problems: Problem[] = [];
  const ratings: HumanRating[] = [];
  const sheets: SheetSummary[] = [];
  const raters = new Map<string, string>();
  for (const path of paths) {
    const file = displayPath(path);
    const rater = basename(path, extname(path));
    if (raters.has(rater)) {
      throw new TypeError(
        `Sheets "${
          raters.get(rater)
        }" and "${file}" have the same file stem "${rater}", which is the rater id; rename one`,
      );
    }
    raters.set(rater, file);
    const table = await readTable(path);
    const index = new Map<string, number>();
    table.header.forEach((h, i) => {
      if (h === "") return;
      if (index.has(h)) {
        throw new TypeError(
          `Cannot read expert-evaluation sheet "${file}": column "${h}" appears twice in row 1`,
        );
      }
      index.set(h, i);
    });
    const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
    if (missing.length > 0) {
      throw new TypeError(
        `Cannot read expert-evaluation sheet "${file}": row 1 lacks column${
          missing.length > 1 ? "s" : ""
        } ${missing.join(", ")}`,
      );
    }
    const known = new Set<string>(SHEET_COLUMNS);
    const summary: SheetSummary = {
      path,
      file,
      rater,
      format: table.format,
      sha256: table.sha256,
      delimiter: table.delimiter,
      rows: table.rows.length,
      blanks: { correctness: 0, completeness: 0, relevance: 0, hallucination: 0 },
      unratedRows: 0,
      ignoredColumns: [...index.keys()].filter((h) => !known.has(h)),
    };
    // A formula the file holds without its result has no value to read: an error in a column
    // that is read, never a blank score.
    const read = new Set<string>([...REQUIRED_COLUMNS, "ответ_модели"]);
    const badRows = new Set<number>();
    for (const f of table.uncachedFormulas) {
      const column = table.header[f.column] ?? "";
      if (!read.has(column)) continue;
      badRows.add(f.row);
      problems.push({
        file,
        row: f.row,
        column,
        message: `worksheet "${table.sheet}" cell ${f.address} holds the formula =${f.formula} ` +
          "with no saved result (the program that wrote the file did not calculate it): open the " +
          "file in Excel or LibreOffice and save it again, or type the value",
      });
    }
    const seen = new Map<string, number>();
    const labelsByQuestion = new Map<string, Set<string>>();
    for (const { row, cells } of table.rows) {
      if (badRows.has(row)) continue;
      const at = (column: string | null, message: string) =>
        problems.push({ file, row, column, message });
      if (
        cells.length > table.header.length &&
        cells.slice(table.header.length).some((c) => c.trim() !== "")
      ) {
        at(null, `${cells.length} cells, but the header has ${table.header.length} columns`);
        continue;
      }
      if (table.format === "csv" && cells.length !== table.header.length) {
        at(null, `${cells.length} cells, but the header has ${table.header.length} columns`);
        continue;
      }
      const cell = (c: string) => (cells[index.get(c)!] ?? "");
      // Ids were written neutralised (an id such as "-5" as "'-5"); a spreadsheet may keep or
      // drop the apostrophe. The key's own spelling wins when it has the text as written.
      const written = cell("номер_вопроса").trim();
      const restored = restoreNeutralizedCell(written);
      const question = keyLabels.has(written)
        ? written
        : keyLabels.has(restored)
        ? restored
        : (keyIdByTrimmed.get(restored.trim()) ?? restored);
      const label = cell("вариант").trim();
      let ok = true;
      if (question === "") {
        at("номер_вопроса", "the question id is empty");
        ok = false;
      }
      if (!/^[A-Z]$/.test(label)) {
        at("вариант", `expected one capital letter A-Z, got ${JSON.stringify(cell("вариант"))}`);
        ok = false;
      }
      const scores = {} as Record<ScoreCriterion, number | null>;
      for (const c of SCORE_CRITERIA) {
        const raw = cell(SCORE_COLUMNS[c]);
        const v = parseScore(raw);
        if (v === undefined) {
          at(
            SCORE_COLUMNS[c],
            `expected an integer from 1 to 5 or a blank cell, got ${JSON.stringify(raw)}`,
          );
          ok = false;
        } else {
          scores[c] = v;
          if (v === null) summary.blanks[c]++;
        }
      }
      const rawH = cell(HALLUCINATION_COLUMN);
      const hallucination = parseHallucination(rawH);
      if (hallucination === undefined) {
        at(
          HALLUCINATION_COLUMN,
          `expected "${HALLUCINATION_VALUES.yes}", "${HALLUCINATION_VALUES.no}" or a blank cell, got ${
            JSON.stringify(rawH)
          }`,
        );
        ok = false;
      } else if (hallucination === null) summary.blanks.hallucination++;
      if (!ok) continue;
      const id = `${question}\u0000${label}`;
      const before = seen.get(id);
      if (before !== undefined) {
        at("вариант", `question "${question}", label "${label}" already appears in row ${before}`);
        continue;
      }
      seen.set(id, row);
      if (!labelsByQuestion.has(question)) labelsByQuestion.set(question, new Set());
      labelsByQuestion.get(question)!.add(label);
      let run: string | null = null;
      if (keyMap) {
        const item = keyMap.get(id);
        if (!item) {
          if (!keyLabels.has(question)) {
            at("номер_вопроса", `question "${question}" is not in the key`);
          } else {at(
              "вариант",
              `label "${label}" is not in the key for question "${question}" (key has ${
                keyLabels.get(question)!.join(", ")
              })`,
            );}
          continue;
        }
        if (
          item.answer_sha256 !== null && index.has("ответ_модели") &&
          answerFingerprint(cell("ответ_модели")) !== item.answer_sha256
        ) {
          at(
            "ответ_модели",
            `the answer differs from the one prepared for question "${question}", label "${label}" (were rows re-sorted or edited?)`,
          );
          continue;
        }
        run = item.run;
      }
      if (
        scores.correctness === null && scores.completeness === null && scores.relevance === null &&
        hallucination === null
      ) {
        summary.unratedRows++;
      }
      ratings.push({
        rater,
        question,
        label,
        run,
        ...scores,
        hallucination: hallucination ?? null,
        file,
        row,
      });
    }
    if (key) {
      for (const it of key.items) {
        if (!seen.has(`${it.question}\u0000${it.label}`)) {
          problems.push({
            file,
            row: null,
            column: null,
            message:
              `missing row: question "${it.question}", label "${it.label}" of the key has no row`,
          });
        }
      }
    } else {
      const all = [...new Set([...labelsByQuestion.values()].flatMap((s) => [...s]))].sort();
      for (const [q, labels] of labelsByQuestion) {
        const lacking = all.filter((l) => !labels.has(l));
        if (lacking.length > 0) {
          problems.push({
            file,
            row: null,
            column: null,
            message: `missing row${lacking.length > 1 ? "s" : ""}: question "${q}" has no label ${
              lacking.join(", ")
            } (other questions have ${all.join(", ")})`,
          });
        }
      }
    }
    sheets.push(summary);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, maxProblems).map((p) => `  ${describe(p)}`);
    const more = problems.length > maxProblems
      ? [`  ... and ${problems.length - maxProblems} more`]
      : [];
    throw new RangeError(
      `Cannot read expert-evaluation sheets: ${problems.length} problem${
        problems.length > 1 ? "s" : ""
      }\n${[...shown, ...more].join("\n")}`,
    );
  }
  return { ratings, sheets, raters: [...raters.keys()], key };
}
