/**
 * Legal citations v2: articles (with the code they belong to) and law numbers in Russian and
 * Kazakh text, normalised to comparable ids such as `art:НК:138`, `art:25` or `law:414-V`.
 * @module
 */

/** A sub-article unit: part, point, sub-point (Russian ч./п./пп., Kazakh бөлік/тармақ/тармақша). */
export interface CitationUnit {
  type: "part" | "point" | "subpoint";
  number: string;
}

/** One citation found in a text. */
export interface Citation {
  /** Normalised id: `art:<CODE>:<N>`, `art:<N>` (code not named) or `law:<NUMBER>`. */
  id: string;
  kind: "article" | "law";
  /** Canonical code abbreviation (see {@linkcode CODE_NAMES}) or `null` when none is named nearby. */
  code: string | null;
  /** Article number (e.g. `138`, `65-1`) or law number (e.g. `414-V`). */
  number: string;
  /** Sub-article units written next to the article; informative only, not part of the id. */
  units: CitationUnit[];
  /** UTF-16 offset of the mention in the text. */
  index: number;
}

/** Canonical code abbreviations and what they stand for. */
export const CODE_NAMES: Readonly<Record<string, string>> = {
  "Конст": "Конституция РК / ҚР Конституциясы",
  "ГК": "Гражданский кодекс / Азаматтық кодекс",
  "ГПК": "Гражданский процессуальный кодекс / Азаматтық процестік кодекс",
  "НК": "Налоговый кодекс / Салық кодексі",
  "ТК": "Трудовой кодекс / Еңбек кодексі",
  "КоАП": "Кодекс об административных правонарушениях / Әкімшілік құқық бұзушылық туралы кодекс",
  "УК": "Уголовный кодекс / Қылмыстық кодекс",
  "УПК": "Уголовно-процессуальный кодекс / Қылмыстық-процестік кодекс",
  "УИК": "Уголовно-исполнительный кодекс / Қылмыстық-атқару кодексі",
  "ЗК": "Земельный кодекс / Жер кодексі",
  "ЖК": "Жилищный кодекс",
  "ПК": "Предпринимательский кодекс / Кәсіпкерлік кодекс",
  "ЭК": "Экологический кодекс / Экологиялық кодекс",
  "БК": "Бюджетный кодекс / Бюджет кодексі",
  "СК": "Социальный кодекс / Әлеуметтік кодекс",
  "КоБС": "Кодекс о браке (супружестве) и семье / Неке (ерлі-зайыптылық) және отбасы туралы кодекс",
  "АППК": "Административный процедурно-процессуальный кодекс / Әкімшілік рәсімдік-процестік кодекс",
};

const W = "\\p{L}\\p{N}_";
const NB = `(?<![${W}])`; // not preceded by a word character
const NA = `(?![${W}])`; // not followed by a word character
const L = "\\p{L}*";

/** Code names: [pattern source, flags, canonical code]. Upper-case abbreviations are matched case-sensitively. */
const CODE_PATTERNS: [string, string, string][] = [
  // Russian full names (adjective + кодекс, or кодекс + "об/о ..."), most specific first.
  [`гражданск${L}\\s+процессуальн${L}\\s+кодекс${L}`, "giu", "ГПК"],
  [`уголовно-процессуальн${L}\\s+кодекс${L}`, "giu", "УПК"],
  [`уголовно-исполнительн${L}\\s+кодекс${L}`, "giu", "УИК"],
  [`административн${L}\\s+процедурно-процессуальн${L}\\s+кодекс${L}`, "giu", "АППК"],
  [`гражданск${L}\\s+кодекс${L}`, "giu", "ГК"],
  [`налогов${L}\\s+кодекс${L}`, "giu", "НК"],
  [`трудов${L}\\s+кодекс${L}`, "giu", "ТК"],
  [`уголовн${L}\\s+кодекс${L}`, "giu", "УК"],
  [`земельн${L}\\s+кодекс${L}`, "giu", "ЗК"],
  [`жилищн${L}\\s+кодекс${L}`, "giu", "ЖК"],
  [`предпринимательск${L}\\s+кодекс${L}`, "giu", "ПК"],
  [`экологическ${L}\\s+кодекс${L}`, "giu", "ЭК"],
  [`бюджетн${L}\\s+кодекс${L}`, "giu", "БК"],
  [`социальн${L}\\s+кодекс${L}`, "giu", "СК"],
  [`кодекс${L}[^.\\n]{0,40}?об\\s+административных\\s+правонарушениях`, "giu", "КоАП"],
  [`кодекс${L}[^.\\n]{0,40}?о\\s+налогах`, "giu", "НК"],
  [`кодекс${L}[^.\\n]{0,40}?о\\s+браке`, "giu", "КоБС"],
  // Kazakh full names.
  [`азаматтық\\s+процест${L}\\s+кодекс${L}`, "giu", "ГПК"],
  [`қылмыстық[-\\s]+процест${L}\\s+кодекс${L}`, "giu", "УПК"],
  [`қылмыстық[-\\s]+атқару\\s+кодекс${L}`, "giu", "УИК"],
  [`әкімшілік\\s+рәсімдік[-\\s]+процест${L}\\s+кодекс${L}`, "giu", "АППК"],
  [`азаматтық\\s+кодекс${L}`, "giu", "ГК"],
  [`салық\\s+кодекс${L}`, "giu", "НК"],
  [`еңбек\\s+кодекс${L}`, "giu", "ТК"],
  [`әкімшілік\\s+құқық\\s*бұзушылық${L}\\s+туралы[^.\\n]{0,30}?кодекс${L}`, "giu", "КоАП"],
  [`қылмыстық\\s+кодекс${L}`, "giu", "УК"],
  [`жер\\s+кодекс${L}`, "giu", "ЗК"],
  [`кәсіпкерлік\\s+кодекс${L}`, "giu", "ПК"],
  [`экологиялық\\s+кодекс${L}`, "giu", "ЭК"],
  [`бюджет\\s+кодекс${L}`, "giu", "БК"],
  [`әлеуметтік\\s+кодекс${L}`, "giu", "СК"],
  [`неке${L}[^.\\n]{0,40}?отбасы\\s+туралы\\s+кодекс${L}`, "giu", "КоБС"],
];
const CODE_RES = CODE_PATTERNS.map(([src, flags, code]) => [new RegExp(src, flags), code] as const);
const HAS_KODEKS = /кодекс/iu;
const CONSTITUTION = new RegExp(`${NB}конституци${L}`, "giu");

/** Abbreviations, matched case-sensitively as whole words; Kazakh ones beside the Russian. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  "ГК": "ГК",
  "АК": "ГК",
  "ГПК": "ГПК",
  "АПК": "ГПК",
  "НК": "НК",
  "ТК": "ТК",
  "КоАП": "КоАП",
  "ӘҚБтК": "КоАП",
  "УК": "УК",
  "ҚК": "УК",
  "УПК": "УПК",
  "ҚПК": "УПК",
  "УИК": "УИК",
  "ЗК": "ЗК",
  "ЖК": "ЖК",
  "ПК": "ПК",
  "ЭК": "ЭК",
  "БК": "БК",
  "КоБС": "КоБС",
  "АППК": "АППК",
};
const ABBREVIATION_RE = new RegExp(
  `${NB}(${Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length).join("|")})${NA}`,
  "gu",
);

const NUM = "\\d+(?:\\s*[-–]\\s*\\d+)?(?!\\d)";
/** A number in a list is not an article when a quantity word follows it ("статья 10 и 20 дней"). */
const NOT_QUANTITY =
  "(?!\\s*(?:лет|год|дн|день|месяц|недел|час|минут|тенге|мрп|%|процент|раз|жыл|күн|ай(?!\\p{L})))";
const RU_UNIT = "(?:пп\\.|подпункт\\p{L}*|п\\.|пункт\\p{L}*|ч\\.|част\\p{L}*)\\s*\\d+\\)?[\\s,]*";
const RU_ARTICLE = new RegExp(
  `((?:${NB}${RU_UNIT})*)${NB}(?:стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)|статей|стст\\.|ст\\.|ст(?=\\s*\\d))\\s*` +
    `(${NUM}${NOT_QUANTITY}(?:\\s*(?:,|и|или)\\s*${NUM}${NOT_QUANTITY})*)`,
  "giu",
);
const KZ_NUM = "\\d+(?:[-–]\\d+)?";
const KZ_ARTICLE = new RegExp(
  `${NB}(${KZ_NUM}(?:\\s*(?:,|және|мен|немесе)\\s*${KZ_NUM})*)\\s*[-–]?\\s*(?:бап|баб)\\p{L}*` +
    `((?:\\s*\\d+\\)?\\s*[-–]?\\s*(?:тармақша|тармақ|тармағ|бөлі|бөлік)\\p{L}*)*)`,
  "giu",
);
const HAS_KZ_ARTICLE = /ба[пб]/iu;
const HAS_LAW_ROMAN = /\d\s*[-–]\s*[IVXІХ]/u;
const LAW_ROMAN = new RegExp(`${NB}(\\d+)\\s*[-–]\\s*([IVXІХ]+)${NA}`, "gu");
const LAW_PLAIN = new RegExp(
  `(?:закон|заң)\\p{L}*[^.\\n]{0,80}?№\\s*(\\d+(?:-\\d+)?)(?!\\d)(?!\\s*[-–]\\s*[IVXІХ\\d])`,
  "giu",
);

/** Most article numbers a range ("ст. 10-15") is expanded to; a longer range keeps its two ends. */
const MAX_RANGE = 20;

interface Span {
  start: number;
  end: number;
}
interface CodeMention extends Span {
  code: string;
}

function findCodes(text: string): CodeMention[] {
  const found: CodeMention[] = [];
  const add = (m: RegExpMatchArray, code: string) =>
    found.push({ start: m.index!, end: m.index! + m[0].length, code });
  // Every full name contains "кодекс"; skip the patterns when it does not occur.
  if (HAS_KODEKS.test(text)) {
    for (const [re, code] of CODE_RES) {
      for (const m of text.matchAll(re)) add(m, code);
    }
  }
  for (const m of text.matchAll(CONSTITUTION)) add(m, "Конст");
  for (const m of text.matchAll(ABBREVIATION_RE)) add(m, ABBREVIATIONS[m[1]]);
  // Keep the earliest, then longest, of overlapping mentions.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CodeMention[] = [];
  for (const c of found) {
    if (kept.length === 0 || c.start >= kept[kept.length - 1].end) kept.push(c);
  }
  return kept;
}

/** Splits "10 и 12", "10-12" (a range when the second number is larger) or "65-1" (an article number). */
function expandNumbers(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    const a = m[1];
    const b = m[2];
    if (b === undefined) out.push(String(Number(a)));
    else if (Number(b) > Number(a)) {
      const lo = Number(a);
      const hi = Number(b);
      if (hi - lo + 1 <= MAX_RANGE) { for (let n = lo; n <= hi; n++) out.push(String(n)); }
      else out.push(String(lo), String(hi));
    } else out.push(`${Number(a)}-${Number(b)}`);
  }
  return out;
}

function parseUnits(text: string, kazakh: boolean): CitationUnit[] {
  const units: CitationUnit[] = [];
  const re = kazakh
    ? /(\d+)\)?\s*[-–]?\s*(тармақша|тармақ|тармағ|бөлі)/giu
    : /(пп\.|подпункт|п\.|пункт|ч\.|част)\p{L}*\s*(\d+)/giu;
  for (const m of text.matchAll(re)) {
    const word = (kazakh ? m[2] : m[1]).toLowerCase();
    const number = kazakh ? m[1] : m[2];
    const type: CitationUnit["type"] =
      word.startsWith("пп") || word.startsWith("подпункт") || word === "тармақша"
        ? "subpoint"
        : word.startsWith("п") || word.startsWith("тармақ") || word.startsWith("тармағ")
        ? "point"
        : "part";
    units.push({ type, number });
  }
  return units;
}

const BREAK = /\n|;|[.!?]\s+(?=\p{Lu})/u;

/** The code named next to an article mention: after it for Russian forms, before it for Kazakh ones, else the other side. */
function codeFor(
  text: string,
  span: Span,
  codes: CodeMention[],
  articles: Span[],
  kazakh: boolean,
): string | null {
  const clean = (from: number, to: number) =>
    !BREAK.test(text.slice(from, to + 1)) &&
    !articles.some((a) => a !== span && a.start >= from && a.end <= to);
  const after = codes.find((c) =>
    c.start >= span.end && c.start - span.end <= 80 && clean(span.end, c.start)
  );
  let before: CodeMention | undefined;
  for (const c of codes) {
    if (c.end <= span.start && span.start - c.end <= 150 && clean(c.end, span.start)) before = c;
  }
  const pick = kazakh ? (before ?? after) : (after ?? before);
  return pick?.code ?? null;
}

/**
 * Finds article and law citations in Russian or Kazakh text.
 *
 * Articles:
 * - Russian: `статья/статьи/статье/статью/статьей/статьям/статьями/статьях/статей`, `ст.`,
 *   `стст.` (or `ст` right before a number), followed by a number, a list (`статьями 10 и 12`,
 *   `статей 10, 11 и 12`) or a range (`ст. 10-12` expands to 10, 11, 12 when the second number is
 *   larger; `статья 65-1` is the inserted article 65-1 when it is not). Preceding `ч.`/`часть`,
 *   `п.`/`пункт`, `пп.`/`подпункт` are recorded as units.
 * - Kazakh: a number (or list with `,`/`және`/`мен`/`немесе`) before `бап`/`баб…`
 *   (`138-бабы`, `138 бап`, `Кодексінің 65-1-бабының`), with following `N-тармағы`,
 *   `N) тармақшасы`, `N-бөлігі` recorded as units.
 * - The code: the nearest code name (full Russian or Kazakh name, or abbreviation ГК/АК, НК,
 *   ТК, КоАП/ӘҚБтК, УК/ҚК, УПК/ҚПК, ГПК/АПК, ЗК, ЖК, ПК, ЭК, БК, КоБС, АППК, or the Constitution)
 *   in the same sentence: first looked for right after the article (within 80 characters) for
 *   Russian forms, right before it (within 150 characters) for Kazakh forms, then on the other side.
 *   Ambiguous Kazakh abbreviations (ЕК, СК, ЖК as Жер кодексі) are not read.
 *
 * Laws: a number with a Roman convocation suffix (`№ 414-V`, `123-VI ЗРК`; Cyrillic І and Х are
 * read as Roman I and X) gives `law:<N>-<ROMAN>`; `закон…`/`заң…` followed in the same sentence by
 * `№ N` without such suffix gives `law:<N>`.
 *
 * Ids are article-level: units are kept in {@linkcode Citation.units} but two answers citing the
 * same article at different depths cite the same id.
 *
 * @param text Any text.
 * @returns Citations in text order (duplicates kept).
 * @example
 * ```ts
 * import { extractCitations } from "./citations.ts";
 * import assert from "node:assert/strict";
 * const ids = (t: string) => extractCitations(t).map((c) => c.id);
 * assert.deepEqual(ids("согласно пп. 3) п. 1 ст. 25 НК РК"), ["art:НК:25"]);
 * assert.deepEqual(ids("статьями 10 и 12 Трудового кодекса"), ["art:ТК:10", "art:ТК:12"]);
 * assert.deepEqual(ids("ст. 10-12"), ["art:10", "art:11", "art:12"]);
 * assert.deepEqual(ids("Салық кодексінің 123-бабы 2-тармағы"), ["art:НК:123"]);
 * assert.deepEqual(ids("Закон РК от 2 июля 2018 года № 166-VI ЗРК"), ["law:166-VI"]);
 * ```
 */
export function extractCitations(text: string): Citation[] {
  const t = text.normalize("NFC");
  const codes = findCodes(t);
  const raw: { span: Span; numbers: string; units: CitationUnit[]; kazakh: boolean }[] = [];
  for (const m of t.matchAll(RU_ARTICLE)) {
    const unitLen = m[1].length;
    raw.push({
      span: { start: m.index! + unitLen, end: m.index! + m[0].length },
      numbers: m[2],
      units: parseUnits(m[1], false),
      kazakh: false,
    });
  }
  if (HAS_KZ_ARTICLE.test(t)) {
    for (const m of t.matchAll(KZ_ARTICLE)) {
      raw.push({
        span: { start: m.index!, end: m.index! + m[0].length - m[2].length },
        numbers: m[1],
        units: parseUnits(m[2], true),
        kazakh: true,
      });
    }
  }
  const spans = raw.map((r) => r.span);
  const out: Citation[] = [];
  for (const r of raw) {
    const code = codeFor(t, r.span, codes, spans, r.kazakh);
    for (const number of expandNumbers(r.numbers)) {
      out.push({
        id: code ? `art:${code}:${number}` : `art:${number}`,
        kind: "article",
        code,
        number,
        units: r.units,
        index: r.span.start,
      });
    }
  }
  if (HAS_LAW_ROMAN.test(t)) {
    for (const m of t.matchAll(LAW_ROMAN)) {
      const roman = m[2].replaceAll("І", "I").replaceAll("Х", "X");
      const number = `${Number(m[1])}-${roman}`;
      out.push({
        id: `law:${number}`,
        kind: "law",
        code: null,
        number,
        units: [],
        index: m.index!,
      });
    }
  }
  if (t.includes("№")) {
    for (const m of t.matchAll(LAW_PLAIN)) {
      const number = m[1];
      out.push({
        id: `law:${number}`,
        kind: "law",
        code: null,
        number,
        units: [],
        index: m.index! + m[0].length - m[1].length,
      });
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

/**
 * The set of citation ids of a text (see {@linkcode extractCitations}).
 *
 * @example
 * ```ts
 * import { citationIds } from "./citations.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...citationIds("ст. 138 НК и статья 138 Налогового кодекса")], ["art:НК:138"]);
 * ```
 */
export function citationIds(text: string): Set<string> {
  return new Set(extractCitations(text).map((c) => c.id));
}

/**
 * Whether two citation ids refer to the same thing: equal ids, or two article ids with the same
 * number where one of them names no code (`art:138` matches `art:НК:138`, but `art:НК:138` does
 * not match `art:ТК:138`).
 *
 * @example
 * ```ts
 * import { citationsMatch } from "./citations.ts";
 * import assert from "node:assert/strict";
 * assert.ok(citationsMatch("art:138", "art:НК:138"));
 * assert.ok(!citationsMatch("art:ТК:138", "art:НК:138"));
 * assert.ok(!citationsMatch("law:138", "art:138"));
 * ```
 */
export function citationsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith("art:") || !b.startsWith("art:")) return false;
  const pa = a.split(":");
  const pb = b.split(":");
  const na = pa[pa.length - 1];
  const nb = pb[pb.length - 1];
  return na === nb && (pa.length === 2 || pb.length === 2);
}
