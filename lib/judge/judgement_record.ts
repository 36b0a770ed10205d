/**
 * One judgement as it is stored: a line of a JSONL file, written when the judgement finishes.
 * It names what was judged (question, run(s), the answers), what the judge said (criteria or a
 * verdict, every raw reply, how many attempts), and who judged with which settings and prompt
 * (model, base URL, sampling settings, rubric and the SHA-256 of its prompt templates), so that
 * every table and every exported training row can be traced to it.
 *
 * Status: `ok` (a valid reply), `failed` (the judge replied, but no reply was valid after every
 * attempt: final, like a score) or `error` (no reply: the server failed or timed out after every
 * retry; asked again by the next run). Failed and errored judgements are kept and counted, never
 * dropped or guessed.
 * @module
 */
import { sha256Hex } from "../io/sha256.ts";
import type { SourceFile } from "../io/source_file.ts";
import type { CriteriaValues, Verdict } from "./parse_reply.ts";
import type { JudgeMode, PromptQuestion } from "./rubric.ts";
import type { ChatSettings } from "./chat_client.ts";

/** The `format` field of every record. */
export const JUDGEMENT_FORMAT = "workbench-judgement";
/** The record version this code writes and reads. */
export const JUDGEMENT_VERSION = 1;

/** Outcome of one judgement. */
export type JudgementStatus = "ok" | "failed" | "error";

/** Pairwise order: `ab` shows run_a's answer as A, `ba` shows it as B. */
export type PairOrder = "ab" | "ba";

/** One reply of the judge and why it was not accepted (`null`: accepted). */
export interface JudgeReplyRecord {
  content: string;
  error: string | null;
  finish_reason: string | null;
}

/** Who judged, how. */
export interface JudgeIdentity {
  model: string;
  /** The base URL as given (no key is ever recorded). */
  base_url: string;
  rubric: string;
  rubric_version: string;
  /** SHA-256 of the rubric's prompt templates for this mode. */
  template_sha256: string;
  /** Sampling settings: they shape the reply and are part of the cache key. */
  settings: ChatSettings;
  /** Timeout, retries and attempts: recorded, not part of the cache key. */
  transport: { timeout_s: number; max_retries: number; max_attempts: number };
}

/** One stored judgement. */
export interface JudgementRecord {
  format: typeof JUDGEMENT_FORMAT;
  version: typeof JUDGEMENT_VERSION;
  /** Cache key: SHA-256 of what determines the reply (see {@linkcode judgementKey}). */
  key: string;
  mode: JudgeMode;
  /** Pairwise: which order this request showed; `null` in single mode. */
  order: PairOrder | null;
  source: "results" | "sheet";
  /** Question id. */
  id: string;
  /** Sheet label; `null` for result files. */
  label: string | null;
  /** `[run]`, or `[run_a, run_b]` in pairwise mode (whatever the order shown). */
  runs: string[];
  question: PromptQuestion;
  /** The answers, one per run, in `runs` order. */
  answers: string[];
  /** Words of each answer (Python `str.split()` count). */
  answer_words: number[];
  /** Whether each answer is substantive (lib/behaviour); `null` when unknown. */
  substantive: (boolean | null)[];
  status: JudgementStatus;
  /** Single mode, status ok: the scores. */
  criteria: CriteriaValues | null;
  /** Pairwise, status ok: the verdict as given, in the positions shown. */
  verdict: Verdict | null;
  /** Pairwise, status ok: the verdict in run terms: a run id or `"tie"`. */
  winner: string | null;
  /** The judge's reason, when it gave one. */
  reason: string | null;
  /** The last reply received (`null` when none came). */
  raw_reply: string | null;
  /** Every reply, in order, with why it was not accepted. */
  replies: JudgeReplyRecord[];
  /** Replies asked for (attempts at a valid reply). */
  attempts: number;
  /** HTTP requests made (attempts plus transport retries). */
  requests: number;
  /** Why the judgement failed (status failed or error). */
  error: string | null;
  judge: JudgeIdentity;
  /** The files the texts came from. */
  inputs: SourceFile[];
  /** When the judgement finished (ISO 8601, UTC). */
  timestamp: string;
}

/** A record read from a file, with where it was read. */
export interface StoredJudgement {
  record: JudgementRecord;
  /** The file (display path) and its 1-based line. */
  file: string;
  /** The file as it was opened. */
  path: string;
  line: number;
  /** SHA-256 of the line's text (what provenance records cite). */
  sha256: string;
}

/** What the cache key is computed from. */
export interface KeyParts {
  mode: JudgeMode;
  order: PairOrder | null;
  source: "results" | "sheet";
  id: string;
  label: string | null;
  runs: readonly string[];
  question: PromptQuestion;
  answers: readonly string[];
  model: string;
  rubric: string;
  template_sha256: string;
  settings: ChatSettings;
}

/**
 * The cache key of a judgement: SHA-256 of everything that determines the judge's reply (the
 * texts, the order shown, the model, rubric, prompt templates and sampling settings) and the
 * identity of what is judged. The base URL, timeouts and retries are not part of it: the same
 * model behind another URL gives the same judgement.
 */
export async function judgementKey(p: KeyParts): Promise<string> {
  return await sha256Hex(JSON.stringify([
    JUDGEMENT_FORMAT,
    JUDGEMENT_VERSION,
    p.mode,
    p.order,
    p.source,
    p.id,
    p.label,
    p.runs,
    p.question.instruction,
    p.question.input,
    p.question.reference,
    p.answers,
    p.model,
    p.rubric,
    p.template_sha256,
    p.settings.temperature,
    p.settings.max_tokens,
    p.settings.seed,
  ]));
}

const isStr = (v: unknown): v is string => typeof v === "string";
const isStrOrNull = (v: unknown) => v === null || typeof v === "string";

/**
 * Checks a parsed line's shape; returns what is wrong, or `null` when it is a valid record.
 *
 * @example
 * ```ts
 * import { checkJudgementRecord } from "./judgement_record.ts";
 * import assert from "node:assert/strict";
 * assert.equal(checkJudgementRecord({ format: "workbench-judgement", version: 2 }), "version must be 1, got 2");
 * ```
 */
export function checkJudgementRecord(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected a JSON object";
  const r = v as Record<string, unknown>;
  if (r.format !== JUDGEMENT_FORMAT) {
    return `format must be "${JUDGEMENT_FORMAT}", got ${JSON.stringify(r.format)}`;
  }
  if (r.version !== JUDGEMENT_VERSION) {
    return `version must be ${JUDGEMENT_VERSION}, got ${JSON.stringify(r.version)}`;
  }
  if (!isStr(r.key) || !/^[0-9a-f]{64}$/.test(r.key)) return "key must be a SHA-256 in hex";
  if (r.mode !== "single" && r.mode !== "pairwise") {
    return `mode must be "single" or "pairwise", got ${JSON.stringify(r.mode)}`;
  }
  const nRuns = r.mode === "single" ? 1 : 2;
  if (r.mode === "single" ? r.order !== null : r.order !== "ab" && r.order !== "ba") {
    return `order must be ${
      r.mode === "single" ? "null in single mode" : '"ab" or "ba" in pairwise mode'
    }, got ${JSON.stringify(r.order)}`;
  }
  if (r.source !== "results" && r.source !== "sheet") {
    return `source must be "results" or "sheet", got ${JSON.stringify(r.source)}`;
  }
  if (!isStr(r.id)) return "id must be a string";
  if (!isStrOrNull(r.label)) return "label must be a string or null";
  for (const f of ["runs", "answers"] as const) {
    const a = r[f];
    if (!Array.isArray(a) || a.length !== nRuns || !a.every(isStr)) {
      return `${f} must be ${nRuns} string${nRuns > 1 ? "s" : ""} in ${r.mode} mode`;
    }
  }
  if (
    !Array.isArray(r.answer_words) || r.answer_words.length !== nRuns ||
    !r.answer_words.every((x) => Number.isInteger(x))
  ) {
    return `answer_words must be ${nRuns} integer${nRuns > 1 ? "s" : ""}`;
  }
  if (
    !Array.isArray(r.substantive) || r.substantive.length !== nRuns ||
    !r.substantive.every((x) => x === null || typeof x === "boolean")
  ) {
    return `substantive must be ${nRuns} value${nRuns > 1 ? "s" : ""}, each true, false or null`;
  }
  const q = r.question as Record<string, unknown> | null;
  if (
    typeof q !== "object" || q === null || !isStr(q.instruction) || !isStr(q.input) ||
    !isStr(q.reference)
  ) {
    return "question must hold instruction, input and reference as strings";
  }
  if (r.status !== "ok" && r.status !== "failed" && r.status !== "error") {
    return `status must be "ok", "failed" or "error", got ${JSON.stringify(r.status)}`;
  }
  const ok = r.status === "ok";
  if (r.mode === "single") {
    const c = r.criteria;
    if (
      ok && (typeof c !== "object" || c === null || Array.isArray(c) ||
        !Object.values(c).every((x) =>
          typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x))
        ))
    ) {
      return "criteria must be an object of numbers and true/false when status is ok";
    }
    if (!ok && c !== null) return "criteria must be null unless status is ok";
    if (r.verdict !== null || r.winner !== null) {
      return "verdict and winner must be null in single mode";
    }
  } else {
    if (r.criteria !== null) return "criteria must be null in pairwise mode";
    if (ok) {
      if (r.verdict !== "A" && r.verdict !== "B" && r.verdict !== "tie") {
        return `verdict must be "A", "B" or "tie", got ${JSON.stringify(r.verdict)}`;
      }
      const runs = r.runs as string[];
      if (r.winner !== "tie" && !runs.includes(r.winner as string)) {
        return `winner must be one of the runs or "tie", got ${JSON.stringify(r.winner)}`;
      }
    } else if (r.verdict !== null || r.winner !== null) {
      return "verdict and winner must be null unless status is ok";
    }
  }
  if (!isStrOrNull(r.reason) || !isStrOrNull(r.raw_reply) || !isStrOrNull(r.error)) {
    return "reason, raw_reply and error must be strings or null";
  }
  if (
    !Array.isArray(r.replies) ||
    !r.replies.every((x) =>
      typeof x === "object" && x !== null && isStr((x as Record<string, unknown>).content)
    )
  ) {
    return "replies must be a list of {content, error, finish_reason}";
  }
  if (!Number.isInteger(r.attempts) || !Number.isInteger(r.requests)) {
    return "attempts and requests must be integers";
  }
  const j = r.judge as Record<string, unknown> | null;
  if (
    typeof j !== "object" || j === null || !isStr(j.model) || !isStr(j.base_url) ||
    !isStr(j.rubric) ||
    !isStr(j.rubric_version) || !isStr(j.template_sha256) || typeof j.settings !== "object" ||
    j.settings === null
  ) {
    return "judge must hold model, base_url, rubric, rubric_version, template_sha256 and settings";
  }
  if (!Array.isArray(r.inputs)) return "inputs must be a list of {path, sha256}";
  if (!isStr(r.timestamp)) return "timestamp must be a string";
  return null;
}
