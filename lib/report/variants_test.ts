/**
 * The whole report on every study variant (lib/testing/study_variants.ts): it succeeds (or fails
 * with a clear message where that is the right answer), and what it says is true of the data.
 *
 * Checks that the current code fails are listed in {@linkcode KNOWN_FAILURES} with the reason,
 * and run as ignored tests: remove an entry once the fix is merged. `VARIANTS_ALL=1` runs the
 * known failures too, to see which now pass; `VARIANTS_KEEP=1` keeps the reports (their folders
 * are printed at the end), to look at the figures.
 *
 * Checks per variant: `report` (exit status, or the expected error and no output), `findings`
 * (every findings bullet against the truth, lib/testing/check_findings.ts), `findings_tests` (the
 * direction, adjusted verdict and n of each test in tables/findings_tests.csv), `names_*` (no
 * model, family or size absent from the data in the findings, report.md or the figures' text),
 * `same_questions`, and `figures` (where the figure check of issue #21 plugs in).
 *
 * One report per variant, in sequence, shared by that variant's checks; `resamples` is low, since
 * no verdict of a variant depends on it (its effects are huge or exactly zero).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";
import { reportNotebooks } from "./report_notebooks.ts";
import { type StudyVariant, studyVariants, writeStudyVariant } from "../testing/study_variants.ts";
import { checkFindings, checkNames } from "../testing/check_findings.ts";
import { reportSvgs } from "../testing/report_svgs.ts";
import { checkFigureSvg } from "../figures/check_figure_svg.ts";

/** Resamples of the variant reports: verdicts must not depend on it. */
const RESAMPLES = 500;

/**
 * The report's notebooks that read the results: the dataset, judge and training-run sections
 * read none of a variant's files (they show the same on every variant), so they are left out.
 */
const NOTEBOOKS = (await reportNotebooks()).filter((n) =>
  !["10_dataset.ipynb", "65_judge.ipynb", "70_training_runs.ipynb"].includes(n)
);

/** The checks run on each variant. */
type Check =
  | "report"
  | "findings"
  | "findings_tests"
  | "names_findings"
  | "names_report"
  | "same_questions"
  | "figures"
  | "names_figures";

/**
 * Checks the current code fails, by variant: the reason, and which other work fixes it. The
 * integrator removes an entry once that fix is merged.
 */
export const KNOWN_FAILURES: Partial<Record<string, Partial<Record<Check, string>>>> = {};

const variants = studyVariants();

const reports = new Map<string, Promise<{ out: string; error: unknown }>>();

/** Temporary folders to remove at the end; `VARIANTS_KEEP=1` keeps them, to look at the figures. */
const created: string[] = [];
globalThis.addEventListener("unload", () => {
  if (Deno.env.get("VARIANTS_KEEP")) {
    console.error(`variant reports kept in:\n${created.join("\n")}`);
  } else for (const dir of created) Deno.removeSync(dir, { recursive: true });
});

/** Runs the whole report on a variant once; later calls share it. */
function report(v: StudyVariant): Promise<{ out: string; error: unknown }> {
  let r = reports.get(v.name);
  if (!r) {
    r = (async () => {
      const dir = await Deno.makeTempDir({ prefix: `variant-${v.name}-` });
      created.push(dir);
      await writeStudyVariant(v, join(dir, "results"));
      const out = join(dir, "report");
      let error: unknown = null;
      try {
        await runReport(
          resolveParams({
            results: join(dir, "results"),
            out,
            published: null,
            humanEval: [],
            resamples: RESAMPLES,
            cache: false,
          }),
          { notebooks: NOTEBOOKS, log: Deno.env.get("VARIANTS_LOG") ? console.error : () => {} },
        );
      } catch (e) {
        error = e;
      }
      return { out, error };
    })();
    reports.set(v.name, r);
  }
  return r;
}

/** The report's successful output folder, or a failed assertion naming the error. */
async function output(v: StudyVariant): Promise<string> {
  const { out, error } = await report(v);
  if (error) assert.fail(`the report failed on variant ${v.name}: ${error}`);
  return out;
}

/** The Findings section of report.md (up to the next `## `). */
function findingsSection(reportMd: string): string {
  const start = reportMd.indexOf("\n## Findings");
  assert.ok(start >= 0, "report.md has a Findings section");
  const end = reportMd.indexOf("\n## ", start + 5);
  return reportMd.slice(start, end < 0 ? undefined : end);
}

/** The section of `report.md` without the lists of input files (paths may name anything). */
function prose(reportMd: string): string {
  return reportMd.replace(/<details>[\s\S]*?<\/details>/g, "").replace(/`[^`\n]*`/g, "``");
}

const CHECKS: Record<Check, (v: StudyVariant) => Promise<void>> = {
  async report(v) {
    const { out, error } = await report(v);
    if (v.expect.ok) {
      assert.equal(error, null, `the report failed on variant ${v.name}: ${error}`);
      const md = await Deno.readTextFile(join(out, "report.md"));
      assert.match(md, /^# /);
      assert.ok((await reportSvgs(out)).length > 0, "the report drew figures");
    } else {
      assert.ok(error instanceof Error, `expected the report to fail on ${v.name}`);
      assert.match(error.message, v.expect.error);
      // No half-written report: the output folder was never made.
      await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
    }
  },
  async findings(v) {
    const md = await Deno.readTextFile(join(await output(v), "report.md"));
    const problems = checkFindings(findingsSection(md), v.truth);
    assert.deepEqual(problems, [], `false findings on variant ${v.name}`);
  },
  async findings_tests(v) {
    // The table of the tests behind the findings: each row's direction and verdict.
    const rows = parseCsv(
      await Deno.readTextFile(join(await output(v), "tables", "findings_tests.csv")),
    );
    const wrong: string[] = [];
    for (const r of rows) {
      const t = v.truth.comparisons.find((c) =>
        c.run_a === r.run_a && c.run_b === r.run_b && c.metric === r.metric
      );
      if (!t) {
        wrong.push(`${r.run_a} − ${r.run_b} ${r.metric}: no such comparison in the data`);
        continue;
      }
      if (t.n === 0) {
        if (r.diff !== "" || Number(r.p_adj) <= 0.05) {
          wrong.push(
            `${r.run_a} − ${r.run_b} ${r.metric}: a difference where no question is shared`,
          );
        }
        continue;
      }
      const diff = Number(r.diff);
      if (Math.sign(diff) !== t.direction) {
        wrong.push(`${r.run_a} − ${r.run_b} ${r.metric}: diff ${r.diff}, truth ${t.direction}`);
      }
      if ((Number(r.p_adj) <= 0.05) !== t.significant) {
        wrong.push(`${r.run_a} − ${r.run_b} ${r.metric}: p_adj ${r.p_adj}, truth ${t.significant}`);
      }
      if (t.metric === "bertscore_f1" && Number(r.n) !== t.n) {
        wrong.push(`${r.run_a} − ${r.run_b} ${r.metric}: n ${r.n}, truth ${t.n}`);
      }
    }
    const primary = v.truth.comparisons.filter((c) =>
      ["ft_vs_base", "ft_sizes"].includes(c.comparison) && c.metric === "bertscore_f1" && c.n > 0
    );
    const listed = rows.filter((r) => r.family === "primary").length;
    if (listed !== primary.length) {
      wrong.push(`${listed} primary tests; the data has ${primary.length}`);
    }
    assert.deepEqual(wrong, [], `findings_tests disagrees with the truth of ${v.name}`);
  },
  async names_findings(v) {
    const md = await Deno.readTextFile(join(await output(v), "report.md"));
    assert.deepEqual(checkNames(prose(findingsSection(md)), v.truth), [], `names in ${v.name}`);
  },
  async names_report(v) {
    const md = await Deno.readTextFile(join(await output(v), "report.md"));
    const found = checkNames(prose(md), v.truth);
    assert.deepEqual(
      found.slice(0, 5),
      [],
      `names in report.md of ${v.name} (${found.length} in all)`,
    );
  },
  async same_questions(v) {
    // "both answered the same questions" is false where a run answered other questions.
    const md = await Deno.readTextFile(join(await output(v), "report.md"));
    const claims = prose(md).split(/(?<=[.!?])\s+/).filter((s) =>
      /\bthe same questions\b/.test(s) &&
      !/\b(not|never|did not|didn't)\s+(all\s+)?(answer(ed)?|on)\s+the same questions/.test(s)
    );
    if (!v.truth.sameQuestions) {
      assert.deepEqual(claims, [], `"the same questions" claimed on ${v.name}`);
    }
  },
  async figures(v) {
    // Every figure is a whole SVG with finite coordinates, and passes the figure check
    // (lib/figures/check_figure_svg.ts): marks inside their frames, domains, percent axes,
    // legends, printable size.
    const svgs = await reportSvgs(await output(v));
    assert.ok(svgs.length > 0, `no figure in the report of ${v.name}`);
    const bad = svgs.filter((f) =>
      !/^<svg[\s>]/.test(f.svg) || !/<\/svg>\s*$/.test(f.svg) ||
      /NaN|Infinity|undefined/.test(f.svg)
    ).map((f) =>
      `${f.path}: ${
        f.svg.match(/.{0,60}(NaN|Infinity|undefined).{0,60}/)?.[0] ?? "not a whole SVG"
      }`
    );
    assert.deepEqual(bad, [], `broken figures in the report of ${v.name}`);
    const problems = svgs.flatMap((f) =>
      checkFigureSvg(f.svg).map((p) => `${f.path}: [${p.rule}] ${p.message}`)
    );
    assert.deepEqual(problems, [], `figure check on ${v.name}`);
  },
  async names_figures(v) {
    // The text drawn in figures (titles, legends, labels) names only what the data has.
    const found = (await reportSvgs(await output(v))).flatMap((f) =>
      checkNames(f.svg.replace(/<[^>]*>/g, "\n"), v.truth).map((p) =>
        `${f.path}: ${p.name} in "${p.line}"`
      )
    );
    assert.deepEqual(found, [], `names in the figures of ${v.name}`);
  },
};

for (const v of variants) {
  for (const check of Object.keys(CHECKS) as Check[]) {
    if (!v.expect.ok && check !== "report") continue;
    const reason = KNOWN_FAILURES[v.name]?.[check];
    Deno.test({
      name: `variant ${v.name} (${v.description}): ${check}${
        reason ? ` [known failure: ${reason}]` : ""
      }`,
      ignore: reason !== undefined && !Deno.env.get("VARIANTS_ALL"),
      sanitizeResources: false,
      sanitizeOps: false,
      fn: () => CHECKS[check](v),
    });
  }
}
