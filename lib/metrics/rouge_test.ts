import assert from "node:assert/strict";
import { rouge } from "./rouge.ts";
import { lcsLength } from "./_lcs.ts";
import { distinctWords, lcg } from "./_test_texts.ts";

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);

Deno.test("rouge() on Russian text counts unigrams, bigrams and the LCS of Cyrillic words", () => {
  // pred [срок исковой давности составляет три года] (6), ref [общий срок исковой давности три года] (6)
  // unigrams: 5 shared -> P = R = F = 5/6
  // bigrams: pred {срок-исковой, исковой-давности, давности-составляет, составляет-три, три-года},
  //   ref {общий-срок, срок-исковой, исковой-давности, давности-три, три-года}: 3 shared -> 3/5
  // LCS: срок исковой давности три года = 5 -> 5/6
  const r = rouge(
    "Срок исковой давности составляет три года.",
    "Общий срок исковой давности — три года",
  );
  close(r.rouge1.f, 5 / 6, "rouge1");
  close(r.rouge2.f, 3 / 5, "rouge2");
  close(r.rougeL.f, 5 / 6, "rougeL");
  assert.equal(r.rougeL.precision, 5 / 6);
});

Deno.test("rouge() on Kazakh text keeps the Kazakh letters", () => {
  // pred [еңбек шарты жазбаша нысанда жасалады] (5), ref [еңбек шарты жазбаша жасалады] (4)
  // unigrams: 4 shared: P = 4/5, R = 1, F = 2·0.8/1.8 = 8/9
  // bigrams: pred 4, ref 3 {еңбек-шарты, шарты-жазбаша, жазбаша-жасалады}, 2 shared: P = 1/2, R = 2/3, F = 4/7
  // LCS = 4: same as unigrams, 8/9
  const r = rouge("Еңбек шарты жазбаша нысанда жасалады", "Еңбек шарты жазбаша жасалады");
  close(r.rouge1.f, 8 / 9, "rouge1");
  close(r.rouge2.f, 4 / 7, "rouge2");
  close(r.rougeL.f, 8 / 9, "rougeL");
  // The study's tokenizer sees no token at all in Kazakh: every score is 0
  const legacy = rouge("Еңбек шарты жазбаша нысанда жасалады", "Еңбек шарты жазбаша жасалады", {
    tokenizer: "rouge-ascii",
  });
  assert.deepEqual([legacy.rouge1.f, legacy.rouge2.f, legacy.rougeL.f], [0, 0, 0]);
});

Deno.test("rouge() on mixed-script text: the legacy tokenizer compares only Latin words and digits", () => {
  // unicode: pred [статья 12 labor code] (4), ref [12 бабы labor code рк] (5)
  // unigrams: {12, labor, code}: P = 3/4, R = 3/5, F = 0.9/1.35 = 2/3
  // bigrams: pred {статья-12, 12-labor, labor-code}, ref {12-бабы, бабы-labor, labor-code, code-рк}: 1 shared,
  //   P = 1/3, R = 1/4, F = (2/12)/(7/12) = 2/7
  // LCS: 12 labor code = 3 -> 2/3
  const r = rouge("Статья 12 Labor Code", "12-бабы Labor Code РК");
  close(r.rouge1.f, 2 / 3, "rouge1");
  close(r.rouge2.f, 2 / 7, "rouge2");
  close(r.rougeL.f, 2 / 3, "rougeL");
  // rouge-ascii: both sides are [12 labor code]: a perfect 1 for different answers
  const legacy = rouge("Статья 12 Labor Code", "12-бабы Labor Code РК", {
    tokenizer: "rouge-ascii",
  });
  assert.deepEqual([legacy.rouge1.f, legacy.rouge2.f, legacy.rougeL.f], [1, 1, 1]);
});

Deno.test("rouge() clips repeated tokens and gives 0 for empty sides", () => {
  // pred [а а а], ref [а б]: overlap min(3,1) = 1: P = 1/3, R = 1/2, F = (1/3)/(5/6) = 0.4; LCS = 1: same
  const r = rouge("а а а", "а б");
  close(r.rouge1.f, 0.4, "rouge1");
  close(r.rougeL.f, 0.4, "rougeL");
  assert.equal(r.rouge2.f, 0); // {а-а, а-а} vs {а-б}
  for (const [p, ref] of [["", "а б"], ["а б", ""], ["", ""], ["!!!", "..."]]) {
    const e = rouge(p, ref);
    assert.deepEqual(
      [e.rouge1.f, e.rouge2.f, e.rougeL.f],
      [0, 0, 0],
      `${JSON.stringify(p)} vs ${JSON.stringify(ref)}`,
    );
  }
});

Deno.test("rouge() handles 2,400-word texts exactly", () => {
  const ref = distinctWords("сөз", 2400);
  // pred: the first 1,200 reference words, then 1,200 other words
  const pred = [...ref.slice(0, 1200), ...distinctWords("басқа", 1200)];
  // unigrams 1200/2400 both ways -> 0.5; bigrams 1199 shared of 2399 each -> 1199/2399; LCS 1200 -> 0.5
  const r = rouge(pred.join(" "), ref.join(" "));
  close(r.rouge1.f, 0.5, "rouge1");
  close(r.rouge2.f, 1199 / 2399, "rouge2");
  close(r.rougeL.f, 0.5, "rougeL");
  // reversed order: all unigrams shared, no bigram, LCS of distinct reversed words = 1
  const rev = rouge([...ref].reverse().join(" "), ref.join(" "));
  assert.equal(rev.rouge1.f, 1);
  assert.equal(rev.rouge2.f, 0);
  close(rev.rougeL.f, 1 / 2400, "rougeL reversed");
});

Deno.test("lcsLength() (bit-parallel) agrees with the full dynamic-programming table on random sequences", () => {
  const rand = lcg(42);
  const full = (a: Int32Array, b: Int32Array) => {
    const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.length][b.length];
  };
  for (let k = 0; k < 300; k++) {
    // short sequences over a small alphabet, and longer ones spanning many 32-bit words
    const [len, sym] = k < 200 ? [40, 6] : [300, 3 + rand(40)];
    const a = Int32Array.from({ length: rand(len) }, () => rand(sym));
    const b = Int32Array.from({ length: rand(len) }, () => rand(sym));
    assert.equal(lcsLength(a, b), full(a, b));
    assert.equal(lcsLength(b, a), full(a, b));
  }
});
