import assert from "node:assert/strict";
import {
  auditedPairs,
  corpusMetrics,
  METRIC_ROLES,
  metricInfo,
  METRICS,
  metricsOfSuite,
  metricsWithRole,
} from "./registry.ts";
import { scoreSample, suiteMetricNames } from "./score_sample.ts";
import { METRIC_LABELS, metricLabel, orderMetrics } from "./metric_order.ts";

const PAIR = {
  prediction: "Согласно статье 12 ТК, срок 3 года.",
  reference: "Статья 12 ТК: 3 года",
};

Deno.test("every recomputable per-answer metric has a compute function, and scoreSample() gives a value in its range", () => {
  const scores = scoreSample(PAIR, { suite: "all" });
  for (const info of Object.values(METRICS)) {
    const computed = typeof info.compute === "function";
    assert.equal(info.recomputable && info.level === "sample", computed, info.name);
    assert.equal(info.name in scores, computed, info.name);
    if (!computed) continue;
    assert.ok(info.suite === "legacy" || info.suite === "v2", info.name);
    const v = scores[info.name];
    if (v === null) assert.ok(info.nullable, `${info.name} is null but not nullable`);
    else {
      assert.ok(v >= info.range[0] && (info.range[1] === null || v <= info.range[1]), info.name);
    }
  }
  // Only the model's and the system's metrics are stored only.
  for (const info of Object.values(METRICS)) {
    if (info.compute !== "stored only") continue;
    assert.ok(info.suite === "model" || info.suite === "system", info.name);
  }
  assert.deepEqual(corpusMetrics(), ["chrf_corpus"]);
  assert.deepEqual(metricsOfSuite("model"), ["bertscore_f1"]);
});

Deno.test("every metric has a signature naming its name, suite and version", () => {
  for (const info of Object.values(METRICS)) {
    assert.ok(info.signature.startsWith(`${info.name}|suite:${info.suite}|`), info.name);
    assert.ok(info.signature.endsWith(`|version:${info.version}`), info.name);
    assert.ok(info.definition.length > 40, info.name);
  }
  assert.equal(
    new Set(Object.values(METRICS).map((i) => i.signature)).size,
    Object.keys(METRICS).length,
  );
});

Deno.test("every role has metrics, all of them known, and the audited pairs are legacy metrics with their v2 corrections", () => {
  for (const role of METRIC_ROLES) {
    const names = metricsWithRole(role);
    assert.ok(names.length > 0, `no metric has the role ${role}`);
    for (const name of names) assert.equal(metricInfo(name).name, name);
  }
  assert.throws(() => metricsWithRole("appendix" as never), /Unknown metric role "appendix"/);
  const pairs = auditedPairs();
  assert.ok(pairs.length > 0);
  for (const [legacy, corrected] of pairs) {
    assert.equal(metricInfo(legacy).suite, "legacy", legacy);
    assert.equal(metricInfo(corrected).suite, "v2", corrected);
    assert.equal(metricInfo(legacy).higherIsBetter, metricInfo(corrected).higherIsBetter, legacy);
  }
  assert.equal(
    new Set(pairs.map(([legacy]) => legacy)).size,
    pairs.length,
    "a legacy metric audited twice",
  );
});

Deno.test("display order is registry order, and scoreSample() returns each suite in that order", () => {
  const names = Object.keys(METRICS);
  assert.deepEqual(orderMetrics([...names].reverse()), names);
  assert.deepEqual(orderMetrics(["zz_custom", "aa_custom", names[1], names[0]]), [
    names[0],
    names[1],
    "aa_custom",
    "zz_custom",
  ]);
  for (const suite of ["legacy", "v2"] as const) {
    assert.deepEqual(suiteMetricNames(suite), orderMetrics(suiteMetricNames(suite)), suite);
  }
  for (const role of METRIC_ROLES) {
    assert.deepEqual(metricsWithRole(role), orderMetrics(metricsWithRole(role)), role);
  }
});

Deno.test("metricInfo() gives directions and rejects unknown names", () => {
  assert.equal(metricInfo("hallucination_rate_v2").higherIsBetter, false);
  assert.equal(metricInfo("latency_s").higherIsBetter, false);
  assert.equal(metricInfo("chrf").range[1], 100);
  assert.throws(() => metricInfo("rouge3"), RangeError);
});

Deno.test("a metric has one display name: metricLabel() is the registry's label, and the v2 hallucination metric is called so everywhere", () => {
  for (const info of Object.values(METRICS)) {
    assert.equal(metricLabel(info.name), info.label);
    assert.equal(METRIC_LABELS[info.name], info.label);
  }
  assert.equal(metricLabel("hallucination_rate_v2"), "Hallucination rate (v2)");
  assert.equal(
    new Set(Object.values(METRICS).map((i) => i.label)).size,
    Object.keys(METRICS).length,
  );
});
