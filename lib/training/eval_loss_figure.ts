/**
 * The eval-loss curves of many runs on one chart (a sweep's companion figure): one line with dots
 * per run, the best evaluation ringed, the run's name at its last point.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "../figures/plot_svg.ts";
import { standaloneFigure } from "../figures/standalone_figure.ts";
import { CATEGORICAL } from "../figures/palette.ts";
import type { TrainingCurve } from "./read_training_curve.ts";
import { type CurveRow, lossRows, type TrainingAxis } from "./training_figure.ts";

/** Options for {@linkcode evalLossFigure}. */
export interface EvalLossFigureOptions {
  /** x axis. Default: `"step"`. */
  x?: TrainingAxis;
  /** Width and height of the chart in pixels. Default: 720 x 400. */
  width?: number;
  height?: number;
  /** Title. Default: `"Eval loss of every run"`. */
  title?: string;
}

/**
 * The eval-loss points of each curve that has any (curves without eval loss are left out), and
 * each run's best point.
 *
 * @example
 * ```ts
 * import { evalLossRows } from "./eval_loss_figure.ts";
 * import assert from "node:assert/strict";
 * const p = (step: number, evalLoss: number | null, loss: number | null = null) =>
 *   ({ step, epoch: step / 4, loss, learningRate: null, gradNorm: null, evalLoss, tokens: null });
 * const a = { name: "r8", source: "a", points: [p(2, 1.5), p(4, 1.2), p(6, 1.3)] };
 * const b = { name: "no-eval", source: "b", points: [p(2, null, 2.0)] };
 * const { rows, best, without } = evalLossRows([a, b]);
 * assert.deepEqual(rows.map((r) => [r.x, r.y]), [[2, 1.5], [4, 1.2], [6, 1.3]]);
 * assert.deepEqual(best.map((r) => [r.run, r.x]), [["r8", 4]]);
 * assert.deepEqual(without, ["no-eval"]);
 * ```
 */
export function evalLossRows(
  curves: readonly TrainingCurve[],
  options: Pick<EvalLossFigureOptions, "x"> = {},
): { rows: CurveRow[]; best: CurveRow[]; without: string[] } {
  const rows: CurveRow[] = [];
  const best: CurveRow[] = [];
  const without: string[] = [];
  for (const curve of curves) {
    if (!curve.points.some((p) => p.evalLoss !== null)) {
      without.push(curve.name);
      continue;
    }
    const own = lossRows([curve], { x: options.x ?? "step" }).filter((r) => r.kind === "eval loss");
    rows.push(...own);
    best.push(own.reduce((m, r) => (r.y < m.y ? r : m)));
  }
  return { rows, best, without };
}

/**
 * Eval-loss figure of every run that logged an eval loss: a standalone SVG document (title,
 * `xmlns`, a note naming the runs left out) ready for `saveFigure`.
 *
 * @throws {RangeError} when no curve has an eval loss.
 */
export function evalLossFigure(
  curves: readonly TrainingCurve[],
  options: EvalLossFigureOptions = {},
): string {
  const { rows, best, without } = evalLossRows(curves, options);
  if (rows.length === 0) {
    throw new RangeError(
      `No eval loss to plot: none of the ${curves.length} runs logged one (${
        curves.map((c) => c.name).join(", ")
      })`,
    );
  }
  const last = rows.filter((r, i) => rows.findLastIndex((q) => q.run === r.run) === i);
  const axis = options.x ?? "step";
  const chart = plotSvg({
    width: options.width ?? 720,
    height: options.height ?? 400,
    x: {
      label: axis === "step" ? "optimizer step" : axis === "epoch" ? "epoch" : "input tokens seen",
    },
    y: { label: "eval loss", grid: true },
    color: { range: [...CATEGORICAL], domain: [...new Set(rows.map((r) => r.run))] },
    marks: [
      Plot.line(rows, { x: "x", y: "y", z: "run", stroke: "run", strokeWidth: 1.5 }),
      Plot.dot(rows, { x: "x", y: "y", fill: "run", r: 2.5 }),
      Plot.dot(best, { x: "x", y: "y", stroke: "run", r: 6, strokeWidth: 1.5 }),
      Plot.text(last, { x: "x", y: "y", text: "run", fill: "run", dx: 9, textAnchor: "start" }),
    ],
    marginRight: 160,
  });
  const left = without.length ? ` Not shown (no eval loss logged): ${without.join(", ")}.` : "";
  return standaloneFigure([chart], {
    title: options.title ?? "Eval loss of every run",
    subtitle: "Each evaluation as a dot; the ring marks a run's lowest eval loss",
    note: `${rows.length} evaluations of ${curves.length - without.length} runs.${left}`,
  });
}
