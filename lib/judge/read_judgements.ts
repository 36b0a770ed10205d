/**
 * Reads judgement files (JSONL, one {@linkcode JudgementRecord} a line) from folders or files,
 * validating every line; and picks the judgement that counts for each key (the last one written).
 * @module
 */
import { join } from "node:path";
import { displayPath, fromRoot } from "../io/paths.ts";
import { sha256Hex } from "../io/sha256.ts";
import type { SourceFile } from "../io/source_file.ts";
import {
  checkJudgementRecord,
  type JudgementRecord,
  type StoredJudgement,
} from "./judgement_record.ts";

/** What {@linkcode readJudgements} read. */
export interface JudgementSet {
  /** Every record, in file order (files in the order found). */
  stored: StoredJudgement[];
  /** The files read, with their SHA-256. */
  files: SourceFile[];
}

/**
 * The records of one JSONL text. An unfinished last line (no newline at the end, and not valid
 * JSON: a write cut short by a killed run) is reported as `partial` rather than parsed, when
 * `allowPartial` is set; any other bad line is an error naming the file and the line.
 */
export async function parseJudgementLines(
  text: string,
  file: string,
  options: { allowPartial?: boolean; path?: string } = {},
): Promise<{ stored: StoredJudgement[]; partial: string | null }> {
  const lines = text.split("\n");
  let partial: string | null = null;
  const last = lines.pop()!; // "" when the text ends with a newline
  if (last.trim() !== "") {
    let complete = true;
    try {
      JSON.parse(last);
    } catch {
      complete = false;
    }
    if (complete) lines.push(last);
    else if (options.allowPartial) partial = last;
    else {
      throw new SyntaxError(
        `Cannot read judgements "${file}": line ${
          lines.length + 1
        } is cut short (an interrupted judge run?); run \`deno task judge\` with the same --out again to resume, which repairs it`,
      );
    }
  }
  const stored: StoredJudgement[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(
        `Cannot read judgements "${file}": line ${i + 1} is not valid JSON (${
          (error as Error).message
        })`,
      );
    }
    const problem = checkJudgementRecord(value);
    if (problem) throw new TypeError(`Cannot read judgements "${file}": line ${i + 1}: ${problem}`);
    stored.push({
      record: value as JudgementRecord,
      file,
      path: options.path ?? file,
      line: i + 1,
      sha256: await sha256Hex(line),
    });
  }
  return { stored, partial };
}

/**
 * Decodes a judgement file: UTF-8 up to its last newline (anything else is an error naming the
 * file); a last line cut short, possibly inside a character, is decoded leniently so that
 * {@linkcode parseJudgementLines} can report (or drop) it as unfinished.
 */
export function decodeJudgements(bytes: Uint8Array, file: string): string {
  const end = bytes.lastIndexOf(0x0a) + 1;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
  } catch {
    throw new SyntaxError(`Cannot read judgements "${file}": it is not UTF-8`);
  }
  return text + new TextDecoder().decode(bytes.subarray(end));
}

/**
 * Reads judgements: each path is a JSONL file, or a folder whose `*.jsonl` files (not
 * recursively, sorted by name) are read.
 *
 * @throws {Error} naming a path that does not exist or a folder without a `.jsonl` file.
 * @throws {SyntaxError} or {@linkcode TypeError} naming the file and line of a bad record.
 */
export async function readJudgements(paths: readonly string[]): Promise<JudgementSet> {
  paths = paths.map(fromRoot); // relative paths: to the repository root
  const files: string[] = [];
  for (const p of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(p);
    } catch {
      throw new Error(`Judgements "${displayPath(p)}" do not exist`);
    }
    if (info.isDirectory) {
      const found = (await Array.fromAsync(Deno.readDir(p)))
        .filter((e) => e.isFile && e.name.endsWith(".jsonl") && !e.name.startsWith("."))
        .map((e) => join(p, e.name)).sort();
      if (found.length === 0) {
        throw new Error(`Judgements folder "${displayPath(p)}" holds no .jsonl file`);
      }
      files.push(...found);
    } else files.push(p);
  }
  const stored: StoredJudgement[] = [];
  const sources: SourceFile[] = [];
  for (const f of files) {
    const bytes = await Deno.readFile(f);
    const parsed = await parseJudgementLines(
      decodeJudgements(bytes, displayPath(f)),
      displayPath(f),
      { path: f },
    );
    stored.push(...parsed.stored);
    sources.push({ path: f, sha256: await sha256Hex(bytes) });
  }
  return { stored, files: sources };
}

/**
 * The judgement that counts for each key: the last one written (a judgement asked again, e.g.
 * after a request error, replaces the earlier one). Order: first appearance of each key.
 *
 * @example
 * ```ts
 * import { latestJudgements } from "./read_judgements.ts";
 * import assert from "node:assert/strict";
 * const s = (key: string, status: string) => ({ record: { key, status }, file: "j.jsonl", line: 1, sha256: "" }) as never;
 * assert.deepEqual(latestJudgements([s("k1", "error"), s("k2", "ok"), s("k1", "ok")]).map((x: any) => [x.record.key, x.record.status]), [["k1", "ok"], ["k2", "ok"]]);
 * ```
 */
export function latestJudgements(stored: readonly StoredJudgement[]): StoredJudgement[] {
  const byKey = new Map<string, StoredJudgement>();
  for (const s of stored) {
    byKey.delete(s.record.key);
    byKey.set(s.record.key, s);
  }
  const first = new Map<string, number>();
  stored.forEach((s, i) => {
    if (!first.has(s.record.key)) first.set(s.record.key, i);
  });
  return [...byKey.values()].sort((a, b) => first.get(a.record.key)! - first.get(b.record.key)!);
}

/**
 * The files of `set` that hold at least one judgement matching `keep` (for a table's list of
 * inputs), in the order read.
 *
 * @example
 * ```ts
 * import { judgementFiles } from "./read_judgements.ts";
 * import assert from "node:assert/strict";
 * const set = { files: [{ path: "/j/a.jsonl", sha256: "1" }, { path: "/j/b.jsonl", sha256: "2" }],
 *   stored: [{ record: { mode: "pairwise" }, file: "x", path: "/j/b.jsonl" }] } as never;
 * assert.deepEqual(judgementFiles(set, (r) => r.mode === "pairwise"), [{ path: "/j/b.jsonl", sha256: "2" }]);
 * ```
 */
export function judgementFiles(
  set: JudgementSet,
  keep: (record: JudgementRecord) => boolean = () => true,
): SourceFile[] {
  const used = new Set(set.stored.filter((s) => keep(s.record)).map((s) => s.path));
  return set.files.filter((f) => used.has(f.path));
}
