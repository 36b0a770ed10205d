import assert from "node:assert/strict";
import { bleu } from "./bleu.ts";
import { fsum } from "./_fsum.ts";
import { distinctWords } from "./_test_texts.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-14, `${a} vs ${b}`);

Deno.test("bleu() reproduces NLTK method1 with a brevity penalty on Russian text", () => {
  // hyp [срок исковой давности три года] (5), ref [общий срок исковой давности составляет три года] (7)
  // p1 = 5/5; p2: срок-исковой ✓ исковой-давности ✓ давности-три ✗ три-года ✓ = 3/4
  // p3: срок-исковой-давности ✓, the other two ✗ = 1/3; p4: 0/2 -> method1 (0 + 0.1)/2 = 0.05
  // BP = exp(1 - 7/5); BLEU = exp(-0.4) · (1 · 3/4 · 1/3 · 0.05)^(1/4)
  close(
    bleu("срок исковой давности три года", "общий срок исковой давности составляет три года"),
    Math.exp(-0.4) * 0.0125 ** 0.25,
  );
});

Deno.test("bleu() keeps punctuation on tokens, lower-cases, and smooths orders longer than the hypothesis", () => {
  // hyp [срок: три года.], ref [срок три года]: p1 = 1/3 (три); p2 = 0/2 -> 0.05; p3 = 0/1 -> 0.1;
  // p4: no 4-gram, denominator max(1, 0) = 1 -> 0.1; BP: 3 is not > 3 -> exp(0) = 1
  close(bleu("Срок: три года.", "срок три года"), (1 / 3 * 0.05 * 0.1 * 0.1) ** 0.25);
});

Deno.test("bleu() is 1 for identical Kazakh text and has no penalty for a longer hypothesis", () => {
  assert.equal(bleu("Еңбек шарты жазбаша жасалады", "еңбек шарты жазбаша жасалады"), 1);
  // hyp [a b c d e], ref [a b c d]: p = 4/5, 3/4, 2/3, 1/2; BP = 1 since 5 > 4
  close(bleu("a b c d e", "a b c d"), (4 / 5 * 3 / 4 * 2 / 3 * 1 / 2) ** 0.25);
});

Deno.test("bleu() is 0 with no unigram match or an empty side", () => {
  assert.equal(bleu("один два", "три четыре"), 0);
  assert.equal(bleu("", "три"), 0);
  assert.equal(bleu("три", "   "), 0);
});

Deno.test("bleu() on 2,400-word texts", () => {
  const ref = distinctWords("w", 2400);
  assert.equal(bleu(ref.join(" "), ref.join(" ")), 1);
  // the first half: every n-gram precision is 1, BP = exp(1 - 2400/1200) = exp(-1)
  close(bleu(ref.slice(0, 1200).join(" "), ref.join(" ")), Math.exp(-1));
});

Deno.test("bleu() options change the order and epsilon", () => {
  // maxOrder 2 on the punctuation example: p1 = 1/3, p2 = 0.05 -> (1/3 · 0.05)^(1/2)
  close(bleu("Срок: три года.", "срок три года", { maxOrder: 2 }), Math.sqrt(1 / 3 * 0.05));
  close(
    bleu("Срок: три года.", "срок три года", { epsilon: 0.5 }),
    (1 / 3 * 0.25 * 0.5 * 0.5) ** 0.25,
  );
  assert.throws(() => bleu("a", "a", { maxOrder: 0 }), RangeError);
});

Deno.test("fsum() is exact like Python's math.fsum", () => {
  assert.equal(fsum([1e100, 1, -1e100]), 1);
  assert.equal(fsum(new Array(10).fill(0.1)), 1);
  assert.equal(fsum([]), 0);
  assert.equal(fsum([0.1, 0.2, 0.3]), 0.6); // naive left-to-right gives 0.6000000000000001
});
