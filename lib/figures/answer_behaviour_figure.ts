/**
 * What the answers are: per run, the share of answers in the wrong language, reasoning traces,
 * truncated, empty, refusals, and substantive answers, as a panel of bars per flag.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { BEHAVIOUR_FLAGS, type BehaviourRow } from "../behaviour/behaviour_summary.ts";

/** Options for {@linkcode answerBehaviourFigure}. */
export interface AnswerBehaviourFigureOptions {
  /** Display labels of the runs. Default: the run ids. */
  labels?: Record<string, string>;
  /** Note under the figure. Default: none. */
  note?: string;
}

const FLAG_LABEL: Record<string, string> = {
  wrong_language: "wrong language",
  reasoning_trace: "reasoning trace",
  truncated: "truncated",
  empty: "empty",
  refusal: "refusal",
  substantive: "substantive",
};

const PROBLEM = "#ff725c", GOOD = "#4269d0";

/**
 * One small panel per flag (bars of the share of answers, per run), flagged problems in red and
 * substantive answers in blue. Runs without samples are left out.
 */
export function answerBehaviourFigure(
  rows: readonly BehaviourRow[],
  options: AnswerBehaviourFigureOptions = {},
): string {
  const present = rows.filter((r) => r.n > 0);
  if (present.length === 0) throw new RangeError("answerBehaviourFigure(): no run has answers");
  const label = (run: string) => options.labels?.[run] ?? run;
  const runs = present.map((r) => label(r.run));
  const charts = BEHAVIOUR_FLAGS.map((flag) => {
    const data = present.map((r) => ({ run: label(r.run), share: r[`${flag}_share`] ?? 0 }));
    return plotSvg({
      width: 260,
      height: 40 + 22 * runs.length,
      marginLeft: flag === BEHAVIOUR_FLAGS[0] || flag === BEHAVIOUR_FLAGS[3] ? 150 : 12,
      marginTop: 6, // the same in every panel, so that a run's bars line up with its label
      marginRight: 14,
      marginBottom: 34,
      x: {
        domain: [0, 100], // `percent` maps the shares to percent before the domain applies
        grid: true,
        percent: true,
        label: `${FLAG_LABEL[flag]} (%)`,
        labelArrow: "none",
        labelAnchor: "center",
        ticks: 3,
      },
      y: {
        domain: runs,
        label: null,
        axis: flag === BEHAVIOUR_FLAGS[0] || flag === BEHAVIOUR_FLAGS[3] ? "left" : null,
      },
      marks: [
        Plot.barX(data, {
          x: "share",
          y: "run",
          fill: flag === "substantive" ? GOOD : PROBLEM,
          insetTop: 3,
          insetBottom: 3,
        }),
        Plot.ruleX([0]),
      ],
    });
  });
  const legend: LegendItem[] = [
    { label: "share of answers with the flag", color: PROBLEM, shape: "circle" },
    { label: "substantive (none of the flags)", color: GOOD, shape: "circle" },
  ];
  return standaloneFigure(charts, {
    title: "What the answers are",
    subtitle:
      "Share of each run's answers in the wrong language, reasoning traces, truncated at the token limit (estimated for the study's files), empty, refusals, and substantive",
    legend,
    note: options.note,
    columns: 3,
  });
}
