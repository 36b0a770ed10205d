/**
 * Sentence BLEU as the study computed it: NLTK's `sentence_bleu` with smoothing `method1`
 * on lower-cased whitespace tokens.
 * @module
 */
import { tokenize } from "./tokenize.ts";
import { internTokens } from "./_intern.ts";
import { ngramStats } from "./_ngram_stats.ts";
import { fsum } from "./_fsum.ts";

/** Options for {@linkcode bleu}. */
export interface BleuOptions {
  /** Highest n-gram order; weights are uniform `1/maxOrder`. Default: `4`. */
  maxOrder?: number;
  /** `method1`'s epsilon added to a zero match count. Default: `0.1`. */
  epsilon?: number;
}

/**
 * BLEU of one prediction against one reference, re-implementing the study's `calculate_bleu`
 * (`benchmark.py`, nurkal022/fine_tune_qwen3, commit 02a909e2ee8fca5901e526d752fa46b9871fe599),
 * i.e. `nltk.translate.bleu_score.sentence_bleu([ref], pred, smoothing_function=method1)`:
 *
 * 1. Tokens: `text.lower().split()` (punctuation stays attached to words).
 * 2. 0 when either side has no token (the study's guard).
 * 3. For n = 1..4: p_n = Σ min(count_pred, count_ref) / max(1, #pred n-grams) (clipped precision).
 * 4. 0 when p_1 has no match (NLTK's early return).
 * 5. method1: a p_n with zero matches becomes (0 + 0.1) / max(1, #pred n-grams), so a
 *    prediction shorter than n still gets 0.1 for that order.
 * 6. BP = 1 if |pred| > |ref|, else exp(1 - |ref|/|pred|).
 * 7. BLEU = BP · exp(fsum(¼ · ln p_n)) (Python's exact `math.fsum`).
 *
 * @param prediction The model's answer.
 * @param reference The reference answer.
 * @param options See {@linkcode BleuOptions}.
 * @returns BLEU in [0, 1].
 * @example
 * ```ts
 * import { bleu } from "./bleu.ts";
 * import assert from "node:assert/strict";
 * // pred = ref = 4 tokens: p1..p4 = 1, BP = 1 (4 is not > 4: exp(1 - 4/4) = 1)
 * assert.equal(bleu("срок три года истек", "Срок три года истек"), 1);
 * // pred [срок, три], ref [срок, три, года]: p1 = 2/2, p2 = 1/1, p3 = p4 = (0+0.1)/1
 * // BP = exp(1 - 3/2); BLEU = exp(-0.5) * exp((ln 1 + ln 1 + 2 ln 0.1) / 4) = exp(-0.5) * 0.1^0.5
 * assert.ok(Math.abs(bleu("срок три", "срок три года") - Math.exp(-0.5) * Math.sqrt(0.1)) < 1e-15);
 * assert.equal(bleu("", "срок"), 0);
 * ```
 */
export function bleu(prediction: string, reference: string, options: BleuOptions = {}): number {
  const { maxOrder = 4, epsilon = 0.1 } = options;
  if (!Number.isInteger(maxOrder) || maxOrder < 1) {
    throw new RangeError(
      `Cannot compute BLEU: maxOrder must be a positive integer, got ${maxOrder}`,
    );
  }
  const hyp = tokenize(prediction, { tokenizer: "whitespace-lower" });
  const ref = tokenize(reference, { tokenizer: "whitespace-lower" });
  if (hyp.length === 0 || ref.length === 0) return 0;
  const { a, b, alphabet } = internTokens(hyp, ref);
  const st = ngramStats(a, b, alphabet, maxOrder);
  if (st.match[0] === 0) return 0;
  const w = 1 / maxOrder;
  const logs: number[] = [];
  for (let i = 0; i < maxOrder; i++) {
    const den = Math.max(1, st.a[i]);
    const p = st.match[i] === 0 ? (0 + epsilon) / den : st.match[i] / den;
    logs.push(w * Math.log(p));
  }
  const hypLen = hyp.length;
  const refLen = ref.length;
  const bp = hypLen > refLen ? 1 : Math.exp(1 - refLen / hypLen);
  return bp * Math.exp(fsum(logs));
}
