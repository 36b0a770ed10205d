/**
 * Reasoning traces: answers that are, or start with, a model thinking aloud ("Okay, let's tackle
 * this question...", "Хорошо, мне нужно ответить...") or that carry Qwen3's `<think>` tags.
 * Version `1.0.0`.
 * @module
 */

/** Version of the {@linkcode isReasoningTrace} definition. */
export const REASONING_TRACE_VERSION = "1.0.0";

/** How a trace was recognised. */
export type TraceKind = "think-tags" | "monologue";

/** Where a reasoning trace is in an answer. */
export interface ReasoningTrace {
  kind: TraceKind;
  /** Index of the first character of the trace. */
  start: number;
  /** Index just after the trace (after `</think>`; the end of the text for an unclosed trace). */
  end: number;
  /** The opener or tag that was recognised, as written. */
  cue: string;
}

/** Options for {@linkcode findReasoningTrace}. */
export interface ReasoningTraceOptions {
  /** A monologue opener counts when its line starts within this many characters. Default: `300`. */
  window?: number;
}

/** Defaults of {@linkcode ReasoningTraceOptions}. */
export const REASONING_TRACE_DEFAULTS: Readonly<Required<ReasoningTraceOptions>> = {
  window: 300,
};

// No letter or digit may follow: a word-end guard that works for Cyrillic.
const E = "(?![\\p{L}\\p{N}])";

/**
 * Openers of a reasoning monologue, at the start of a line, in English, Russian and Kazakh. They
 * are the ways the study's base models (Qwen3 without a chat template) begin thinking aloud, and
 * their usual variants; each needs a first-person or planning continuation, so that an answer
 * beginning "Итак, согласно статье..." or "Жақсы тәжірибе..." does not match. A Russian "давайте"
 * addressed to the reader ("Хорошо, давайте разберёмся с вашим вопросом. Согласно...") is an
 * answer's preamble, not a monologue, and does not match either.
 */
export const MONOLOGUE_OPENERS: readonly RegExp[] = [
  // English
  /^(?:okay|ok|alright|all right|hmm+|well|so)[,.!:]?\s+(?:so\s+)?(?:i|i'm|i'll|i've|let me|let's|let us|the user|first|now|we|we're|this question|the question)(?![a-z])/i,
  /^(?:let me|let's|let us)\s+(?:think|see|tackle|figure|start|break|look|analy[sz]e|understand|recall|try|check|consider|go|parse|begin)/i,
  /^(?:i need to|i should|i have to|i must|i'm going to|i am going to|i'll start|first, i|to answer this(?: question)?, i)(?![a-z])/i,
  /^the user (?:is asking|asks|wants|has asked|is requesting|mentioned|provided|is looking)/i,
  /^we need to (?:answer|figure|find|determine|respond|explain)/i,
  // Russian
  new RegExp(
    `^(?:хорошо|ладно|итак|так|ну|окей|ок)[,.!:]?\\s+(?:мне|давай(?:те)?(?![^.\\n]{0,40}ваш)|я|нужно|надо|пользователь|сначала|теперь|посмотрим|разбер[её]мся(?![^.\\n]{0,40}ваш)|подумаем)${E}`,
    "iu",
  ),
  new RegExp(
    `^(?:мне (?:нужно|надо|следует|необходимо)|нужно (?:написать|ответить|разобраться|понять|подумать)|надо (?:ответить|разобраться|понять|подумать)|давайте? (?:разбер|подума|посмотр|начн|рассмотр)(?![^.\\n]{0,40}ваш)|сначала (?:мне|нужно|надо)|пользователь (?:спрашивает|просит|хочет|задал|интересуется)|(?:нужно )?написать (?:подробный )?ответ на вопрос|ну, я думаю)`,
    "iu",
  ),
  // Kazakh
  new RegExp(
    `^(?:жарайды|жақсы|жарайсың|ал енді|сонымен|ендеше|ок)[,.!:]?\\s+(?:маған|мен|қарастыр|ойлан|алдымен|пайдаланушы|сұрақ)`,
    "iu",
  ),
  new RegExp(
    `^(?:маған [^.\\n]{0,60}керек|алдымен (?:маған|мен|сұрақ)|пайдаланушы (?:сұрап|сұрайды|білгісі)|ойланып көрейін|қарастырып көрейік|қарастырайық|ойланайық)`,
    "iu",
  ),
];

/** Prefixes a model may put before its monologue on the same line (`A:`, `Ответ:`, markdown). */
const LINE_PREFIX = /^[\s>*#_-]*(?:(?:a|answer|ответ|жауап)\s*:\s*)?/iu;

const THINK_OPEN = /<think>/i;
const THINK_CLOSE = /<\/think>/gi;

/**
 * Finds the reasoning trace of an answer, if any.
 *
 * Definition (version 1.0.0): an answer has a reasoning trace when (a) it contains a `<think>` or
 * `</think>` tag: the trace is everything up to the last `</think>` (Qwen3 prints the opening tag
 * as part of the prompt, so the answer often holds only the closing one), or from an unclosed
 * `<think>` to the end; or (b) a line that starts within the first `window` (300) characters
 * begins, after an optional `A:`/`Ответ:`/`Жауап:` prefix or markdown, with a monologue opener
 * ({@linkcode MONOLOGUE_OPENERS}): the trace runs from that line to the end (an unclosed
 * monologue cannot be told apart from what follows it).
 *
 * @param text An answer.
 * @param options The window; see {@linkcode ReasoningTraceOptions}.
 * @returns The trace, or `null`.
 * @example
 * ```ts
 * import { findReasoningTrace } from "./reasoning_trace.ts";
 * import assert from "node:assert/strict";
 * const a = "Okay, let's tackle this question about the Tax Code.\n</think>\n\nСрок — три года.";
 * assert.deepEqual(findReasoningTrace(a), { kind: "think-tags", start: 0, end: a.indexOf("\n\nСрок"), cue: "</think>" });
 * assert.equal(findReasoningTrace("Хорошо, мне нужно ответить на вопрос о сроке.")?.kind, "monologue");
 * assert.equal(findReasoningTrace("Жарайды, маған Салық кодексін қарастыру керек.")?.kind, "monologue");
 * assert.equal(findReasoningTrace("Итак, согласно статье 65 НК РК срок — три года."), null);
 * ```
 */
export function findReasoningTrace(
  text: string,
  options: ReasoningTraceOptions = {},
): ReasoningTrace | null {
  const { window } = { ...REASONING_TRACE_DEFAULTS, ...options };
  let lastClose: RegExpExecArray | null = null;
  for (const m of text.matchAll(THINK_CLOSE)) lastClose = m;
  if (lastClose) {
    return {
      kind: "think-tags",
      start: 0,
      end: lastClose.index + lastClose[0].length,
      cue: lastClose[0],
    };
  }
  const open = THINK_OPEN.exec(text);
  if (open) return { kind: "think-tags", start: open.index, end: text.length, cue: open[0] };
  let lineStart = 0;
  while (lineStart <= Math.min(window, text.length)) {
    const lineEnd = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    const rest = line.slice(LINE_PREFIX.exec(line)![0].length);
    for (const re of MONOLOGUE_OPENERS) {
      const m = re.exec(rest);
      if (m) return { kind: "monologue", start: lineStart, end: text.length, cue: m[0] };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return null;
}

/**
 * Whether an answer is, or starts with, a reasoning trace ({@linkcode findReasoningTrace}).
 *
 * @example
 * ```ts
 * import { isReasoningTrace } from "./reasoning_trace.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isReasoningTrace("Okay, I need to answer the user's question about leave."), true);
 * assert.equal(isReasoningTrace("Согласно статье 99 Трудового кодекса РК отпуск составляет 24 дня."), false);
 * ```
 */
export function isReasoningTrace(text: string, options: ReasoningTraceOptions = {}): boolean {
  return findReasoningTrace(text, options) !== null;
}

/** An answer with its reasoning trace removed. */
export interface StrippedAnswer {
  /** What is left, trimmed; `""` when the whole answer was a trace. */
  text: string;
  /** How the removed trace was recognised; `null` when nothing was removed. */
  removed: TraceKind | null;
  /** Characters removed (before trimming what is left). */
  removedChars: number;
}

/**
 * Removes an answer's reasoning trace ({@linkcode findReasoningTrace}): the text up to the last
 * `</think>`, an unclosed `<think>` and what follows it, or a monologue line and everything after
 * it. What comes before an unclosed trace (say the model first repeated the question) is kept.
 *
 * @example
 * ```ts
 * import { stripReasoningTrace } from "./reasoning_trace.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(stripReasoningTrace("Ну, я думаю...\n</think>\n\nСрок — три года."), { text: "Срок — три года.", removed: "think-tags", removedChars: 23 });
 * assert.deepEqual(stripReasoningTrace("Okay, the user is asking about leave."), { text: "", removed: "monologue", removedChars: 37 });
 * assert.deepEqual(stripReasoningTrace("Мерзімі — үш жыл."), { text: "Мерзімі — үш жыл.", removed: null, removedChars: 0 });
 * ```
 */
export function stripReasoningTrace(
  text: string,
  options: ReasoningTraceOptions = {},
): StrippedAnswer {
  const trace = findReasoningTrace(text, options);
  if (!trace) return { text, removed: null, removedChars: 0 };
  const kept = text.slice(0, trace.start) + text.slice(trace.end);
  // A `</think>` may leave an unclosed `<think>` behind it (a second round of thinking).
  const again = trace.kind === "think-tags" ? THINK_OPEN.exec(kept) : null;
  const final = again ? kept.slice(0, again.index) : kept;
  return { text: final.trim(), removed: trace.kind, removedChars: text.length - final.length };
}
