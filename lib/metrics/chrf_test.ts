import assert from "node:assert/strict";
import { chrf } from "./chrf.ts";
import { distinctWords } from "./_test_texts.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-10, `${a} vs ${b}`);

Deno.test("chrf() averages precision and recall over the effective orders (Kazakh)", () => {
  // hyp "қаз", ref "қазақ"
  // order 1: hyp 3, ref 5, match қ1 а1 з1 = 3 -> P 1, R 3/5
  // order 2: hyp {қа, аз}, ref {қа, аз, за, ақ}: match 2 -> P 1, R 1/2
  // order 3: hyp {қаз}, ref {қаз, аза, зақ}: match 1 -> P 1, R 1/3
  // orders 4-6: no hypothesis n-gram -> not effective
  // P = 1, R = (54 + 45 + 30)/90 / 3 = 43/90; chrF2 = 5·R/(4 + R) = 215/403
  close(chrf("қаз", "қазақ"), 100 * 215 / 403);
});

Deno.test("chrf() and chrF++ on Russian words with zero-match orders", () => {
  // chars "абвг" vs "абде": o1 P = R = 2/4; o2 {аб бв вг} vs {аб бд де}: 1/3; o3: 0; o4: 0; o5, o6: none
  // chrF: P = R = (1/2 + 1/3 + 0 + 0)/4 = 5/24 -> F = P = 5/24
  close(chrf("аб вг", "аб де"), 100 * 5 / 24);
  // chrF++ adds words [аб вг] vs [аб де]: w1 1/2, w2 0 -> P = R = (1/2 + 1/3 + 0 + 0 + 1/2 + 0)/6 = 2/9
  close(chrf("аб вг", "аб де", { wordOrder: 2 }), 100 * 2 / 9);
});

Deno.test("chrf() with chrF++ splits one punctuation mark off a word", () => {
  // chars "срок," vs "срок": o1 4/5,1; o2 3/4,1; o3 2/3,1; o4 1/2,1; o5 1 vs 0 -> not effective
  // words [срок ,] vs [срок]: w1 P 1/2, R 1; w2: the reference has no bigram -> not effective
  // P = (4/5 + 3/4 + 2/3 + 1/2 + 1/2)/5 = 193/300, R = 1; F = 5P/(4P + 1) = 965/1072
  close(chrf("срок,", "срок", { wordOrder: 2 }), 100 * 965 / 1072);
  assert.equal(chrf("срок,", "срок ,", { wordOrder: 2 }), 100);
});

Deno.test("chrf() removes whitespace and is case-sensitive by default", () => {
  assert.equal(chrf("а б", "аб"), 100);
  assert.equal(chrf("А", "а"), 0); // order 1 is effective (both have a 1-gram) with 0 matches
  assert.equal(chrf("А", "а", { lowercase: true }), 100);
  // with whitespace kept, "а б" has 1-grams {а, " ", б} vs {а, б}: P 2/3, R 1; 2-grams {"а ", " б"} vs {аб}: 0
  // P = (2/3 + 0)/2 = 1/3, R = 1/2 -> 5·(1/6)/(4/3 + 1/2) = (5/6)/(11/6) = 5/11
  close(chrf("а б", "аб", { whitespace: true }), 100 * 5 / 11);
});

Deno.test("chrf() with epsSmoothing averages per-order F over all orders", () => {
  // hyp "аб", ref "абв": o1 F = 5·(2/3)/(4 + 2/3) = 5/7; o2 F = 5·(1/2)/(4 + 1/2) = 5/9;
  // o3: P = 1e-16, R = 0 -> F = 0; o4-o6: P = R = 1e-16 -> F = 1e-16 each
  close(chrf("аб", "абв", { epsSmoothing: true }), 100 * (5 / 7 + 5 / 9 + 3e-16) / 6);
});

Deno.test("chrf() is 0 for empty sides and 100 for identical 2,400-word texts", () => {
  assert.equal(chrf("", "абв"), 0);
  assert.equal(chrf("абв", ""), 0);
  assert.equal(chrf("", ""), 0);
  const long = distinctWords("сөз", 2400).join(" ");
  assert.equal(chrf(long, long), 100);
  assert.equal(chrf(long, long, { wordOrder: 2 }), 100);
  assert.throws(() => chrf("a", "a", { charOrder: 0, wordOrder: 0 }), RangeError);
});

Deno.test("chrf() counts code points, not UTF-16 units", () => {
  // "𝐀𝐁" is 2 code points (4 UTF-16 units): identical texts score 100 and a one-character
  // hypothesis "𝐀" has o1 P 1, R 1/2 -> 5·(1/2)/(4 + 1/2) = 5/9
  assert.equal(chrf("𝐀𝐁", "𝐀𝐁"), 100);
  close(chrf("𝐀", "𝐀𝐁"), 100 * 5 / 9);
});
