/**
 * Checks the report's findings sentences against a variant's known truth
 * ({@linkcode VariantTruth}): every direction, verdict and count a sentence states. A bullet that
 * states a direction or a verdict in a form this parser does not know is itself a problem, so
 * that new prose cannot slip past unchecked: teach the parser its form.
 *
 * The rules for the qualitative words, written down:
 * - "raised" / "lowered": the true difference is positive / negative and significant;
 *   "did not significantly change": it is not significant; "a → b" and the stated difference have
 *   the true sign; "could not be compared (the runs share no question)": the runs share none.
 * - "k significantly higher, j significantly lower, i not significant after BH", "k of m …
 *   significant", "better in a, worse in b, not different in c": the true counts.
 * - "small next to the effect of fine-tuning": every fine-tuning effect is significant and the
 *   largest true size difference is at most half the smallest true fine-tuning effect;
 *   "significantly at no size": no fine-tuning effect is significant.
 * - "most" / "mostly": more than half.
 * - "higher" / "lower" of a listed difference: its true sign and significance.
 * - "on the n questions": n (or the range) is what the runs share.
 * - A bullet the data calls for (a fine-tuned/base pair, two fine-tuned sizes, a fine-tuned run
 *   and an external one) must be there.
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
 *   "- **What fine-tuning changed.** In the primary family (2 tests of BERTScore F1, Holm-adjusted " +
 *     "at α = 0.05), fine-tuning raised BERTScore F1 from ModelA 1B base to ModelA 1B FT: 70.0% → " +
 *     "60.0% (−10.0 points [−11.0, −9.0], 95% interval; Holm p < 0.001).",
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
  const bullets = markdown.split("\n").filter((l) => l.startsWith("- **"));
  for (const bullet of bullets) {
    const title = bullet.match(/^- \*\*(.+?)\*\*/)?.[1] ?? bullet.slice(0, 40);
    const fail = (message: string) => problems.push({ bullet: title, message });
    const known = KNOWN_BULLETS.find((k) => k.title.test(title));
    if (!known) {
      if (VERDICT.test(bullet)) fail(`unrecognised finding that states a verdict: ${bullet}`);
      continue;
    }
    known.check(bullet, { truth, primary, idOf, find, fail });
  }
  const titles = bullets.map((b) => b.match(/^- \*\*(.+?)\*\*/)?.[1] ?? "");
  for (const k of KNOWN_BULLETS) {
    if (!k.required || !k.required(truth, primary).length) continue;
    if (!titles.some((t) => k.title.test(t))) {
      problems.push({ bullet: k.title.source, message: "missing: the data has what it speaks of" });
    }
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

/** `80` or `40–80` → [lo, hi]. */
function range(text: string): [number, number] {
  const [lo, hi = lo] = text.split("–").map((x) => num(x));
  return [lo, hi];
}

/** Checks an estimand `paired, on the N(–M) questions …` against the truth's shared questions. */
function checkPairedN(
  stated: string | undefined,
  rows: readonly TruthComparison[],
  what: string,
  fail: (message: string) => void,
) {
  if (stated === undefined) return fail(`${what}: cannot read the number of questions`);
  const ns = rows.map((r) => r.n);
  if (!ns.length) return;
  const [lo, hi] = range(stated);
  if (lo !== Math.min(...ns) || hi !== Math.max(...ns)) {
    fail(`${what}: "on the ${stated} questions"; the runs share ${[...new Set(ns)].join(", ")}`);
  }
}

/** Which truth rows a bullet must speak of: a bullet is missing when this is non-empty. */
type Required = (truth: VariantTruth, primary: string) => TruthComparison[];

const ftOf = (truth: VariantTruth, primary: string) =>
  truth.comparisons.filter((c) => c.comparison === "ft_vs_base" && c.metric === primary);
const externalOf = (truth: VariantTruth, primary: string) =>
  truth.comparisons.filter((c) =>
    c.comparison === "vs_external" && truth.variants[c.run_a] === "fine-tuned" &&
    [primary, "chrf"].includes(c.metric)
  );

/** "higher" / "lower" / "not significant" of a truth row. */
const truthVerdict = (t: TruthComparison) =>
  !t.significant ? "not significant" : t.direction > 0 ? "higher" : "lower";

const KNOWN_BULLETS: {
  title: RegExp;
  /** The truth rows whose existence makes the bullet mandatory. */
  required?: Required;
  check: (bullet: string, ctx: Ctx) => void;
}[] = [
  {
    title: /^What fine-tuning changed/,
    required: ftOf,
    check(bullet, { idOf, find, fail, primary, truth }) {
      const effect = new RegExp(
        String
          .raw`(raised|lowered|did not significantly change) (.+?) from ([^;:()]+?) to ([^;:()]+?): (${NUMBER}%?) → (${NUMBER}%?) \((${NUMBER})`,
        "g",
      );
      const stated: TruthComparison[] = [];
      let seen = 0;
      for (const m of bullet.matchAll(effect)) {
        seen++;
        const [, verb, metric, labelB, labelA, from, to, diff] = m;
        if (metric !== metricLabel(primary)) {
          fail(`states ${verb} ${metric}; the primary metric is ${metricLabel(primary)}`);
        }
        const t = find(
          "ft_vs_base",
          idOf.get(labelA) ?? labelA,
          idOf.get(labelB) ?? labelB,
          primary,
        );
        if (!t) {
          fail(`"from ${labelB} to ${labelA}" is no fine-tuned/base pair of the data`);
          continue;
        }
        stated.push(t);
        if (t.n === 0) {
          fail(`states an effect from ${labelB} to ${labelA}, which share no question`);
          continue;
        }
        const said = verb === "raised"
          ? "higher"
          : verb === "lowered"
          ? "lower"
          : "not significant";
        if (said !== truthVerdict(t)) {
          fail(
            `"${verb}" from ${labelB} to ${labelA}, but the truth is direction ${t.direction}, ${
              t.significant ? "significant" : "not significant"
            }`,
          );
        }
        if (sign(num(to) - num(from)) !== t.direction) {
          fail(`"${from} → ${to}" (${labelA}) has the wrong direction; truth ${t.direction}`);
        }
        if (sign(num(diff)) !== t.direction) {
          fail(`difference ${diff} (${labelA}) has the wrong sign; truth ${t.direction}`);
        }
      }
      const arrows = bullet.match(/→/g)?.length ?? 0;
      if (arrows !== seen) fail(`cannot read ${arrows - seen} stated effect(s): ${bullet}`);
      const none = /could not be compared from ([^;:()]+?) to ([^;:()]+?) \(([^)]*)\)/g;
      let incomparable = 0;
      for (const [, labelB, labelA, why] of bullet.matchAll(none)) {
        incomparable++;
        const t = find(
          "ft_vs_base",
          idOf.get(labelA) ?? labelA,
          idOf.get(labelB) ?? labelB,
          primary,
        );
        if (!t) fail(`"from ${labelB} to ${labelA}" is no fine-tuned/base pair of the data`);
        else if (t.n !== 0) {
          fail(`"could not be compared" ${labelB} → ${labelA}: they share ${t.n}`);
        } else if (!/share no question/.test(why)) {
          fail(`${labelB} → ${labelA}: does not say that the runs share no question ("${why}")`);
        }
      }
      const ft = ftOf(truth, primary);
      const expected = ft.filter((c) => c.n > 0).length;
      if (seen !== expected) fail(`states ${seen} fine-tuning effects; the data has ${expected}`);
      const without = ft.filter((c) => c.n === 0).length;
      if (incomparable !== without) {
        fail(`says of ${incomparable} pairs that they share no question; the data has ${without}`);
      }
      if (seen) {
        checkPairedN(
          bullet.match(/Means and differences are paired, on the ([\d,–]+) questions?/)?.[1],
          stated.filter((t) => t.n > 0),
          "What fine-tuning changed",
          fail,
        );
      }
    },
  },
  {
    title: /^Also changed by fine-tuning/,
    check(bullet, { idOf, find, fail, truth }) {
      const runs = bullet.match(
        /^- \*\*Also changed by fine-tuning \(exploratory; (.+?) against (?:its base run|their base runs)\):\*\*/,
      )?.[1];
      if (!runs) return fail(`cannot read the runs: ${bullet}`);
      const labels = runs.split(/, | and /);
      const body = bullet.slice(bullet.indexOf(":**") + 3);
      const re = new RegExp(
        String
          .raw`\s*([^;]+?) ((?:${NUMBER}(?: points| s)?(?:, )?)+) \(((?:\d+ (?:significantly higher|significantly lower|not significant)(?:, | and )?)+) after BH; paired, on the ([\d,–]+) questions? where both runs define the metric\)`,
        "g",
      );
      let seen = 0;
      for (const m of body.matchAll(re)) {
        seen++;
        const [, label, diffs, counts] = m;
        const metric = metricOf(label, truth);
        if (!metric) continue; // a metric the truth does not cover
        const values = diffs.split(", ");
        if (values.length !== labels.length) {
          fail(`${label}: ${values.length} values for ${labels.length} runs`);
          continue;
        }
        const rows = labels.map((l) => find("ft_vs_base", idOf.get(l) ?? l, null, metric));
        values.forEach((d, i) => {
          const t = rows[i];
          if (!t) return fail(`${label} ${d}: no fine-tuned/base pair "${labels[i]}" in the data`);
          if (sign(num(d)) !== t.direction) {
            fail(`${label} of ${labels[i]} is ${d}; the true direction is ${t.direction}`);
          }
        });
        const said = { higher: 0, lower: 0, "not significant": 0 };
        for (
          const [, k, what] of counts.matchAll(
            /(\d+) (significantly higher|significantly lower|not significant)/g,
          )
        ) {
          said[what.replace("significantly ", "") as keyof typeof said] += Number(k);
        }
        const real = { higher: 0, lower: 0, "not significant": 0 };
        for (const t of rows) if (t) real[truthVerdict(t)]++;
        if (JSON.stringify(said) !== JSON.stringify(real)) {
          fail(`${label}: "${counts} after BH"; truth ${JSON.stringify(real)}`);
        }
      }
      const clauses = bullet.match(/ after BH;/g)?.length ?? 0;
      if (!seen || seen !== clauses) fail(`cannot read ${clauses - seen} metric(s): ${bullet}`);
    },
  },
  {
    title: /^Model size among the fine-tuned models/,
    required: (truth, primary) =>
      truth.comparisons.filter((c) =>
        c.comparison === "ft_sizes" && c.metric === primary && c.n > 0
      ),
    check(bullet, { idOf, find, fail, primary, truth }) {
      const sizes = truth.comparisons.filter((c) =>
        c.comparison === "ft_sizes" && c.metric === primary && c.n > 0
      );
      const count = bullet.match(
        /(\d+) of (\d+) (?:pairwise|adjacent-size) differences? in (.+?) (?:is|are) significant in the primary family/,
      );
      const sig = sizes.filter((c) => c.significant).length;
      if (!count) fail(`cannot read the count: ${bullet}`);
      else if (Number(count[1]) !== sig || Number(count[2]) !== sizes.length) {
        fail(`"${count[1]} of ${count[2]}" significant; truth ${sig} of ${sizes.length}`);
      }
      const re = new RegExp(String.raw`([^:;]+?) − ([^:;]+?) (${NUMBER})(?: points)? \[`, "g");
      let listed = 0;
      for (const m of bullet.matchAll(re)) {
        listed++;
        const [, a, b, d] = m;
        const t = find("ft_sizes", idOf.get(a.trim()) ?? a, idOf.get(b.trim()) ?? b, primary);
        if (!t) fail(`"${a.trim()} − ${b.trim()}" is no size pair of the data`);
        else if (!t.significant || sign(num(d)) !== t.direction) {
          fail(
            `${a.trim()} − ${b.trim()} ${d} listed as significant; truth ${t.direction}, ${t.significant}`,
          );
        }
      }
      if (count && listed !== Number(count[1])) {
        fail(`lists ${listed} significant size differences; it says ${count[1]}`);
      }
      const largest = bullet.match(
        new RegExp(String.raw`The largest size difference is (${NUMBER})(?: points| s)?`),
      );
      if (!largest) fail(`cannot read the largest size difference: ${bullet}`);
      else {
        const top = sizes.reduce<TruthComparison | null>(
          (m, c) => !m || Math.abs(c.effect ?? 0) > Math.abs(m.effect ?? 0) ? c : m,
          null,
        );
        if (top && top.effect !== null && sign(num(largest[1])) !== sign(top.effect)) {
          fail(
            `"The largest size difference is ${largest[1]}"; its true sign is ${sign(top.effect)}`,
          );
        }
      }
      const ft = ftOf(truth, primary).filter((c) => c.n > 0);
      const tail = bullet.slice((largest?.index ?? 0) + (largest?.[0].length ?? 0));
      if (/small next to the effect of fine-tuning/.test(tail)) {
        if (!sizeSmallNextToFineTuning(truth, primary)) {
          fail(
            `"small next to the effect of fine-tuning" is false: the largest size difference is not at most half of every significant fine-tuning effect`,
          );
        }
      } else if (/significantly at no size/.test(tail)) {
        if (!ft.length || ft.some((c) => c.significant)) {
          fail(
            `"fine-tuning changed … significantly at no size"; the truth has ${
              ft.filter((c) => c.significant).length
            } significant of ${ft.length}`,
          );
        }
      } else if (/the fine-tuning differences are/.test(tail)) {
        const each = new RegExp(
          String.raw`(${NUMBER})(?: points| s)? \(([^,()]+), (higher|lower|not significant)\)`,
          "g",
        );
        let n = 0;
        for (const [, d, label, said] of tail.matchAll(each)) {
          n++;
          const t = ft.find((c) => c.run_a === (idOf.get(label) ?? label));
          if (!t) fail(`fine-tuning difference of ${label}: no fine-tuned/base pair in the data`);
          else if (said !== truthVerdict(t) || sign(num(d)) !== t.direction) {
            fail(
              `fine-tuning difference ${d} (${label}, ${said}); truth ${t.direction}, ${
                truthVerdict(t)
              }`,
            );
          }
        }
        if (n !== ft.length) fail(`lists ${n} fine-tuning differences; the data has ${ft.length}`);
      } else if (tail.replace(/[.\s]/g, "") !== "") fail(`cannot read: ${tail}`);
      else if (ft.length) fail(`does not set the size difference against fine-tuning`);
    },
  },
  {
    title: /^Against the external models/,
    required: (truth, primary) => externalOf(truth, primary),
    check(bullet, { fail, primary, truth, idOf }) {
      const all = externalOf(truth, primary);
      const rows = all.filter((c) => c.n > 0);
      for (const c of all.filter((c) => c.n === 0)) {
        const [a, b] = [truth.labelsById[c.run_a], truth.labelsById[c.run_b]];
        if (!new RegExp(`${a} and ${b} share no question`).test(bullet)) {
          fail(`does not say that ${a} and ${b} share no question`);
        }
      }
      if (!rows.length) {
        if (/significantly|better|worse/.test(bullet)) {
          fail(`states a verdict without a comparison: ${bullet}`);
        }
        return;
      }
      const count = bullet.match(
        /Of (\d+) comparisons? of .+? \((paired, on the ([\d,–]+) questions?)[^)]*\), the fine-tuned run is significantly better in (\d+), significantly worse in (\d+) and not significantly different in (\d+)/,
      );
      if (!count) return fail(`cannot read the count: ${bullet}`);
      const [, m, , n, better, worse, ns] = count;
      // BERTScore F1 and chrF: higher is better.
      const real = {
        better: rows.filter((c) => c.significant && c.direction > 0).length,
        worse: rows.filter((c) => c.significant && c.direction < 0).length,
      };
      const said = { better: Number(better), worse: Number(worse) };
      if (
        Number(m) !== rows.length || said.better !== real.better || said.worse !== real.worse ||
        Number(ns) !== rows.length - real.better - real.worse
      ) {
        fail(
          `"of ${m}: better in ${better}, worse in ${worse}, not different in ${ns}"; truth of ${rows.length}: better in ${real.better}, worse in ${real.worse}`,
        );
      }
      checkPairedN(
        n,
        rows.filter((c) => c.metric === primary || c.metric === "chrf"),
        "Against the external models",
        fail,
      );
      const eg = bullet.match(
        new RegExp(String.raw`\(e\.g\. (.+?) − (.+?): (.+?) (${NUMBER})(?: points)?\)`),
      );
      if (eg) {
        const [, a, b, label, d] = eg;
        const metric = metricOf(label, truth);
        const t = rows.find((c) =>
          c.run_a === (idOf.get(a) ?? a) && c.run_b === (idOf.get(b) ?? b) && c.metric === metric
        );
        if (!t) fail(`example ${a} − ${b} ${label}: no such comparison in the data`);
        else if (!t.significant || sign(num(d)) !== t.direction) {
          fail(`example ${a} − ${b} ${label} ${d}; truth ${t.direction}, ${truthVerdict(t)}`);
        }
      } else if (real.better + real.worse > 0 && /e\.g\./.test(bullet)) {
        fail(`cannot read the example: ${bullet}`);
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
      const m = bullet.match(/([\d,]+) of ([\d,]+) distinct references keep no token/);
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
      const none = bullet.match(/finds one in each of the ([\d,]+) distinct Kazakh references/);
      if (none) {
        if (
          num(none[1]) !== truth.kazakhReferences || truth.kazakhReferencesWithoutCitation !== 0
        ) {
          fail(
            `"finds one in each of the ${
              none[1]
            }"; truth ${truth.kazakhReferencesWithoutCitation} of ${truth.kazakhReferences} without one`,
          );
        }
        return;
      }
      const m = bullet.match(
        /case for ([\d,]+) of ([\d,]+) distinct Kazakh references(?: \(([\d.]+)%\))?/,
      );
      if (!m) return fail(`cannot read the count: ${bullet}`);
      const [x, y] = [num(m[1]), num(m[2])];
      if (x !== truth.kazakhReferencesWithoutCitation || y !== truth.kazakhReferences) {
        fail(
          `"${x} of ${y} Kazakh references"; truth ${truth.kazakhReferencesWithoutCitation} of ${truth.kazakhReferences}`,
        );
      }
      if (m[3] !== undefined && m[3] !== (100 * x / y).toFixed(1)) {
        fail(`"${m[3]}%" is not ${x} of ${y}`);
      }
      if (/\bmost(ly)?\b/.test(bullet) && !(x / y > 0.5)) fail(`"most" for ${x} of ${y}`);
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
