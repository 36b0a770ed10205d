/**
 * Untrusted text made safe for each output the workbench writes. Model answers, questions,
 * references, labels, run ids and file names come from files anyone can edit; one function per
 * output kind neutralises them wherever they are written:
 * - spreadsheet cells (CSV, XLSX): {@linkcode neutralizeCell} (no formulas);
 * - Markdown text and table cells: {@linkcode escapeMarkdown} (no raw HTML, no links or images,
 *   no code spans), code spans: {@linkcode markdownCode}, Markdown with interpolated values:
 *   {@linkcode md};
 * - HTML (notebook tables): {@linkcode escapeHtml};
 * - LaTeX: {@linkcode escapeLatex}.
 * @module
 */
export * from "./neutralize_cell.ts";
export * from "./escape_markdown.ts";
export * from "./markdown_code.ts";
export * from "./md.ts";
export * from "./escape_html.ts";
export * from "./escape_latex.ts";
export * from "./neutralize_markdown.ts";
