/**
 * Checks the report's findings sentences against a variant's known truth
 * ({@linkcode VariantTruth}): every direction, verdict and count a sentence states. A bullet that
 * states a direction or a verdict in a form this parser does not know is itself a problem, so
 * that new prose cannot slip past unchecked: teach the parser its form.
 *
 * The rules for the qualitative words, written down:
 * - "raised" / "lowered": the true difference is positive / negative and significant;
 *   "did not significantly change": it is not significant.
 * - "from x to y": y − x has the true sign (equal when the truth is exactly zero).
 * - "k of m … significant": k and m are the true counts.
 * - "small next to the effect of fine-tuning": every fine-tuning effect is significant and the
 *   largest true size difference is at most half the smallest true fine-tuning effect.
 * - "mostly": more than half.
 * - "higher than": the difference is positive.
 * @module
 */
import { metricLabel } from "../metrics/metric_order.ts";
import type { TruthComparison, VariantTruth } from "./study_variants.ts";

/** A false or unchecked claim. */
export interface FindingProblem {
  /** The bullet (its bold title) the claim is in. */
  bullet: string;
  message: string;
}

/** Options of {@linkcode checkFindings}. */
export interface CheckFindingsOptions {
  /** The plan's primary metric. Default: `"bertscore_f1"`. */
  primaryMetric?: string;
}

const NUMBER = String.raw`[+−-]?[\d,]+(?:\.\d+)?`;

/** `+8.6 points`, `−0.3`, `81.0%` → number (points and percent as written). */
function num(text: string): number {
  return Number(text.replace(/−/g, "-").replace(/[,%]|points| s$/g, "").trim());
}

const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Words that state a direction or verdict; a bullet with one must be parsed. */
const VERDICT =
  /\b(raised|lowered|higher|lower|significant|improv\w*|worse|better|hurt\w*|gain\w*)\b/i;

/**
 * Checks each findings bullet against the truth.
 *
 * @param markdown The findings section (its `- **…**` bullets; anything else is ignored).
 * @param truth The variant's truth.
 * @param options See {@linkcode CheckFindingsOptions}.
 * @returns The problems; empty when every checked claim is true.
 * @example
 * ```ts
 * import { checkFindings } from "./check_findings.ts";
 * import { studyVariants } from "./study_variants.ts";
 * import assert from "node:assert/strict";
 * const { truth } = studyVariants().find((v) => v.name === "ft_hurts")!;
 * const problems = checkFindings(
 *   "- **What fine-tuning changed.** LoRA fine-tuning raised ModelA 1B base → ModelA 1B FT from 70.0% to 60.0% (−10.0 points [−11, −9]).",
 *   truth,
 * );
 * assert.ok(problems.some((p) => /"raised"/.test(p.message)));
 * ```
 */
export function checkFindings(
  markdown: string,
  truth: VariantTruth,
  options: CheckFindingsOptions = {},
): FindingProblem[] {
  const primary = options.primaryMetric ?? "bertscore_f1";
  const problems: FindingProblem[] = [];
  const idOf = new Map(Object.entries(truth.labelsById).map(([id, label]) => [label, id]));
  const find = (comparison: string, a: string, b: string | null, metric: string) =>
    truth.comparisons.find((c) =>
      c.comparison === comparison && c.run_a === a && (b === null || c.run_b === b) &&
      c.metric === metric
    );
  for (const bullet of markdown.split("\n").filter((l) => l.startsWith("- **"))) {
    const title = bullet.match(/^- \*\*(.+?)\*\*/)?.[1] ?? bullet.slice(0, 40);
    const fail = (message: string) => problems.push({ bullet: title, message });
    const known = KNOWN_BULLETS.find((k) => k.title.test(title));
    if (!known) {
      if (VERDICT.test(bullet)) fail(`unrecognised finding that states a verdict: ${bullet}`);
      continue;
    }
    known.check(bullet, { truth, primary, idOf, find, fail });
  }
  return problems;
}

interface Ctx {
  truth: VariantTruth;
  primary: string;
  idOf: Map<string, string>;
  find: (
    comparison: string,
    a: string,
    b: string | null,
    metric: string,
  ) => TruthComparison | undefined;
  fail: (message: string) => void;
}

/** The metric whose label is `label` among the truth's metrics, or `null`. */
function metricOf(label: string, truth: VariantTruth): string | null {
  const metrics = [...new Set(truth.comparisons.map((c) => c.metric))];
  return metrics.find((m) => metricLabel(m) === label.trim()) ?? null;
}

/** The rule for "small next to the effect of fine-tuning" (see the module doc). */
export function sizeSmallNextToFineTuning(truth: VariantTruth, metric: string): boolean {
  const ft = truth.comparisons.filter((c) => c.comparison === "ft_vs_base" && c.metric === metric);
  const sizes = truth.comparisons.filter((c) => c.comparison === "ft_sizes" && c.metric === metric);
  if (!ft.length || !ft.every((c) => c.significant)) return false;
  const largest = Math.max(0, ...sizes.map((c) => Math.abs(c.effect ?? NaN)));
  const smallest = Math.min(...ft.map((c) => Math.abs(c.effect ?? NaN)));
  return largest <= smallest / 2;
}

const KNOWN_BULLETS: { title: RegExp; check: (bullet: string, ctx: Ctx) => void }[] = [
  {
    title: /^What fine-tuning changed/,
    check(bullet, { idOf, find, fail, primary, truth }) {
      const re = new RegExp(
        String
          .raw`(?<=fine-tuning |\); )(raised|lowered|did not significantly change|[a-z][a-z ]*?) ([^;()\[\]→]+?) → ([^;()\[\]→]+?) from (${NUMBER}%?) to (${NUMBER}%?) \((${NUMBER})`,
        "g",
      );
      let seen = 0;
      for (const m of bullet.matchAll(re)) {
        seen++;
        const [, verb, labelB, labelA, from, to, diff] = m;
        const t = find(
          "ft_vs_base",
          idOf.get(labelA) ?? labelA,
          idOf.get(labelB) ?? labelB,
          primary,
        );
        if (!t) {
          fail(`"${labelB} → ${labelA}" is no fine-tuned/base pair of the data`);
          continue;
        }
        if (t.n === 0) {
          fail(`states an effect for ${labelB} → ${labelA}, which answered no question in common`);
          continue;
        }
        const said = verb === "raised"
          ? { direction: 1, significant: true }
          : verb === "lowered"
          ? { direction: -1, significant: true }
          : verb === "did not significantly change"
          ? { direction: null, significant: false }
          : null;
        if (said === null) fail(`unknown verb "${verb}" for ${labelB} → ${labelA}`);
        else if (
          said.significant !== t.significant ||
          (said.direction !== null && said.direction !== t.direction)
        ) {
          fail(
            `"${verb}" ${labelB} → ${labelA}, but the truth is direction ${t.direction}, ${
              t.significant ? "significant" : "not significant"
            }`,
          );
        }
        if (sign(num(to) - num(from)) !== t.direction) {
          fail(`"from ${from} to ${to}" (${labelA}) has the wrong direction; truth ${t.direction}`);
        }
        if (t.direction !== 0 && sign(num(diff)) !== t.direction) {
          fail(`difference ${diff} (${labelA}) has the wrong sign; truth ${t.direction}`);
        }
      }
      const expected =
        truth.comparisons.filter((c) =>
          c.comparison === "ft_vs_base" && c.metric === primary && c.n > 0
        )
          .length;
      if (seen !== expected) fail(`states ${seen} fine-tuning effects; the data has ${expected}`);
    },
  },
  {
    title: /^Also changed by fine-tuning/,
    check(bullet, { idOf, find, fail, truth }) {
      const bySize = bullet.match(/by size (.+?)\):\*\*/)?.[1];
      if (!bySize) return fail(`cannot read the runs: ${bullet}`);
      const labels = bySize.split(", ");
      const body = bullet.slice(bullet.indexOf(":**") + 3);
      const re = new RegExp(
        String
          .raw`\s*([^;]+?) ((?:${NUMBER}(?: points| s)?(?:, )?)+) \((\d+) of (\d+) significant after BH\)`,
        "g",
      );
      let seen = 0;
      for (const m of body.matchAll(re)) {
        seen++;
        const [, label, diffs, k, of] = m;
        const metric = metricOf(label, truth);
        if (!metric) continue; // a metric the truth does not cover
        const values = diffs.split(", ");
        const rows = labels.map((l) => find("ft_vs_base", idOf.get(l) ?? l, null, metric));
        values.forEach((d, i) => {
          const t = rows[i];
          if (!t) return fail(`${label} ${d}: no fine-tuned/base pair "${labels[i]}" in the data`);
          if (sign(num(d)) !== t.direction) {
            fail(`${label} of ${labels[i]} is ${d}; the true direction is ${t.direction}`);
          }
        });
        const sig = rows.filter((t) => t?.significant).length;
        if (Number(k) !== sig || Number(of) !== rows.length) {
          fail(`${label}: "${k} of ${of} significant"; truth ${sig} of ${rows.length}`);
        }
      }
      if (!seen) fail(`cannot read the metrics: ${bullet}`);
    },
  },
  {
    title: /^Model size among the fine-tuned models/,
    check(bullet, { idOf, find, fail, primary, truth }) {
      const sizes = truth.comparisons.filter((c) =>
        c.comparison === "ft_sizes" && c.metric === primary
      );
      const count = bullet.match(/(\d+) of (\d+) pairwise differences/);
      if (!count) fail(`cannot read the count: ${bullet}`);
      else {
        const sig = sizes.filter((c) => c.significant).length;
        if (Number(count[1]) !== sig || Number(count[2]) !== sizes.length) {
          fail(`"${count[1]} of ${count[2]}" significant; truth ${sig} of ${sizes.length}`);
        }
      }
      const re = new RegExp(String.raw`([^:;]+?) − ([^:;]+?) (${NUMBER})(?: points)? \[`, "g");
      for (const m of bullet.matchAll(re)) {
        const [, a, b, d] = m;
        const t = find("ft_sizes", idOf.get(a.trim()) ?? a, idOf.get(b.trim()) ?? b, primary);
        if (!t) fail(`"${a.trim()} − ${b.trim()}" is no size pair of the data`);
        else if (!t.significant || sign(num(d)) !== t.direction) {
          fail(
            `${a.trim()} − ${b.trim()} ${d} listed as significant; truth ${t.direction}, ${t.significant}`,
          );
        }
      }
      if (
        /small next to the effect of fine-tuning/.test(bullet) &&
        !sizeSmallNextToFineTuning(truth, primary)
      ) {
        fail(
          `"small next to the effect of fine-tuning" is false: the largest size difference is not at most half of every significant fine-tuning effect`,
        );
      }
    },
  },
  {
    title: /^Against the external models/,
    check(bullet, { fail, primary, truth }) {
      const ft = new Set(
        Object.keys(truth.labelsById).filter((id) => truth.variants[id] === "fine-tuned"),
      );
      const rows = truth.comparisons.filter((c) =>
        c.comparison === "vs_external" && ft.has(c.run_a) && [primary, "chrf"].includes(c.metric)
      );
      const count = bullet.match(/(higher|lower) than .+? in (\d+) of (\d+) comparisons/);
      if (!count) return fail(`cannot read the count: ${bullet}`);
      const dir = count[1] === "higher" ? 1 : -1;
      const wins = rows.filter((c) => c.significant && c.direction === dir).length;
      if (Number(count[2]) !== wins || Number(count[3]) !== rows.length) {
        fail(`"${count[1]} … in ${count[2]} of ${count[3]}"; truth ${wins} of ${rows.length}`);
      }
    },
  },
  {
    title: /^Warning: what the base models' answers are/,
    check(_bullet, { fail, truth }) {
      if (!truth.confoundedBase) {
        fail("warns of confounded base answers; the base answers are clean");
      }
    },
  },
  {
    title: /^Artefact: the study's ROUGE/,
    check(bullet, { fail, truth }) {
      const m = bullet.match(/([\d,]+) of ([\d,]+) references keep no token/);
      if (!m) return fail(`cannot read the count: ${bullet}`);
      if (num(m[1]) !== truth.referencesWithoutAsciiToken || num(m[2]) !== truth.references) {
        fail(
          `"${m[1]} of ${
            m[2]
          } references keep no token"; truth ${truth.referencesWithoutAsciiToken} of ${truth.references}`,
        );
      }
    },
  },
  {
    title: /^Artefact: Kazakh citation accuracy/,
    check(bullet, { fail, truth }) {
      const m = bullet.match(/case for ([\d,]+) of ([\d,]+) Kazakh references/);
      if (!m) return fail(`cannot read the count: ${bullet}`);
      const [x, y] = [num(m[1]), num(m[2])];
      if (x !== truth.kazakhReferencesWithoutCitation || y !== truth.kazakhReferences) {
        fail(
          `"${x} of ${y} Kazakh references"; truth ${truth.kazakhReferencesWithoutCitation} of ${truth.kazakhReferences}`,
        );
      }
      if (/\bmostly\b/.test(bullet) && !(x / y > 0.5)) fail(`"mostly" for ${x} of ${y}`);
    },
  },
  {
    title: /^Latency is not comparable/,
    check(bullet, { fail, truth }) {
      const external = Object.keys(truth.labelsById).filter((id) =>
        truth.variants[id] === "external"
      );
      for (const id of external) {
        if (!bullet.includes(truth.labelsById[id])) {
          fail(`does not name the external run ${truth.labelsById[id]}`);
        }
      }
    },
  },
];

/** A model, family or size a text names that the data does not have. */
export interface NameProblem {
  name: string;
  /** The line it is in. */
  line: string;
}

/** Names of the study's (and other common) model families; any in a text must be in the data. */
const MODEL_NAMES = /\b(qwen\d*(?:[.-]\d+)?|gpt[-\w.]*|llama\d*|mistral|gemma\d*|claude)\b/gi;
const SIZE = /\b(\d+(?:\.\d+)?)\s?B\b/g;

/**
 * The model names and sizes that `text` names and the data does not have.
 *
 * @example
 * ```ts
 * import { checkNames } from "./check_findings.ts";
 * import { studyVariants } from "./study_variants.ts";
 * import assert from "node:assert/strict";
 * const { truth } = studyVariants()[0];
 * assert.deepEqual(checkNames("ModelA 3B FT beats RefX", truth), []);
 * assert.deepEqual(checkNames("Fine-tuned Qwen3 beats GPT-4o at 8B", truth).map((p) => p.name), ["Qwen3", "GPT-4o", "8B"]);
 * ```
 */
export function checkNames(text: string, truth: VariantTruth): NameProblem[] {
  const known = [...Object.values(truth.labelsById), ...truth.families].join(" ").toLowerCase();
  const out: NameProblem[] = [];
  for (const line of text.split("\n")) {
    const found: { at: number; name: string }[] = [];
    for (const m of line.matchAll(MODEL_NAMES)) {
      if (!known.includes(m[1].toLowerCase())) found.push({ at: m.index!, name: m[1] });
    }
    for (const m of line.matchAll(SIZE)) {
      if (!truth.sizes.includes(Number(m[1]))) found.push({ at: m.index!, name: m[0] });
    }
    for (const f of found.sort((a, b) => a.at - b.at)) out.push({ name: f.name, line });
  }
  return out;
}
