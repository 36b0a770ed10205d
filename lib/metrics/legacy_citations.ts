/**
 * The study's legal-citation extractor, re-implemented with Python's regex semantics.
 * @module
 */
import { PY_BOUNDARY, PY_DIGIT, PY_SPACE, PY_WORD } from "../text/_python_str.ts";

const S = `[${PY_SPACE}]`;
const D = PY_DIGIT;

// Each pattern mirrors one `re.finditer` of the study's `extract_legal_citations`. Python's `\s`,
// `\d` and `\b` are Unicode-aware; JavaScript's are not, so they are spelled out. Python's `.`
// excludes only "\n" (JavaScript's also excludes "\r", U+2028, U+2029), hence `[^\n]`.
const ARTICLE = new RegExp(`(?:стать[яиейю]|ст\\.?)${S}*(${D}+)`, "gu");
const POINT = new RegExp(`(?:пункт[а-я]*|п\\.?)${S}*(${D}+)`, "gu");
const LAW = new RegExp(`закон[а-я]*${S}*(?:№|номер)?${S}*(${D}[${D}\\-.]*${D})`, "gu");
const CODE_ARTICLE = new RegExp(`кодекс[а-я]*[^\\n]*?стать[яиейю]${S}*(${D}+)`, "gu");
// The leading `\b` sits before a digit (a word character), where it means "not preceded by a word
// character"; spelling it that way lets the engine skip most positions quickly.
const NUMBERED = new RegExp(
  `(?<![${PY_WORD}])(${D}+)[\\-–](I{1,4}V?|V?I{0,4}|[IVX]+)${PY_BOUNDARY}`,
  "gu",
);
const hasDash = (t: string) => t.includes("-") || t.includes("–");

/**
 * The study's citation extractor (`extract_legal_citations` in `benchmark.py`,
 * nurkal022/fine_tune_qwen3, commit 02a909e2ee8fca5901e526d752fa46b9871fe599). On the lower-cased
 * text:
 *
 * - `ст.N` for `стать[яиейю]` or `ст`/`ст.` followed by a number (no word boundary, so `текст 5`
 *   counts; other forms such as `статьями` or `статей` do not);
 * - `п.N` for `пункт…` or `п`/`п.` followed by a number (so `подпункт 3` gives `п.3`, and any word
 *   ending in `п` before a number does too);
 * - `закон_X` for `закон…` (optionally `№`/`номер`) and a number of at least two characters from
 *   digits, `-` and `.`;
 * - `ст.N` for `кодекс…` followed on the same line (lazily) by `стать[яиейю] N`;
 *
 * and on the original text `ref_<match>` for a number, a hyphen or en dash, and an upper-case Roman
 * numeral at word boundaries, where the numeral may be empty (so `414-V` gives `ref_414-V` and
 * `10-12` or `138-бабы` gives `ref_10-`/`ref_138-`). Kazakh forms (`бап`, `тармақ`) are not
 * recognised as articles.
 *
 * @param text Any text.
 * @returns The set of citation keys.
 * @example
 * ```ts
 * import { legacyCitations } from "./legacy_citations.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(
 *   [...legacyCitations("Согласно п. 2 статьи 138 НК и Закону № 414-V")].sort(),
 *   ["ref_414-V", "ст.138", "п.2", "закон_414"].sort(),
 * );
 * // Kazakh "138-бабы" is not an article to it; the empty Roman numeral makes it "ref_138-"
 * assert.deepEqual([...legacyCitations("Салық кодексінің 138-бабы")], ["ref_138-"]);
 * ```
 */
export function legacyCitations(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(ARTICLE)) out.add(`ст.${m[1]}`);
  for (const m of lower.matchAll(POINT)) out.add(`п.${m[1]}`);
  for (const m of lower.matchAll(LAW)) out.add(`закон_${m[1]}`);
  for (const m of lower.matchAll(CODE_ARTICLE)) out.add(`ст.${m[1]}`);
  if (hasDash(text)) { for (const m of text.matchAll(NUMBERED)) out.add(`ref_${m[0]}`); }
  return out;
}
