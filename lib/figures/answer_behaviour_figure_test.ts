import assert from "node:assert/strict";
import { answerBehaviourFigure } from "./answer_behaviour_figure.ts";
import { checkFigureSvg } from "./check_figure_svg.ts";
import { BEHAVIOUR_FLAGS, type BehaviourRow } from "../behaviour/behaviour_summary.ts";

function row(run: string, shares: Record<string, number>): BehaviourRow {
  const r = { run, n: 100 } as Record<string, unknown>;
  for (const f of BEHAVIOUR_FLAGS) {
    r[f] = Math.round(100 * (shares[f] ?? 0));
    r[`${f}_share`] = shares[f] ?? 0;
  }
  return r as unknown as BehaviourRow;
}

Deno.test("answerBehaviourFigure() draws shares in percent on a 0–100 axis, every bar inside its panel", () => {
  const rows = [
    row("base", { reasoning_trace: 0.95, substantive: 0.05 }),
    row("ft", { truncated: 0.04, substantive: 0.96 }),
  ];
  const svg = answerBehaviourFigure(rows);
  assert.deepEqual(checkFigureSvg(svg), []);
  // Tick labels read 0, 50, 100 (percent), not 0.0–1.0.
  const ticks = [...svg.matchAll(/y="0\.71em">([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(ticks.slice(0, 3), ["0", "50", "100"]);
  // The base model's 95% reasoning traces is drawn ~24 times as long as the 4% truncation.
  const widths = [...svg.matchAll(/<rect[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]))
    .filter((w) => w > 0);
  const [small, large] = [Math.min(...widths), Math.max(...widths)];
  assert.ok(Math.abs(large / small - 0.96 / 0.04) < 0.5, `bar widths ${widths.join(", ")}`);
});

Deno.test("answerBehaviourFigure() gives every panel the same frame width and top, so bars compare across panels", () => {
  const rows = ["a", "b", "c"].map((run, i) =>
    row(run, { truncated: 0.3 * i, substantive: 1 - 0.3 * i })
  );
  const svg = answerBehaviourFigure(rows);
  const scales = [...svg.matchAll(/data-scales="([^"]*)"/g)].map((m) =>
    JSON.parse(m[1].replaceAll("&quot;", '"')) as {
      x: { range: [number, number] };
      y: { range: [number, number] };
    }
  );
  assert.equal(scales.length, 6);
  const widths = new Set(scales.map((s) => s.x.range[1] - s.x.range[0]));
  const tops = new Set(scales.map((s) => s.y.range[0]));
  assert.deepEqual([widths.size, tops.size], [1, 1], JSON.stringify(scales));
});
