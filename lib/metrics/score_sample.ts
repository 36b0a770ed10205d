/**
 * Scores one prediction/reference pair with the legacy suite, the v2 suite, or both: every metric
 * of the registry whose `compute` is a function, in registry order.
 * @module
 */
import { type MetricInfo, METRICS } from "./registry.ts";
import { ScoringContext } from "./scoring_context.ts";

/** Which suite(s) to compute. */
export type SuiteChoice = "legacy" | "v2" | "all";

/** Options for {@linkcode scoreSample}. */
export interface ScoreSampleOptions {
  /** Suite(s) to compute. Default: `"all"`. */
  suite?: SuiteChoice;
}

type Computed = MetricInfo & { compute: (s: ScoringContext) => number | null };

const COMPUTED: readonly Computed[] = Object.values(METRICS).filter((i): i is Computed =>
  typeof i.compute === "function"
);

/** The computed metrics of each suite choice: legacy first, then v2, each in registry order. */
const BY_CHOICE: Readonly<Record<SuiteChoice, readonly Computed[]>> = (() => {
  const legacy = COMPUTED.filter((i) => i.suite === "legacy");
  const v2 = COMPUTED.filter((i) => i.suite === "v2");
  return { legacy, v2, all: [...legacy, ...v2] };
})();

function metricsOf(suite: SuiteChoice): readonly Computed[] {
  const metrics = Object.hasOwn(BY_CHOICE, suite) ? BY_CHOICE[suite] : undefined;
  if (!metrics) {
    throw new RangeError(
      `Cannot score: unknown suite "${suite as string}" (expected legacy, v2 or all)`,
    );
  }
  return metrics;
}

/**
 * The metric names {@linkcode scoreSample} returns for a choice of suite, in the order it returns
 * them: the registry's metrics of the suite that have a compute function.
 *
 * @throws {RangeError} when the suite is unknown.
 */
export function suiteMetricNames(suite: SuiteChoice): string[] {
  return metricsOf(suite).map((i) => i.name);
}

/**
 * Computes the metrics of a suite for one sample. Names and definitions are in
 * {@linkcode METRICS} (lib/metrics/registry.ts); `null` means "undefined for this sample" (v2
 * citation and key-info metrics when there is nothing to compare). Tokens, citation sets and
 * ROUGE counts that several metrics read are computed once per sample ({@linkcode ScoringContext}).
 *
 * @param sample At least the prediction and the reference.
 * @param options See {@linkcode ScoreSampleOptions}.
 * @returns Metric name → value.
 * @throws {TypeError} when the prediction or the reference is not a string.
 * @throws {RangeError} when the suite is unknown.
 * @example
 * ```ts
 * import { scoreSample } from "./score_sample.ts";
 * import assert from "node:assert/strict";
 * const pair = { prediction: "Согласно статьям 12 и 14 ТК", reference: "статья 12 ТК" };
 * const s = scoreSample(pair, { suite: "v2" });
 * assert.equal(s.citation_accuracy_v2, 1); // ref {art:ТК:12}, pred {art:ТК:12, art:ТК:14}
 * assert.equal(s.hallucination_rate_v2, 0.5); // art:ТК:14 is not in the reference
 * // unicode tokens: pred 6 [согласно статьям 12 и 14 тк], ref 3 [статья 12 тк], shared {12, тк}
 * assert.equal(s.rouge1_v2, 2 * (2 / 6) * (2 / 3) / (2 / 6 + 2 / 3));
 * const legacy = scoreSample(pair, { suite: "legacy" });
 * assert.equal(legacy.citation_accuracy, 0); // the study's regex does not read "статьям 12"
 * ```
 */
export function scoreSample(
  sample: { prediction: string; reference: string },
  options: ScoreSampleOptions = {},
): Record<string, number | null> {
  const metrics = metricsOf(options.suite ?? "all");
  const context = new ScoringContext(sample.prediction, sample.reference);
  const out: Record<string, number | null> = {};
  for (const metric of metrics) out[metric.name] = metric.compute(context);
  return out;
}
