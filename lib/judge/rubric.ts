/**
 * What a rubric is: the criteria an LLM judge scores (each with its range), and the prompts that
 * ask for them, in single mode (one answer) and pairwise mode (two answers, A and B). A rubric is
 * versioned and its prompt templates are hashed, so every judgement names the exact prompt it
 * was asked with.
 * @module
 */
import { sha256Hex } from "../io/sha256.ts";

/** One message of an OpenAI-compatible chat. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** A criterion scored on a numeric scale. */
export interface ScaleCriterion {
  name: string;
  kind: "score";
  min: number;
  max: number;
  /** Whether only whole numbers are valid (e.g. a 1–5 scale). */
  integer: boolean;
  /** Whether a higher value is better. */
  higherIsBetter: boolean;
}

/** A yes/no criterion; stored as `true`/`false`, counted as 1/0 in tables. */
export interface YesNoCriterion {
  name: string;
  kind: "boolean";
  /** Whether `true` is the better value (for hallucination it is not). */
  higherIsBetter: boolean;
}

/** One criterion of a rubric. */
export type Criterion = ScaleCriterion | YesNoCriterion;

/** Judging mode: one answer at a time, or two answers of the same question compared. */
export type JudgeMode = "single" | "pairwise";

/** The judge modes. */
export const JUDGE_MODES: readonly JudgeMode[] = ["single", "pairwise"];

/** The texts a prompt is built from: the question, its reference answer, the answer(s). */
export interface PromptQuestion {
  /** The instruction (the question, or the study's generic instruction when `input` holds it). */
  instruction: string;
  /** The context or question body; may be empty. */
  input: string;
  /** The reference answer. */
  reference: string;
}

/** A rubric: its criteria and prompt templates. */
export interface Rubric {
  /** Name used on the command line and in records, e.g. `lawyer`. */
  name: string;
  /** Version of the criteria and prompts; a change to either gets a new version. */
  version: string;
  /** What the rubric measures, one sentence. */
  description: string;
  criteria: readonly Criterion[];
  /** The criterion an export filters on by default. */
  primary: string;
  /** The prompt templates, by mode: a system and a user template with `{{placeholders}}`. */
  templates: Readonly<Record<JudgeMode, { system: string; user: string }>>;
  /** The follow-up message sent after an invalid reply; `{{error}}` names what was wrong. */
  repair: string;
}

/** Replaces `{{name}}` placeholders; an unknown placeholder is an error (a template bug). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([a-z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new TypeError(`Prompt template has no value for {{${name}}}`);
    return values[name];
  });
}

const orDash = (s: string) => (s.trim() === "" ? "—" : s);

/**
 * The messages of a single-mode request: system prompt, then the question, reference and answer.
 *
 * @example
 * ```ts
 * import { singleMessages } from "./rubric.ts";
 * import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
 * import assert from "node:assert/strict";
 * const m = singleMessages(LAWYER_RUBRIC, { instruction: "Салық деген не?", input: "", reference: "Міндетті төлем." }, "Төлем.");
 * assert.equal(m.length, 2);
 * assert.match(m[1].content, /Салық деген не\?/);
 * assert.match(m[1].content, /Ответ модели:\nТөлем\./);
 * ```
 */
export function singleMessages(
  rubric: Rubric,
  question: PromptQuestion,
  answer: string,
): ChatMessage[] {
  const t = rubric.templates.single;
  const values = {
    instruction: orDash(question.instruction),
    input: orDash(question.input),
    reference: orDash(question.reference),
    answer: orDash(answer),
  };
  return [
    { role: "system", content: fillTemplate(t.system, values) },
    { role: "user", content: fillTemplate(t.user, values) },
  ];
}

/** The messages of a pairwise request, answer `a` shown as A and `b` as B. */
export function pairwiseMessages(
  rubric: Rubric,
  question: PromptQuestion,
  a: string,
  b: string,
): ChatMessage[] {
  const t = rubric.templates.pairwise;
  const values = {
    instruction: orDash(question.instruction),
    input: orDash(question.input),
    reference: orDash(question.reference),
    answer_a: orDash(a),
    answer_b: orDash(b),
  };
  return [
    { role: "system", content: fillTemplate(t.system, values) },
    { role: "user", content: fillTemplate(t.user, values) },
  ];
}

/** The follow-up user message after an invalid reply. */
export function repairMessage(rubric: Rubric, error: string): ChatMessage {
  return { role: "user", content: fillTemplate(rubric.repair, { error }) };
}

/**
 * SHA-256 of the rubric's prompt templates of `mode` (system, user and repair templates, its
 * name and version): it changes whenever a word of the prompt changes.
 */
export async function templateSha256(rubric: Rubric, mode: JudgeMode): Promise<string> {
  const t = rubric.templates[mode];
  return await sha256Hex(
    JSON.stringify([rubric.name, rubric.version, mode, t.system, t.user, rubric.repair]),
  );
}
