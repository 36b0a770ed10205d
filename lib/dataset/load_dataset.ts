/**
 * Loads Alpaca JSONL dataset files into one Polars frame, one row per example, with the
 * classifications and word counts the dataset analysis needs computed while reading.
 * @module
 */
import pl from "nodejs-polars";
import type { DetectLanguageOptions } from "../text/language.ts";
import { type DomainOptions, DOMAINS } from "../text/domain.ts";
import { type AlpacaRow, type JsonlFileReport, readAlpacaJsonl } from "./read_alpaca_jsonl.ts";
import { type DatasetFile, resolveDatasetFiles } from "./resolve_dataset_files.ts";
import { rowClassifier, rowLabels } from "./_classify_row.ts";
import { fromRoot } from "../io/paths.ts";

/** The text fields of a row, in the order used everywhere. */
export const TEXT_FIELDS = ["instruction", "input", "output"] as const;

/** A loaded dataset. */
export interface Dataset {
  /**
   * One row per example, in split then file order. Columns:
   * - `split` (string), `line` (Int32, 1-based line in its file);
   * - `instruction`, `input`, `output` (strings; only with `text: true`);
   * - `language_legacy`: the study's rule on instruction + input + output (`kz` | `ru`);
   * - `language`: the letter-share rule with a mixed class (`kz` | `ru` | `mixed` | `none`);
   * - `domain_primary`: the study's first-match domain or `other`;
   * - `domain_<name>` (Boolean) for each of the ten domains: the multi-label match;
   * - `n_domains` (Int32): how many domains matched;
   * - `words_instruction`, `words_input`, `words_output` (Int32): Python `len(text.split())`.
   */
  frame: pl.DataFrame;
  /** The files read, in order, with their split names, hashes and skipped lines. */
  files: (JsonlFileReport & { split: string })[];
}

/** Options for {@linkcode loadDataset}. */
export interface LoadDatasetOptions {
  /** Skip and count malformed lines instead of stopping. Default: `false`. */
  skipBadLines?: boolean;
  /** Keep the three text columns (needed for duplicate detection). Default: `true`. */
  text?: boolean;
  /** Rows gathered in JavaScript before they move into Polars. Default: `65536`. */
  chunkRows?: number;
  /** Thresholds of the letter-share language rule. Default: `detectLanguage`'s. */
  language?: DetectLanguageOptions;
  /** Domain keyword options. Default: the study's keywords and behaviour. */
  domain?: DomainOptions;
}

/** Column builder for one chunk of rows. */
class Chunk {
  split: string[] = [];
  line: number[] = [];
  instruction: string[] = [];
  input: string[] = [];
  output: string[] = [];
  legacy: string[] = [];
  language: string[] = [];
  primary: string[] = [];
  domainBits: number[] = [];
  nDomains: number[] = [];
  words: [number[], number[], number[]] = [[], [], []];
  get length(): number {
    return this.line.length;
  }
}

function chunkFrame(c: Chunk, text: boolean): pl.DataFrame {
  const cols: pl.Series[] = [
    pl.Series("split", c.split, pl.Utf8),
    pl.Series("line", Int32Array.from(c.line)),
  ];
  if (text) {
    cols.push(
      pl.Series("instruction", c.instruction, pl.Utf8),
      pl.Series("input", c.input, pl.Utf8),
      pl.Series("output", c.output, pl.Utf8),
    );
  }
  cols.push(
    pl.Series("language_legacy", c.legacy, pl.Utf8),
    pl.Series("language", c.language, pl.Utf8),
    pl.Series("domain_primary", c.primary, pl.Utf8),
  );
  // Boolean columns go in as 0/1 bytes cast to Boolean: the same values, but Polars copies one
  // typed array instead of converting a JavaScript array of booleans one element at a time
  // (about 20 times faster).
  const flags = new Uint8Array(c.length);
  DOMAINS.forEach((d, i) => {
    for (let r = 0; r < flags.length; r++) flags[r] = (c.domainBits[r] >> i) & 1;
    cols.push(pl.Series(`domain_${d}`, flags).cast(pl.Bool));
  });
  cols.push(pl.Series("n_domains", Int32Array.from(c.nDomains)));
  TEXT_FIELDS.forEach((f, i) => cols.push(pl.Series(`words_${f}`, Int32Array.from(c.words[i]))));
  return pl.DataFrame(cols);
}

/**
 * Reads dataset files or folders (see {@linkcode resolveDatasetFiles}) into one frame.
 *
 * Each row is classified on the text the study used, `` `${instruction} ${input} ${output}` ``
 * (the output is the reference answer): language by the study's rule (`legacyLanguage`) and by
 * the letter-share rule (`detectLanguage`), domains by the study's keywords (`matchDomains`; the
 * first match is the primary domain, none is `other`). Rows move into Polars in chunks of
 * `chunkRows`, so the texts are held once (in Polars), plus at most one chunk in JavaScript.
 *
 * @param paths Dataset files or folders.
 * @param options See {@linkcode LoadDatasetOptions}.
 * @example
 * ```ts
 * import { loadDataset } from "./load_dataset.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/train.jsonl`, [
 *   { instruction: "Какая ставка НДС?", input: "", output: "12 процентов (статья 422 Налогового кодекса РК)." },
 *   { instruction: "Еңбек демалысы неше күн?", input: "", output: "24 күн." },
 * ].map((r) => JSON.stringify(r)).join("\n"));
 * const { frame, files } = await loadDataset([dir]);
 * assert.deepEqual(frame.getColumn("language_legacy").toArray(), ["ru", "kz"]);
 * assert.deepEqual(frame.getColumn("domain_primary").toArray(), ["tax", "labor"]);
 * assert.deepEqual(frame.getColumn("words_output").toArray(), [7, 2]);
 * assert.equal(files[0].split, "train");
 * ```
 */
export async function loadDataset(
  paths: readonly string[],
  options: LoadDatasetOptions = {},
): Promise<Dataset> {
  paths = paths.map(fromRoot); // relative paths: to the repository root
  const { skipBadLines = false, text = true, chunkRows = 65536, language = {}, domain = {} } =
    options;
  if (!(Number.isInteger(chunkRows) && chunkRows > 0)) {
    throw new RangeError(`chunkRows must be a positive integer, got ${chunkRows}`);
  }
  const files: DatasetFile[] = await resolveDatasetFiles(paths);
  const frames: pl.DataFrame[] = [];
  const reports: Dataset["files"] = [];
  let chunk = new Chunk();
  const classify = rowClassifier({ language, domain });
  const labels = rowLabels();
  const flush = () => {
    if (chunk.length === 0) return;
    frames.push(chunkFrame(chunk, text));
    chunk = new Chunk();
  };
  for (const file of files) {
    const onRow = (row: AlpacaRow) => {
      classify(row.instruction, row.input, row.output, labels);
      chunk.split.push(file.split);
      chunk.line.push(row.line);
      if (text) {
        chunk.instruction.push(row.instruction);
        chunk.input.push(row.input);
        chunk.output.push(row.output);
      }
      chunk.legacy.push(labels.legacy);
      chunk.language.push(labels.language);
      chunk.primary.push(labels.primary);
      chunk.domainBits.push(labels.domainBits);
      chunk.nDomains.push(labels.nDomains);
      chunk.words[0].push(labels.words[0]);
      chunk.words[1].push(labels.words[1]);
      chunk.words[2].push(labels.words[2]);
      if (chunk.length >= chunkRows) flush();
    };
    const report = await readAlpacaJsonl(file.path, onRow, { skipBadLines });
    reports.push({ ...report, split: file.split });
  }
  flush();
  const frame = frames.length === 1
    ? frames[0]
    : pl.concat(frames, { rechunk: false, how: "vertical" });
  return { frame, files: reports };
}
