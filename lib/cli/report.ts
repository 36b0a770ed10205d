/**
 * `deno task report`: regenerate every figure, table and the Markdown report from saved JSON,
 * headless. See `deno task report --help`.
 * @module
 */
import { resolveParams } from "../report/params.ts";
import { prepareNotebookRuns } from "../notebook/execute_notebook.ts";
import { runReport } from "../report/run_report.ts";
import { displayPath } from "../io/paths.ts";
import { parseReportArgs, REPORT_USAGE } from "./report_args.ts";

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseReportArgs(Deno.args);
  } catch (error) {
    console.error(`report: ${(error as Error).message}\n\n${REPORT_USAGE}`);
    Deno.exit(2);
  }
  if (parsed.help) {
    console.log(REPORT_USAGE);
    Deno.exit(0);
  }
  const { help: _, overwriteEdits, ...partial } = parsed;
  try {
    const params = resolveParams(partial, "command-line options");
    await prepareNotebookRuns();
    const t0 = performance.now();
    const out = await runReport(params, { overwriteEdits });
    console.error(
      `report: wrote ${displayPath(out)}/report.md in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s`,
    );
  } catch (error) {
    console.error(`report: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
