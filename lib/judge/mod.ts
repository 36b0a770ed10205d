/**
 * An LLM judge over saved answers: an OpenAI-compatible chat client, the `lawyer` and `summary`
 * rubrics, single and pairwise (both orders) judging with validated replies and bounded retries,
 * a resumable JSONL cache of judgements, the report's judge tables (scores, pairwise results,
 * length bias, agreement with the lawyers) and the export of well-judged answers as the next
 * fine-tuning set. See `README.md` beside this file.
 * @module
 */
export * from "./rubric.ts";
export * from "./lawyer_rubric.ts";
export * from "./summary_rubric.ts";
export * from "./rubric_by_name.ts";
export * from "./parse_reply.ts";
export * from "./chat_client.ts";
export * from "./judge_items.ts";
export * from "./sheet_items.ts";
export * from "./judgement_record.ts";
export * from "./read_judgements.ts";
export * from "./judgement_cache.ts";
export * from "./run_judge.ts";
export * from "./judge_groups.ts";
export * from "./pair_outcomes.ts";
export * from "./judge_scores_table.ts";
export * from "./judge_pairwise_table.ts";
export * from "./judge_length_bias_table.ts";
export * from "./judge_agreement_table.ts";
export * from "./judge_export.ts";
export * from "./read_validation_questions.ts";
export * from "./write_judge_export.ts";
export * from "./describe_judgements.ts";
