import assert from "node:assert/strict";
import { metricInfo, METRICS, metricsOfSuite } from "./registry.ts";
import { suiteMetricNames } from "./score_sample.ts";

Deno.test("METRICS describes every metric that scoreSample() computes, plus the stored-only ones", () => {
  for (const name of suiteMetricNames("all", true)) assert.ok(METRICS[name], name);
  assert.deepEqual(metricsOfSuite("model"), ["bertscore_f1"]);
  assert.deepEqual(metricsOfSuite("system"), ["latency_s"]);
  assert.deepEqual(metricsOfSuite("legacy"), suiteMetricNames("legacy"));
  assert.deepEqual(metricsOfSuite("v2"), suiteMetricNames("v2", true));
});

Deno.test("every metric has a signature naming its name, suite and version", () => {
  for (const info of Object.values(METRICS)) {
    assert.ok(info.signature.startsWith(`${info.name}|suite:${info.suite}|`), info.name);
    assert.ok(info.signature.endsWith(`|version:${info.version}`), info.name);
    assert.ok(info.definition.length > 40, info.name);
    assert.equal(info.recomputable, info.suite === "legacy" || info.suite === "v2", info.name);
  }
  assert.equal(
    new Set(Object.values(METRICS).map((i) => i.signature)).size,
    Object.keys(METRICS).length,
  );
});

Deno.test("metricInfo() gives directions and rejects unknown names", () => {
  assert.equal(metricInfo("hallucination_rate_v2").higherIsBetter, false);
  assert.equal(metricInfo("latency_s").higherIsBetter, false);
  assert.equal(metricInfo("chrf").range[1], 100);
  assert.throws(() => metricInfo("rouge3"), RangeError);
});

Deno.test("a metric has one display name: metricLabel() is the registry's label, and the v2 hallucination metric is called so everywhere", async () => {
  const { metricLabel, METRIC_LABELS } = await import("./metric_order.ts");
  for (const info of Object.values(METRICS)) {
    assert.equal(metricLabel(info.name), info.label);
    assert.equal(METRIC_LABELS[info.name], info.label);
  }
  assert.equal(metricLabel("hallucination_rate_v2"), "Hallucination rate (v2)");
});
