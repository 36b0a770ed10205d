/**
 * The workbench's public surface: load results, compute statistics, write tables, figures and
 * report sections. Notebooks import from here.
 * @module
 */
export * from "./paths.ts";
export * from "./params.ts";
export * from "./io/atomic_write.ts";
export * from "./io/sha256.ts";
export * from "./io/csv.ts";
export * from "./stats/rng.ts";
export * from "./stats/quantile.ts";
export * from "./stats/bootstrap.ts";
export * from "./results/run_result.ts";
export * from "./results/run_identity.ts";
export * from "./results/load_result_file.ts";
export * from "./results/load_rag_ablation.ts";
export * from "./results/load_results.ts";
export * from "./results/frames.ts";
export * from "./analysis/metric_order.ts";
export * from "./analysis/scaling_table.ts";
export * from "./analysis/describe_scaling.ts";
export * from "./tables/format_table.ts";
export * from "./tables/write_table.ts";
export * from "./figures/plot_svg.ts";
export * from "./figures/standalone_figure.ts";
export * from "./figures/render_png.ts";
export * from "./figures/saved_figure.ts";
export * from "./figures/palette.ts";
export * from "./figures/scaling_figure.ts";
export * from "./figures/latency_quality_figure.ts";
export * from "./report/report_section.ts";
export * from "./analysis/reproduction_table.ts";
export * from "./human_eval/mod.ts";
export * from "./figures/human_eval_figure.ts";
