import assert from "node:assert/strict";
import { answerBehaviourFigure } from "./answer_behaviour_figure.ts";
import type { BehaviourRow } from "../behaviour/behaviour_summary.ts";

/** Bar widths, tops and heights and panel widths, in drawing order (one panel per flag). */
function bars(svg: string): { bar: number; panel: number; y: number; height: number }[] {
  const panels = svg.split(/<svg viewBox="0 0 (\d+) \d+"/).slice(1);
  const out: { bar: number; panel: number; y: number; height: number }[] = [];
  for (let i = 0; i < panels.length; i += 2) {
    const rect = /aria-label="bar"><rect height="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/.exec(
      panels[i + 1],
    );
    if (rect) {
      out.push({
        height: Number(rect[1]),
        y: Number(rect[2]),
        bar: Number(rect[3]),
        panel: Number(panels[i]),
      });
    }
  }
  return out;
}

Deno.test("answerBehaviourFigure() draws each share inside its panel, in proportion (5% is a short bar)", () => {
  const row = {
    run: "a",
    n: 100,
    wrong_language: 5,
    wrong_language_share: 0.05,
    reasoning_trace: 5,
    reasoning_trace_share: 0.05,
    truncated: 0,
    truncated_share: 0,
    empty: 0,
    empty_share: 0,
    refusal: 0,
    refusal_share: 0,
    substantive: 90,
    substantive_share: 0.9,
    truncated_estimated: 0,
    keyword_coverage_mean: null,
    keyword_coverage_n: 0,
  } as BehaviourRow;
  const drawn = bars(answerBehaviourFigure([row]));
  assert.equal(drawn.length, 6, "one bar per flag");
  for (const { bar, panel } of drawn) {
    assert.ok(bar <= panel, `bar ${bar} px in a ${panel} px panel`);
  }
  const [, trace, , , , substantive] = drawn; // same-size panels (no axis labels)
  assert.ok(Math.abs(trace.bar / substantive.bar - 0.05 / 0.9) < 0.01, JSON.stringify(drawn));
});

Deno.test("answerBehaviourFigure() puts a run's bars at the height of its label in every panel", () => {
  const row = (run: string, share: number) =>
    ({
      run,
      n: 10,
      ...Object.fromEntries(
        ["wrong_language", "reasoning_trace", "truncated", "empty", "refusal", "substantive"]
          .flatMap((f) => [[f, share * 10], [`${f}_share`, share]]),
      ),
      truncated_estimated: 0,
      keyword_coverage_mean: null,
      keyword_coverage_n: 0,
    }) as BehaviourRow;
  const drawn = bars(answerBehaviourFigure([row("a", 0.5), row("b", 0.5)]));
  assert.equal(drawn.length, 6);
  // The first bar of each panel is run "a": same top and height in the labelled and unlabelled panels.
  assert.deepEqual(new Set(drawn.map((d) => `${d.y}/${d.height}`)).size, 1, JSON.stringify(drawn));
});
