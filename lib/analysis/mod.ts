/**
 * Tables computed from the scored-samples frame: scaling, breakdowns by domain and language,
 * paired comparisons and their families, latency, reproduction of stored aggregates, the metric
 * audit, RAG, and the plain-language findings. Every function takes `ScoredResults` (or rows
 * computed from it) and returns typed rows.
 * @module
 */
export * from "./breakdown_table.ts";
export * from "./comparison_pattern.ts";
export * from "./default_family.ts";
export * from "./describe_derived_labels.ts";
export * from "./describe_missing_samples.ts";
export * from "./describe_paired.ts";
export * from "./describe_scaling.ts";
export * from "./latency_summary.ts";
export * from "./metric_audit_table.ts";
export * from "./pair_runs.ts";
export * from "./paired_by_group.ts";
export * from "./paired_comparisons.ts";
export * from "./paired_family_table.ts";
export * from "./rag_family.ts";
export * from "./rag_table.ts";
export * from "./reproduction_table.ts";
export * from "./sample_group.ts";
export * from "./small_sample_flag.ts";
export * from "./scaling_table.ts";
export * from "./published_comparison.ts";
export * from "./headline_table.ts";
export * from "./sample_views.ts";
export * from "./analysis_plan.ts";
export * from "./findings.ts";
export * from "./answer_behaviour_table.ts";
export * from "./corpus_chrf.ts";
export * from "./plan_families.ts";
export * from "./planned_comparisons.ts";
export * from "./power_table.ts";
export * from "./binary_comparisons.ts";
export * from "./question_sets.ts";
export * from "./describe_breakdown.ts";
