/**
 * The analysis notebooks that `deno task report` executes, in order; their sections appear in
 * `report.md` in this order. Notebooks that drive GPU work (training, generation) are not listed:
 * they are run by hand on a GPU machine.
 * @module
 */
export const REPORT_NOTEBOOKS: readonly string[] = [
  "00_findings.ipynb",
  "10_dataset.ipynb",
  "15_samples.ipynb",
  "20_scaling.ipynb",
  "25_metric_audit.ipynb",
  "30_paired.ipynb",
  "35_answer_behaviour.ipynb",
  "40_domains_languages.ipynb",
  "50_rag.ipynb",
  "60_human_eval.ipynb",
  "65_judge.ipynb",
  "70_training_runs.ipynb",
];

/**
 * Notebooks that take longest, started first so that the parallel run ends sooner; the report
 * keeps the order of {@linkcode REPORT_NOTEBOOKS}.
 */
export const LONG_NOTEBOOKS: readonly string[] = [
  "30_paired.ipynb",
  "40_domains_languages.ipynb",
  "20_scaling.ipynb",
  "00_findings.ipynb",
];
