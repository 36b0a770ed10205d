/**
 * Streaming reader of Alpaca-format JSONL (`{"instruction": ..., "input": ..., "output": ...}`
 * per line): reads the file in blocks, checks UTF-8 and every row's shape, and hands rows to a
 * callback one at a time, so a file of any size is never held in memory whole.
 * @module
 */
import { createHash } from "node:crypto";
import { displayPath, fromRoot } from "../io/paths.ts";

/** One dataset row. */
export interface AlpacaRow {
  instruction: string;
  input: string;
  output: string;
  /** 1-based line number in the file. */
  line: number;
}

/** A line that was skipped (only with `skipBadLines`). */
export interface BadLine {
  /** 1-based line number. */
  line: number;
  /** What was wrong, e.g. `not valid JSON (Unexpected end of JSON input)`. */
  reason: string;
}

/** What {@linkcode readAlpacaJsonl} read from one file. */
export interface JsonlFileReport {
  /** Absolute path. */
  path: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
  /** Rows handed to the callback. */
  rows: number;
  /** Lines holding only whitespace (ignored, not errors). */
  blankLines: number;
  /** Malformed lines skipped (0 unless `skipBadLines`). */
  badLineCount: number;
  /** The first {@linkcode ReadAlpacaJsonlOptions.keepBadLines} skipped lines. */
  badLines: BadLine[];
}

/** Options for {@linkcode readAlpacaJsonl}. */
export interface ReadAlpacaJsonlOptions {
  /** Skip and count malformed lines instead of throwing. Default: `false`. */
  skipBadLines?: boolean;
  /** How many skipped lines to list in the report (all are counted). Default: `100`. */
  keepBadLines?: number;
  /** Bytes read at a time. Default: `1 << 20` (1 MiB). */
  blockSize?: number;
}

/** The Alpaca fields every row must have, as strings. */
export const ALPACA_FIELDS = ["instruction", "input", "output"] as const;

const NEWLINE = 0x0a;

/** Why a line is not a row, or null when it is one. */
function checkRow(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `expected a JSON object with ${ALPACA_FIELDS.join(", ")}, got ${
      Array.isArray(value) ? "an array" : value === null ? "null" : typeof value
    }`;
  }
  const row = value as Record<string, unknown>;
  for (const f of ALPACA_FIELDS) {
    if (!(f in row)) return `field "${f}" is missing`;
    if (typeof row[f] !== "string") {
      return `field "${f}" must be a string, got ${row[f] === null ? "null" : typeof row[f]}`;
    }
  }
  return null;
}

/**
 * Reads an Alpaca JSONL file and calls `onRow` for each row, in file order.
 *
 * Rules: UTF-8 only (a byte-order mark at the start is allowed; any invalid byte is an error
 * naming its line, whatever `skipBadLines` says, because it means the whole file is in another
 * encoding); `\n` or `\r\n` line ends; lines of only whitespace are ignored; every other line
 * must be a JSON object whose `instruction`, `input` and `output` are strings (other fields are
 * ignored). A malformed line throws (`SyntaxError` for bad JSON, `TypeError` for a wrong shape)
 * naming the file and line, unless `skipBadLines` is set, in which case it is counted. A file
 * with no rows is an error either way.
 *
 * @param path File to read.
 * @param onRow Called with each row.
 * @param options See {@linkcode ReadAlpacaJsonlOptions}.
 * @returns What was read, with the file's SHA-256.
 * @example
 * ```ts
 * import { readAlpacaJsonl } from "./read_alpaca_jsonl.ts";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(path, '{"instruction":"Салық?","input":"","output":"Иә."}\n{"instruction":1}\n');
 * await assert.rejects(readAlpacaJsonl(path, () => {}), /line 2: field "instruction" must be a string/);
 * const rows: string[] = [];
 * const report = await readAlpacaJsonl(path, (r) => rows.push(r.instruction), { skipBadLines: true });
 * assert.deepEqual(rows, ["Салық?"]);
 * assert.equal(report.badLineCount, 1);
 * ```
 */
export async function readAlpacaJsonl(
  path: string,
  onRow: (row: AlpacaRow) => void,
  options: ReadAlpacaJsonlOptions = {},
): Promise<JsonlFileReport> {
  path = fromRoot(path); // relative paths: to the repository root
  const { skipBadLines = false, keepBadLines = 100, blockSize = 1 << 20 } = options;
  if (!(Number.isInteger(blockSize) && blockSize >= 16)) {
    throw new RangeError(`blockSize must be an integer >= 16, got ${blockSize}`);
  }
  const where = `Cannot read dataset "${displayPath(path)}"`;
  let file: Deno.FsFile;
  try {
    if ((await Deno.stat(path)).isDirectory) {
      throw new TypeError(`${where}: it is a folder, expected a .jsonl file`);
    }
    file = await Deno.open(path, { read: true });
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw new Error(`${where}: the file does not exist`);
    throw error;
  }
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const report: JsonlFileReport = {
    path,
    sha256: "",
    bytes: 0,
    rows: 0,
    blankLines: 0,
    badLineCount: 0,
    badLines: [],
  };
  let lineNo = 0;

  const bad = (reason: string, kind: "syntax" | "type") => {
    if (!skipBadLines) {
      const message =
        `${where}: line ${lineNo}: ${reason} (use --skip-bad-lines to skip and count such lines)`;
      throw kind === "syntax" ? new SyntaxError(message) : new TypeError(message);
    }
    report.badLineCount++;
    if (report.badLines.length < keepBadLines) report.badLines.push({ line: lineNo, reason });
  };

  const handleLine = (text: string) => {
    lineNo++;
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    if (text.trim() === "") {
      report.blankLines++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return bad(`not valid JSON (${(error as Error).message})`, "syntax");
    }
    const problem = checkRow(value);
    if (problem !== null) return bad(problem, "type");
    const r = value as Record<string, string>;
    report.rows++;
    onRow({ instruction: r.instruction, input: r.input, output: r.output, line: lineNo });
  };

  /** Decodes whole lines; on invalid UTF-8 finds the line and throws. */
  const decodeLines = (bytes: Uint8Array): string[] => {
    try {
      return decoder.decode(bytes).split("\n");
    } catch {
      let start = 0;
      let offset = lineNo;
      for (;;) {
        const end = bytes.indexOf(NEWLINE, start);
        const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
        offset++;
        try {
          decoder.decode(slice);
        } catch {
          throw new TypeError(
            `${where}: line ${offset} is not valid UTF-8 (byte offset ${
              report.bytes - pendingTail + start
            }); ` +
              `datasets must be UTF-8 (convert with e.g. iconv -f cp1251 -t utf-8)`,
          );
        }
        if (end === -1) break;
        start = end + 1;
      }
      throw new TypeError(`${where}: not valid UTF-8`);
    }
  };

  let carry: Uint8Array = new Uint8Array(0);
  let pendingTail = 0; // bytes of `carry` + block not yet consumed as lines, for error offsets
  const buffer = new Uint8Array(blockSize);
  try {
    for (;;) {
      const n = await file.read(buffer);
      if (n === null) break;
      const block = buffer.subarray(0, n);
      hash.update(block);
      report.bytes += n;
      const last = block.lastIndexOf(NEWLINE);
      if (last === -1) {
        const grown = new Uint8Array(carry.length + n);
        grown.set(carry);
        grown.set(block, carry.length);
        carry = grown;
        continue;
      }
      const head = new Uint8Array(carry.length + last);
      head.set(carry);
      head.set(block.subarray(0, last), carry.length);
      pendingTail = carry.length + n;
      for (const line of decodeLines(head)) handleLine(line);
      carry = block.slice(last + 1);
    }
    if (carry.length > 0) {
      pendingTail = carry.length;
      for (const line of decodeLines(carry)) handleLine(line);
    }
  } finally {
    file.close();
  }
  report.sha256 = hash.digest("hex");
  if (report.bytes === 0) throw new RangeError(`${where}: the file is empty`);
  if (report.rows === 0) {
    const why = report.badLineCount > 0
      ? `all ${report.badLineCount} non-blank lines are malformed`
      : "it holds only blank lines";
    throw new RangeError(`${where}: no rows (${why})`);
  }
  return report;
}
