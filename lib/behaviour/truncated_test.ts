import assert from "node:assert/strict";
import { endsMidSentence, isTruncated, truncationContext } from "./truncated.ts";

Deno.test("endsMidSentence() is false at sentence-final punctuation, closing brackets, quotes and markdown", () => {
  for (
    const t of [
      "Иә.",
      "Жоқ!",
      "Почему?",
      "см. ст. 5…",
      "(ст. 65 НК РК)",
      "«Әділет»",
      "**Итог**",
      "список:",
    ]
  ) {
    assert.equal(endsMidSentence(`${t}  \n`), false, t);
  }
  for (
    const t of ["7. **Д", "налогоплательщик обязан,", "Салық төлеуші", "Let me recall the laws or"]
  ) {
    assert.equal(endsMidSentence(t), true, t);
  }
  assert.equal(endsMidSentence("   "), false); // empty, not cut
});

Deno.test("truncationContext() takes the 0.99 quantile of known positive latencies", () => {
  // 30 latencies 1..30 s, plus unknown and zero ones that are ignored: position 29 * 0.99 =
  // 28.71, so 29 + 0.71 * (30 - 29) = 29.71.
  const samples = [
    ...Array.from({ length: 30 }, (_, i) => ({ prediction: "x", latency_s: i + 1 })),
    { prediction: "x", latency_s: null },
    { prediction: "x", latency_s: 0 },
  ];
  assert.ok(Math.abs(truncationContext(samples).latencyLimit! - 29.71) < 1e-12);
  assert.equal(truncationContext(samples, { minSamples: 31 }).latencyLimit, null);
  assert.equal(truncationContext(samples, { quantile: 1 }).latencyLimit, 30);
  assert.throws(() => truncationContext(samples, { quantile: 0 }), RangeError);
});

Deno.test("isTruncated() uses the recorded flag, else estimates from the ending and the time or length", () => {
  const context = { latencyLimit: 20 };
  const cut = "Согласно статье 99 ТК РК работник имеет право на";
  const done = "Жұмыскер 24 күнтізбелік күн демалыс алуға құқылы.";
  // Recorded: taken as is, whatever the ending.
  assert.deepEqual(isTruncated({ prediction: done, hit_max_new_tokens: true }), {
    truncated: true,
    basis: "recorded",
  });
  assert.deepEqual(
    isTruncated({ prediction: cut, hit_max_new_tokens: false, latency_s: 20 }, { context }),
    {
      truncated: false,
      basis: "recorded",
    },
  );
  // Estimated from time: 0.85 * 20 = 17 s is the cut-off.
  assert.equal(isTruncated({ prediction: cut, latency_s: 17 }, { context }).truncated, true);
  assert.equal(isTruncated({ prediction: cut, latency_s: 16.9 }, { context }).truncated, false);
  assert.equal(isTruncated({ prediction: done, latency_s: 25 }, { context }).truncated, false);
  assert.equal(
    isTruncated({ prediction: cut, latency_s: 17 }, { context, nearLimit: 0.9 }).truncated,
    false,
  );
  // Estimated from length when the time or the calibration is missing: 1000 characters.
  const long = "Okay, let me recall the relevant laws. ".repeat(25) + "The main ones are"; // 992 chars
  assert.equal(long.length, 992);
  assert.deepEqual(isTruncated({ prediction: long }), {
    truncated: false,
    basis: "estimated-length",
  });
  assert.deepEqual(isTruncated({ prediction: long + " the law" }), {
    truncated: true,
    basis: "estimated-length",
  });
  assert.equal(
    isTruncated({ prediction: long + " the law", latency_s: 3 }).basis,
    "estimated-length",
  );
  assert.equal(
    isTruncated({ prediction: long, latency_s: null }, { context, minChars: 900 }).truncated,
    true,
  );
});
