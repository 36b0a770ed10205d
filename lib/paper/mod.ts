/**
 * The paper's own outputs from a report folder: numbers as LaTeX macros, figures as vector PDF,
 * captions, and a skeleton `main.tex` that compiles.
 * @module
 */
export * from "./macro_name.ts";
export * from "./paper_numbers.ts";
export * from "./write_paper.ts";
