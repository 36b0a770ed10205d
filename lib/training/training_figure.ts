/**
 * Training-curve figures: loss (raw, faint) with its smoothed line and evaluation loss as dots,
 * and the learning-rate schedule; several runs share one chart, against step, epoch or tokens.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "../figures/plot_svg.ts";
import { emaSmooth } from "./smooth.ts";
import type { TrainingCurve } from "./read_training_curve.ts";

/** The x axis of a training chart. */
export type TrainingAxis = "step" | "epoch" | "tokens";

/** Options for {@linkcode lossFigure} and {@linkcode learningRateFigure}. */
export interface TrainingFigureOptions {
  /** x axis. Default: "step". */
  x?: TrainingAxis;
  /** EMA smoothing weight for the loss line. Default: 0.9. */
  smoothing?: number;
  /** Width and height in pixels. Default: 720 x 360. */
  width?: number;
  height?: number;
}

/** One plotted row. */
export interface CurveRow {
  run: string;
  x: number;
  y: number;
  kind: "loss" | "smoothed loss" | "eval loss" | "learning rate";
}

function xOf(curve: TrainingCurve, p: TrainingCurve["points"][number], axis: TrainingAxis): number {
  const value = axis === "step" ? p.step : axis === "epoch" ? p.epoch : p.tokens;
  if (value === null) {
    throw new RangeError(
      `Cannot plot run "${curve.name}" against ${axis}: step ${p.step} has no ${axis} (source "${curve.source}")`,
    );
  }
  return value;
}

/**
 * The rows a loss chart draws: raw loss, smoothed loss and eval loss per run.
 * @example
 * ```ts
 * import { lossRows } from "./training_figure.ts";
 * import assert from "node:assert/strict";
 * const curve = { name: "a", source: "x", points: [
 *   { step: 1, epoch: 0.5, loss: 2, learningRate: 1e-4, gradNorm: 1, evalLoss: null, tokens: 10 },
 *   { step: 1, epoch: 0.5, loss: null, learningRate: null, gradNorm: null, evalLoss: 1.5, tokens: null },
 * ] };
 * assert.deepEqual(lossRows([curve]).map((r) => r.kind), ["loss", "smoothed loss", "eval loss"]);
 * ```
 */
export function lossRows(
  curves: readonly TrainingCurve[],
  options: TrainingFigureOptions = {},
): CurveRow[] {
  const axis = options.x ?? "step";
  const rows: CurveRow[] = [];
  for (const curve of curves) {
    const train = curve.points.filter((p) => p.loss !== null);
    const smooth = emaSmooth(train.map((p) => p.loss), options.smoothing ?? 0.9);
    train.forEach((p, i) => {
      const x = xOf(curve, p, axis);
      rows.push({ run: curve.name, x, y: p.loss!, kind: "loss" });
      rows.push({ run: curve.name, x, y: smooth[i]!, kind: "smoothed loss" });
    });
    for (const p of curve.points.filter((q) => q.evalLoss !== null)) {
      // eval points carry no token count in HF logs: borrow the nearest training point's
      const x = axis === "tokens" && p.tokens === null
        ? xOf(curve, train.filter((q) => q.step <= p.step).at(-1) ?? p, axis)
        : xOf(curve, p, axis);
      rows.push({ run: curve.name, x, y: p.evalLoss!, kind: "eval loss" });
    }
  }
  if (rows.length === 0) {
    throw new RangeError("No loss values to plot: the curves hold no training or eval loss");
  }
  return rows;
}

const LABEL: Record<TrainingAxis, string> = {
  step: "optimizer step",
  epoch: "epoch",
  tokens: "input tokens seen",
};

/** Loss chart (SVG string): faint raw loss, smoothed loss line, eval loss dots; colour = run. */
export function lossFigure(
  curves: readonly TrainingCurve[],
  options: TrainingFigureOptions = {},
): string {
  const rows = lossRows(curves, options);
  const of = (kind: CurveRow["kind"]) => rows.filter((r) => r.kind === kind);
  return plotSvg({
    width: options.width ?? 720,
    height: options.height ?? 360,
    x: { label: LABEL[options.x ?? "step"] },
    y: { label: "loss", grid: true },
    color: { legend: false },
    marks: [
      Plot.line(of("loss"), { x: "x", y: "y", z: "run", stroke: "run", strokeOpacity: 0.25 }),
      Plot.line(of("smoothed loss"), { x: "x", y: "y", z: "run", stroke: "run", strokeWidth: 2 }),
      Plot.dot(of("eval loss"), { x: "x", y: "y", stroke: "run", fill: "white", r: 3.5 }),
      Plot.text(
        of("smoothed loss").filter((r, i, all) => all.findLastIndex((q) => q.run === r.run) === i),
        {
          x: "x",
          y: "y",
          text: "run",
          fill: "run",
          dx: 4,
          textAnchor: "start",
        },
      ),
    ],
    marginRight: 120,
  }).svg;
}

/** Learning-rate chart (SVG string), one line per run. */
export function learningRateFigure(
  curves: readonly TrainingCurve[],
  options: TrainingFigureOptions = {},
): string {
  const axis = options.x ?? "step";
  const rows: CurveRow[] = curves.flatMap((c) =>
    c.points.filter((p) => p.learningRate !== null).map((p) => ({
      run: c.name,
      x: xOf(c, p, axis),
      y: p.learningRate!,
      kind: "learning rate" as const,
    }))
  );
  if (rows.length === 0) throw new RangeError("No learning rates to plot");
  return plotSvg({
    width: options.width ?? 720,
    height: Math.round((options.height ?? 360) * 0.6),
    x: { label: LABEL[axis] },
    y: { label: "learning rate", grid: true, tickFormat: "~e" },
    marks: [Plot.line(rows, { x: "x", y: "y", z: "run", stroke: "run" })],
  }).svg;
}

/** Wraps an SVG string so that a Deno Jupyter cell displays it as an image. */
export function svgDisplay(svg: string): { [key: symbol]: () => Record<string, string> } {
  return { [Symbol.for("Jupyter.display")]: () => ({ "image/svg+xml": svg }) };
}
