/**
 * A log-scale x axis with every tick labelled. Plot formats a log axis through d3's log
 * `tickFormat`, which blanks the labels of 5× (and other) ticks once the domain spans a few
 * factors of 10, even with explicit ticks and `tickFormat`; an axis mark with its own `text`
 * channel keeps them.
 * @module
 */
import * as Plot from "@observablehq/plot";

/** Options for {@linkcode logAxisX}. */
export interface LogAxisXOptions {
  /** Axis label. Required. */
  label: string;
  /** Where the label sits. Default: `"center"`. */
  labelAnchor?: "left" | "center" | "right";
  /** Tick label of a value. Default: the number in English style (`1,000`, `0.5`). */
  format?: (d: number) => string;
  /** Draw grid lines at the ticks. Default: `true`. */
  grid?: boolean;
}

/** Options for {@linkcode logTicks}. */
export interface LogTicksOptions {
  /**
   * Pixel width of the axis. When given, ticks at 1–9 times are used only if the closest two
   * (9 and 10) stay 14 px apart, so that their labels do not collide. Default: none.
   */
  width?: number;
}

/**
 * Ticks at 1, 2 and 5 times the powers of 10 within `[lo, hi]`; at 1–9 times when that gives
 * fewer than 4 (a range of about one factor of 10, where 1-2-5 leaves long stretches unlabelled)
 * and, given the axis width, the labels have room.
 *
 * @example
 * ```ts
 * import { logTicks } from "./_log_axis.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(logTicks(0.15, 40), [0.2, 0.5, 1, 2, 5, 10, 20]);
 * assert.deepEqual(logTicks(3, 9), [3, 4, 5, 6, 7, 8, 9]);
 * assert.deepEqual(logTicks(2.2, 39, { width: 480 }), [3, 4, 5, 6, 7, 8, 9, 10, 20, 30]);
 * assert.deepEqual(logTicks(2.8, 42, { width: 240 }), [5, 10, 20]);
 * ```
 */
export function logTicks(lo: number, hi: number, options: LogTicksOptions = {}): number[] {
  const at = (steps: number[]) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of steps) {
        // Rounded so that 0.1 × 3 prints as 0.3, not 0.30000000000000004.
        const t = Number((m * 10 ** e).toPrecision(12));
        if (t >= lo && t <= hi) ticks.push(t);
      }
    }
    return ticks;
  };
  const ticks = at([1, 2, 5]);
  if (ticks.length >= 4) return ticks;
  const { width } = options;
  const room = width === undefined || (width * Math.log10(10 / 9)) / Math.log10(hi / lo) >= 14;
  return room ? at([1, 2, 3, 4, 5, 6, 7, 8, 9]) : ticks;
}

/** Grid lines and a bottom axis at `ticks`, every one labelled (`1,000` style). */
export function logAxisX(ticks: readonly number[], options: LogAxisXOptions): Plot.Markish[] {
  const {
    label,
    labelAnchor = "center",
    format = (d: number) => d.toLocaleString("en", { maximumSignificantDigits: 12 }),
    grid = true,
  } = options;
  return [
    ...(grid ? [Plot.gridX(ticks)] : []),
    Plot.axisX(ticks, {
      text: format,
      label,
      labelArrow: "none",
      labelAnchor,
    }),
  ];
}
