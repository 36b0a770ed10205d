/**
 * ASCII transliteration of Russian and Kazakh Cyrillic, for identifiers that must be ASCII (a run
 * id derived from a file name such as `ответы 14б.json`). It is a one-way, readable mapping, not
 * a standard romanisation: ё yo, ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, ъ and ь
 * dropped; Kazakh ә a, ғ g, қ q, ң ng, ө o, ұ u, ү u, һ h, і i.
 * @module
 */

const LOWER: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "ng",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
};

/**
 * Replaces every Russian or Kazakh Cyrillic letter with its ASCII spelling (capitalised for a
 * capital letter); every other character is kept.
 *
 * @param text Any text.
 * @returns The text with Cyrillic letters spelled in ASCII.
 * @example
 * ```ts
 * import { transliterate } from "./transliterate.ts";
 * import assert from "node:assert/strict";
 * assert.equal(transliterate("Қазақстан"), "Qazaqstan");
 * assert.equal(transliterate("Щука и ёж, 14b"), "Shchuka i yozh, 14b");
 * assert.equal(transliterate("Өңір үшін"), "Ongir ushin");
 * ```
 */
export function transliterate(text: string): string {
  let out = "";
  for (const c of text.normalize("NFC")) {
    const lower = c.toLowerCase();
    const t = LOWER[lower];
    if (t === undefined) out += c;
    else if (c === lower || t === "") out += t;
    else out += t[0].toUpperCase() + t.slice(1);
  }
  return out;
}
