/**
 * Answer-behaviour diagnostics, computed from saved answers without a model: the answer's
 * language and whether it is the question's, reasoning traces (Qwen3's thinking aloud, `<think>`
 * tags), truncation at the token limit (recorded, or estimated for legacy files), empty answers,
 * refusals, substantive answers, and keyword coverage. Definitions: `README.md` beside this file
 * and {@linkcode BEHAVIOUR_DEFINITIONS}.
 * @module
 */
export * from "./answer_language.ts";
export * from "./wrong_language.ts";
export * from "./reasoning_trace.ts";
export * from "./truncated.ts";
export * from "./empty_answer.ts";
export * from "./refusal.ts";
export * from "./keyword_coverage.ts";
export * from "./answer_behaviour.ts";
export * from "./behaviour_summary.ts";
export * from "./definitions.ts";
