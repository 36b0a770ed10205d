/**
 * Figures: Observable Plot rendered headless to standalone SVG (title, legend, note inside; DejaVu
 * Sans) and PNG at 300 dpi.
 * @module
 */
export * from "./dataset_domain_figure.ts";
export * from "./dataset_duplicate_figure.ts";
export * from "./dataset_language_figure.ts";
export * from "./dataset_length_figure.ts";
export * from "./dataset_palette.ts";
export * from "./domain_figure.ts";
export * from "./domain_paired_figure.ts";
export * from "./forest_figure.ts";
export * from "./human_eval_figure.ts";
export * from "./language_figure.ts";
export * from "./latency_figure.ts";
export * from "./latency_quality_figure.ts";
export * from "./palette.ts";
export * from "./plot_svg.ts";
export * from "./rag_figure.ts";
export * from "./render_png.ts";
export * from "./saved_figure.ts";
export * from "./scaling_figure.ts";
export * from "./standalone_figure.ts";
export * from "./answer_behaviour_figure.ts";
export * from "./check_figure_svg.ts";
