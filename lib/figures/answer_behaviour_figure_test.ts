import assert from "node:assert/strict";
import { answerBehaviourFigure } from "./answer_behaviour_figure.ts";
import type { BehaviourRow } from "../behaviour/behaviour_summary.ts";

/** Bar widths and panel widths, in drawing order (one panel per flag). */
function bars(svg: string): { bar: number; panel: number }[] {
  const panels = svg.split(/<svg viewBox="0 0 (\d+) \d+"/).slice(1);
  const out: { bar: number; panel: number }[] = [];
  for (let i = 0; i < panels.length; i += 2) {
    const width = /aria-label="bar"><rect [^>]*width="([\d.]+)"/.exec(panels[i + 1]);
    if (width) out.push({ bar: Number(width[1]), panel: Number(panels[i]) });
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
  for (const { bar, panel } of drawn) assert.ok(bar <= panel, `bar ${bar} px in a ${panel} px panel`);
  const [, trace, , , , substantive] = drawn; // same-size panels (no axis labels)
  assert.ok(Math.abs(trace.bar / substantive.bar - 0.05 / 0.9) < 0.01, JSON.stringify(drawn));
});
