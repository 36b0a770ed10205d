/**
 * The whole report on every study variant (lib/testing/study_variants.ts): it succeeds (or fails
 * with a clear message where that is the right answer), and what it says is true of the data.
 *
 * Checks that the current code fails are listed in {@linkcode KNOWN_FAILURES} with the reason,
 * and run as ignored tests: remove an entry once the fix is merged (an ignored check that passes
 * is not noticed, so run this file with the entry removed to see).
 *
 * One report per variant, in sequence, shared by that variant's checks; `resamples` is low, since
 * no verdict of a variant depends on it (its effects are huge or exactly zero).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";
import { REPORT_NOTEBOOKS } from "./report_notebooks.ts";
import { type StudyVariant, studyVariants, writeStudyVariant } from "../testing/study_variants.ts";
import { checkFindings, checkNames } from "../testing/check_findings.ts";
import { reportSvgs } from "../testing/report_svgs.ts";

/** Resamples of the variant reports: verdicts must not depend on it. */
const RESAMPLES = 500;

/**
 * The report's notebooks that read the results: the dataset, judge and training-run sections
 * read none of a variant's files (they show the same on every variant), so they are left out.
 */
const NOTEBOOKS = REPORT_NOTEBOOKS.filter((n) =>
  !["10_dataset.ipynb", "65_judge.ipynb", "70_training_runs.ipynb"].includes(n)
);

/** The checks run on each variant. */
type Check =
  | "report"
  | "findings"
  | "findings_tests"
  | "names_findings"
  | "names_report"
  | "same_questions";

/**
 * Checks the current code fails, by variant: the reason, and which other work fixes it. The
 * integrator removes an entry once that fix is merged.
 */
export const KNOWN_FAILURES: Partial<Record<string, Partial<Record<Check, string>>>> = {};

const variants = studyVariants();

const reports = new Map<string, Promise<{ out: string; error: unknown }>>();

/** Runs the whole report on a variant once; later calls share it. */
function report(v: StudyVariant): Promise<{ out: string; error: unknown }> {
  let r = reports.get(v.name);
  if (!r) {
    r = (async () => {
      const dir = await Deno.makeTempDir({ prefix: `variant-${v.name}-` });
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
      ["ft_vs_base", "ft_sizes"].includes(c.comparison) && c.metric === "bertscore_f1"
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
    const md = await Deno.readTextFile(join(await output(v), "report.md"));
    const claims = prose(md).split(/(?<=[.!?])\s+/).filter((s) =>
      /\bsame questions\b/.test(s) && !/\b(not|no|different)\b/.test(s)
    );
    if (!v.truth.sameQuestions) {
      assert.deepEqual(claims, [], `"the same questions" claimed on ${v.name}`);
    }
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
      ignore: reason !== undefined,
      sanitizeResources: false,
      sanitizeOps: false,
      fn: () => CHECKS[check](v),
    });
  }
}
