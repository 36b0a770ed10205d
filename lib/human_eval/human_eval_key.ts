/**
 * The key of a blind evaluation: which run wrote the answer under each (question, label). It is
 * kept in its own file, never sent to the raters, and read back when their sheets return.
 *
 * Two shapes are read: the workbench's own (`format: "workbench-human-eval-key"`, written by
 * {@linkcode writeHumanEval}) and the study's (`{"Q<question>_<label>": "<model label>", ...}`,
 * as written by its `prepare_human_eval.py`).
 * @module
 */
import { createHash } from "node:crypto";
import { fromRoot } from "../io/paths.ts";

/** The `format` field of a workbench key file. */
export const KEY_FORMAT = "workbench-human-eval-key";

/** One (question, label) of a sheet and the run behind it. */
export interface HumanEvalKeyItem {
  /** Question id as written in the sheet's `номер_вопроса`: the result files' sample id. */
  question: string;
  /** Anonymous label in `вариант` (`A`, `B`, ...). */
  label: string;
  /** Run id (result file stem) that wrote the answer. */
  run: string;
  /** Fingerprint of the answer cell as written ({@linkcode answerFingerprint}); `null` if unknown. */
  answer_sha256: string | null;
  /**
   * How a reasoning trace was removed from the answer before it went to the raters
   * (`"think-tags"` or `"monologue"`, see lib/behaviour); `null` when none was. Key version 2;
   * absent (read as `null`) in version 1.
   */
  trace_removed?: "think-tags" | "monologue" | null;
  /** Characters removed with the trace (0 when none was). Key version 2. */
  trace_chars?: number;
}

/** A result file a sheet was prepared from. */
export interface HumanEvalKeySource {
  run: string;
  path: string;
  sha256: string;
}

/** Versions of the workbench key that {@linkcode parseHumanEvalKey} reads. */
export const KEY_VERSIONS = [1, 2] as const;

/** A parsed key file. */
export interface HumanEvalKey {
  format: typeof KEY_FORMAT;
  /** 1: the first shape; 2 adds `seed_source`, `warnings` and per-item `trace_removed`/`trace_chars`. */
  version: typeof KEY_VERSIONS[number];
  /**
   * Seed of the question choice and the shuffles; `null` for the study's keys. Drawn afresh by
   * default and written only here, so the key cannot be rebuilt from the sheets.
   */
  seed: number | null;
  /** Whether the seed was drawn at random or given (`--seed`); `null` when unknown (version 1). */
  seed_source?: "random" | "given" | null;
  /** Cues that may still tell runs apart (length, language, cut answers), noted when preparing. */
  warnings?: string[];
  /** Runs in the evaluation, in the order they were given. */
  runs: string[];
  /** Result files the answers came from. */
  sources: HumanEvalKeySource[];
  /** Every (question, label), in sheet order. */
  items: HumanEvalKeyItem[];
}

/**
 * The fingerprint of an answer cell: SHA-256 (hex) of its text with runs of whitespace collapsed
 * to one space, the ends trimmed and one leading apostrophe (the formula guard, which Excel
 * drops when it re-saves a CSV as XLSX) removed, so that such changes made by a spreadsheet do
 * not count as edits. Used on ingest to catch re-sorted or edited rows.
 *
 * @example
 * ```ts
 * import { answerFingerprint } from "./human_eval_key.ts";
 * import assert from "node:assert/strict";
 * assert.equal(answerFingerprint("Салық\r\nкодексі "), answerFingerprint("Салық кодексі"));
 * assert.equal(answerFingerprint("'  =1+1"), answerFingerprint("  =1+1"));
 * assert.notEqual(answerFingerprint("ст. 65"), answerFingerprint("ст. 66"));
 * ```
 */
export function answerFingerprint(text: string): string {
  const normal = text.replace(/^'/, "").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normal, "utf8").digest("hex");
}

function fail(file: string, what: string): never {
  throw new TypeError(`Cannot load human-evaluation key "${file}": ${what}`);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const ITEM_KEYS = new Set(["question", "label", "run", "answer_sha256"]);
const ITEM_KEYS_V2 = new Set([...ITEM_KEYS, "trace_removed", "trace_chars"]);
const TOP_KEYS = new Set(["format", "version", "seed", "runs", "sources", "items", "note"]);
const TOP_KEYS_V2 = new Set([...TOP_KEYS, "seed_source", "warnings"]);

/**
 * Parses a key file's text (either shape) and checks it: every (question, label) once, labels
 * single capital letters, runs listed.
 *
 * @param text The file's text.
 * @param file Path used in error messages.
 * @throws {SyntaxError} when the text is not JSON.
 * @throws {TypeError} when a field is missing, has the wrong type, or a (question, label) repeats.
 *
 * @example
 * ```ts
 * import { parseHumanEvalKey } from "./human_eval_key.ts";
 * import assert from "node:assert/strict";
 * const key = parseHumanEvalKey('{"Q0_A": "Qwen3-4B FT", "Q0_B": "Qwen3-4B Base"}', "key.json");
 * assert.deepEqual(key.runs, ["Qwen3-4B FT", "Qwen3-4B Base"]);
 * assert.equal(key.items[1].run, "Qwen3-4B Base");
 * assert.throws(() => parseHumanEvalKey('{"Q0_a": "x"}', "key.json"), /Q0_a/);
 * ```
 */
export function parseHumanEvalKey(text: string, file: string): HumanEvalKey {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SyntaxError(
      `Cannot parse human-evaluation key "${file}": ${(error as Error).message}`,
    );
  }
  if (!isObject(data)) fail(file, "(root) must be an object");
  const key = data.format === undefined ? fromStudyKey(data, file) : fromWorkbenchKey(data, file);
  const seen = new Set<string>();
  for (const [i, item] of key.items.entries()) {
    const id = `${item.question}\u0000${item.label}`;
    if (seen.has(id)) {
      fail(file, `items[${i}]: question "${item.question}", label "${item.label}" appears twice`);
    }
    seen.add(id);
    if (!key.runs.includes(item.run)) {
      fail(file, `items[${i}].run "${item.run}" is not listed in runs`);
    }
  }
  if (key.items.length === 0) fail(file, "it maps no (question, label) to a run");
  return key;
}

function fromStudyKey(data: Record<string, unknown>, file: string): HumanEvalKey {
  const items: HumanEvalKeyItem[] = [];
  const runs: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    const m = /^Q(.+)_([A-Z])$/.exec(k);
    if (!m) fail(file, `"${k}" is not a key of the form Q<question>_<label> (label A-Z)`);
    if (typeof v !== "string" || v === "") fail(file, `"${k}" must map to a non-empty model label`);
    if (!runs.includes(v)) runs.push(v);
    items.push({ question: m[1], label: m[2], run: v, answer_sha256: null });
  }
  return { format: KEY_FORMAT, version: 1, seed: null, runs, sources: [], items };
}

function fromWorkbenchKey(data: Record<string, unknown>, file: string): HumanEvalKey {
  if (data.format !== KEY_FORMAT) {
    fail(file, `format must be "${KEY_FORMAT}", got ${JSON.stringify(data.format)}`);
  }
  if (!KEY_VERSIONS.includes(data.version as 1 | 2)) {
    fail(
      file,
      `version ${JSON.stringify(data.version)} is not supported (expected ${
        KEY_VERSIONS.join(" or ")
      })`,
    );
  }
  const version = data.version as 1 | 2;
  const topKeys = version === 1 ? TOP_KEYS : TOP_KEYS_V2;
  const itemKeys = version === 1 ? ITEM_KEYS : ITEM_KEYS_V2;
  for (const k of Object.keys(data)) if (!topKeys.has(k)) fail(file, `unknown field "${k}"`);
  const seedSource = data.seed_source;
  if (
    seedSource !== undefined && seedSource !== null && seedSource !== "random" &&
    seedSource !== "given"
  ) {
    fail(file, `seed_source must be "random", "given" or null, got ${JSON.stringify(seedSource)}`);
  }
  const warnings = data.warnings;
  if (
    warnings !== undefined &&
    !(Array.isArray(warnings) && warnings.every((w) => typeof w === "string"))
  ) {
    fail(file, "warnings must be a list of strings");
  }
  if (data.seed !== null && !Number.isInteger(data.seed)) {
    fail(file, "seed must be an integer or null");
  }
  const runs = data.runs;
  if (!Array.isArray(runs) || !runs.every((r) => typeof r === "string" && r !== "")) {
    fail(file, "runs must be a list of run ids");
  }
  const sources = data.sources;
  if (!Array.isArray(sources)) fail(file, "sources must be a list");
  for (const [i, s] of sources.entries()) {
    if (
      !isObject(s) || typeof s.run !== "string" || typeof s.path !== "string" ||
      typeof s.sha256 !== "string"
    ) {
      fail(file, `sources[${i}] must have run, path and sha256 strings`);
    }
  }
  const items = data.items;
  if (!Array.isArray(items)) fail(file, "items must be a list");
  for (const [i, item] of items.entries()) {
    if (!isObject(item)) fail(file, `items[${i}] must be an object`);
    for (const k of Object.keys(item)) {
      if (!itemKeys.has(k)) fail(file, `items[${i}] has unknown field "${k}"`);
    }
    const removed = item.trace_removed;
    if (
      removed !== undefined && removed !== null && removed !== "think-tags" &&
      removed !== "monologue"
    ) {
      fail(file, `items[${i}].trace_removed must be "think-tags", "monologue" or null`);
    }
    const chars = item.trace_chars;
    if (chars !== undefined && !(Number.isInteger(chars) && (chars as number) >= 0)) {
      fail(file, `items[${i}].trace_chars must be a non-negative integer`);
    }
    for (const k of ["question", "label", "run"]) {
      if (typeof item[k] !== "string" || item[k] === "") {
        fail(file, `items[${i}].${k} must be a non-empty string`);
      }
    }
    if (!/^[A-Z]$/.test(item.label as string)) {
      fail(file, `items[${i}].label must be one capital letter A-Z, got "${item.label}"`);
    }
    const fp = item.answer_sha256;
    if (fp !== undefined && fp !== null && (typeof fp !== "string" || !/^[0-9a-f]{64}$/.test(fp))) {
      fail(file, `items[${i}].answer_sha256 must be 64 hex digits or null`);
    }
  }
  return {
    format: KEY_FORMAT,
    version,
    seed: data.seed as number | null,
    seed_source: (seedSource as "random" | "given" | null | undefined) ?? null,
    warnings: (warnings as string[] | undefined) ?? [],
    runs: runs as string[],
    sources: sources as HumanEvalKeySource[],
    items: (items as Record<string, unknown>[]).map((it) => ({
      question: it.question as string,
      label: it.label as string,
      run: it.run as string,
      answer_sha256: (it.answer_sha256 as string | null | undefined) ?? null,
      trace_removed: (it.trace_removed as "think-tags" | "monologue" | null | undefined) ?? null,
      trace_chars: (it.trace_chars as number | undefined) ?? 0,
    })),
  };
}

/** Reads and parses a key file; see {@linkcode parseHumanEvalKey}. */
export async function readHumanEvalKey(path: string): Promise<HumanEvalKey> {
  path = fromRoot(path); // relative paths: to the repository root
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new Error(`Cannot read human-evaluation key "${path}": ${(error as Error).message}`);
  }
  return parseHumanEvalKey(text, path);
}
