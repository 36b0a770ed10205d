/**
 * Parsing and validating a judge's reply. Nothing is guessed: a reply is accepted only when it is
 * a JSON object (alone, or alone in one fenced code block, after an optional leading
 * `<think>…</think>` block that reasoning models write) holding every criterion of the rubric
 * within its range (single mode) or a `winner` of `A`, `B` or `tie` (pairwise mode). Anything
 * else is an error that says what was wrong; the caller asks again or records a failure.
 * @module
 */
import type { Criterion, Rubric } from "./rubric.ts";

/** The judge's scores of one answer, by criterion (`true`/`false` for yes/no criteria). */
export type CriteriaValues = Record<string, number | boolean>;

/** A pairwise verdict as the judge gave it, in the positions shown (A first, B second). */
export type Verdict = "A" | "B" | "tie";

/** A parsed reply, or why it could not be accepted. */
export type Parsed<T> = { ok: true; value: T; reason: string | null } | {
  ok: false;
  error: string;
};

/**
 * The JSON object of a reply, or why there is none. Accepted forms: the object alone; the object
 * alone in one fenced block (` ```json … ``` `); either after a leading `<think>…</think>` block.
 *
 * @example
 * ```ts
 * import { extractJsonObject } from "./parse_reply.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(extractJsonObject('<think>хм</think>\n```json\n{"winner": "A"}\n```'), { ok: true, value: { winner: "A" }, reason: null });
 * assert.equal(extractJsonObject('Ответ: {"winner": "A"}').ok, false);
 * ```
 */
export function extractJsonObject(reply: string): Parsed<Record<string, unknown>> {
  let text = reply.trim();
  const think = /^<think>[\s\S]*?<\/think>/.exec(text);
  if (think) text = text.slice(think[0].length).trim();
  const fenced = /^```(?:json|JSON)?[ \t]*\n([\s\S]*?)\n?```$/.exec(text);
  if (fenced) text = fenced[1].trim();
  if (text === "") return { ok: false, error: "the reply is empty" };
  if (!text.startsWith("{")) {
    return {
      ok: false,
      error: `the reply is not a JSON object (it starts with ${JSON.stringify(excerpt(text))})`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the reply is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: "the reply is not a JSON object" };
  }
  return { ok: true, value: value as Record<string, unknown>, reason: null };
}

function excerpt(s: string): string {
  const chars = [...s];
  return chars.length <= 40 ? s : chars.slice(0, 40).join("") + "…";
}

function reasonOf(obj: Record<string, unknown>): string | null {
  return typeof obj.reason === "string" ? obj.reason : null;
}

function checkCriterion(c: Criterion, v: unknown): string | null {
  if (v === undefined) return `"${c.name}" is missing`;
  if (c.kind === "boolean") {
    return typeof v === "boolean"
      ? null
      : `"${c.name}" must be true or false, got ${JSON.stringify(v)}`;
  }
  const range = c.integer
    ? `an integer from ${c.min} to ${c.max}`
    : `a number from ${c.min} to ${c.max}`;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    return `"${c.name}" must be ${range}, got ${JSON.stringify(v)}`;
  }
  if (v < c.min || v > c.max || (c.integer && !Number.isInteger(v))) {
    return `"${c.name}" must be ${range}, got ${v}`;
  }
  return null;
}

/**
 * A single-mode reply: every criterion of `rubric`, in range. Other keys are ignored except
 * `reason`, which is kept when it is a string.
 *
 * @example
 * ```ts
 * import { parseSingleReply } from "./parse_reply.ts";
 * import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
 * import assert from "node:assert/strict";
 * const ok = parseSingleReply('{"correctness": 4, "completeness": 3, "relevance": 5, "hallucination": false, "reason": "Верно, но неполно."}', LAWYER_RUBRIC);
 * assert.deepEqual(ok, { ok: true, value: { correctness: 4, completeness: 3, relevance: 5, hallucination: false }, reason: "Верно, но неполно." });
 * const bad = parseSingleReply('{"correctness": 6, "completeness": 3, "relevance": 5, "hallucination": "нет"}', LAWYER_RUBRIC);
 * assert.deepEqual(bad, { ok: false, error: '"correctness" must be an integer from 1 to 5, got 6; "hallucination" must be true or false, got "нет"' });
 * ```
 */
export function parseSingleReply(reply: string, rubric: Rubric): Parsed<CriteriaValues> {
  const obj = extractJsonObject(reply);
  if (!obj.ok) return obj;
  const problems: string[] = [];
  const value: CriteriaValues = {};
  for (const c of rubric.criteria) {
    const v = obj.value[c.name];
    const problem = checkCriterion(c, v);
    if (problem) problems.push(problem);
    else value[c.name] = v as number | boolean;
  }
  if (problems.length > 0) return { ok: false, error: problems.join("; ") };
  return { ok: true, value, reason: reasonOf(obj.value) };
}

/**
 * A pairwise reply: `winner` is `A`, `B` or `tie` (any letter case); `reason` is kept when it is
 * a string.
 *
 * @example
 * ```ts
 * import { parsePairwiseReply } from "./parse_reply.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parsePairwiseReply('{"winner": "b", "reason": "Точнее."}'), { ok: true, value: "B", reason: "Точнее." });
 * assert.equal(parsePairwiseReply('{"winner": "оба"}').ok, false);
 * ```
 */
export function parsePairwiseReply(reply: string): Parsed<Verdict> {
  const obj = extractJsonObject(reply);
  if (!obj.ok) return obj;
  const w = obj.value.winner;
  if (w === undefined) return { ok: false, error: `"winner" is missing` };
  const norm = typeof w === "string" ? w.trim().toLowerCase() : null;
  const verdict = norm === "a" ? "A" : norm === "b" ? "B" : norm === "tie" ? "tie" : null;
  if (verdict === null) {
    return { ok: false, error: `"winner" must be "A", "B" or "tie", got ${JSON.stringify(w)}` };
  }
  return { ok: true, value: verdict, reason: reasonOf(obj.value) };
}
