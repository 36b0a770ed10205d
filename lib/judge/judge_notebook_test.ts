import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "../report/params.ts";
import { runReport } from "../report/run_report.ts";
import { fakeRun, type FakeSample } from "../testing/fake_run.ts";
import { startScriptedJudge } from "../testing/scripted_judge_server.ts";
import { readSheetAnswers } from "../human_eval/read_sheet_answers.ts";
import { SHEET_COLUMNS } from "../human_eval/sheet_columns.ts";
import { stringifyCsv } from "../io/csv.ts";
import { ChatClient } from "./chat_client.ts";
import { judgeItems } from "./judge_items.ts";
import { sheetItems } from "./sheet_items.ts";
import { JudgementCache, JUDGEMENTS_FILE } from "./judgement_cache.ts";
import { runJudge } from "./run_judge.ts";
import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";

function run(id: string, answers: string[]) {
  const samples: FakeSample[] = answers.map((prediction, i) => ({
    id: String(i),
    instruction: i % 2
      ? "Жеке кәсіпкер декларацияны қашан тапсырады?"
      : "Когда индивидуальный предприниматель сдаёт декларацию?",
    input: "",
    reference: i % 2 ? "31 наурызға дейін." : "До 31 марта.",
    prediction,
    metrics: {},
  }));
  return fakeRun(id, samples, { path: `/tmp/${id}.json`, sha256: "c".repeat(64) });
}

/** Judgements of every kind, made by the scripted judge, in three folders; and the lawyers' sheet. */
async function fixtureJudgements(): Promise<{ folders: string[]; sheet: string }> {
  const root = await Deno.makeTempDir();
  const server = startScriptedJudge();
  try {
    const client = new ChatClient({
      baseUrl: server.url,
      model: "scripted-judge",
      backoffMs: 1,
      maxRetries: 0,
    });
    const ft = run("ft", [
      "До 31 марта, ст. 212 НК РК. [балл 5] [үздік]",
      "31 наурызға дейін. [балл 4]",
      "Ежегодно. [балл 4]",
      "[мусор]",
      "До 31 марта. [балл 5]",
    ]);
    const base = run("base", [
      "Okay, let's tackle this. [балл 1]",
      "Білмеймін. [балл 2]",
      "Не знаю. [балл 2] [тең]",
      "Жоқ. [балл 1]",
      "Ежегодно, в марте. [балл 3] [тең]",
    ]);
    const judge = async (folder: string, items: ReturnType<typeof judgeItems>["items"]) => {
      const cache = await JudgementCache.open(join(root, folder, JUDGEMENTS_FILE));
      await runJudge(items, { rubric: LAWYER_RUBRIC, client, cache, maxAttempts: 1 });
      return join(root, folder);
    };
    const single = await judge("single", judgeItems([ft, base], { mode: "single" }).items);
    const pairwise = await judge("pairwise", judgeItems([ft, base], { mode: "pairwise" }).items);
    // The lawyers' sheet: the judge's correctness (from the markers) equals the lawyers'.
    const scores = [5, 2, 4, 1, 3, 5];
    const rows = scores.map((s, i) => ({
      номер_вопроса: String(Math.floor(i / 2)),
      вопрос: "Салық кодексінің 212-бабы нені реттейді?",
      контекст: "",
      эталонный_ответ: "Декларацияны тапсыру мерзімін.",
      вариант: i % 2 ? "B" : "A",
      ответ_модели: `Жауап ${i}. [балл ${s}]${i === 3 ? " [галлюцинация]" : ""}`,
      корректность_1_5: String(s),
      полнота_1_5: String(Math.min(5, s + 1)),
      релевантность_1_5: "4",
      галлюцинация_да_нет: i === 3 ? "да" : "нет",
      комментарий: "",
    }));
    const sheet = join(root, "lawyer.csv");
    await Deno.writeTextFile(
      sheet,
      stringifyCsv([[...SHEET_COLUMNS], ...rows.map((r) => SHEET_COLUMNS.map((c) => r[c]))]),
    );
    const graded = await judge("sheet", sheetItems(await readSheetAnswers(sheet)));
    return { folders: [single, pairwise, graded], sheet };
  } finally {
    await server.close();
  }
}

Deno.test("65_judge runs headless on fixture judgements and writes the four judge tables", async () => {
  const { folders, sheet } = await fixtureJudgements();
  const out = join(await Deno.makeTempDir(), "report");
  await runReport(resolveParams({ out, judgments: folders, humanEval: [sheet], resamples: 200 }), {
    notebooks: ["65_judge.ipynb"],
    log: () => {},
  });
  const table = async (name: string) =>
    parseCsv(await Deno.readTextFile(join(out, "tables", `${name}.csv`)));
  const scores = await table("judge_scores");
  assert.deepEqual(scores.map((r) => [r.run, r.n, r.scored, r.failed]), [
    ["base", "5", "5", "0"],
    ["ft", "5", "4", "1"],
    ["sheet:A", "3", "3", "0"],
    ["sheet:B", "3", "3", "0"],
  ]);
  assert.equal(Number(scores[1].correctness_mean), (5 + 4 + 4 + 5) / 4);
  const [pair] = await table("judge_pairwise");
  // q0: ft's [үздік] wins in both orders; q1, q2, q4: no marker, or [тең] in one answer only, so
  // the answer shown first wins in both orders (inconsistent, a tie); q3: ft's garbage fails.
  assert.deepEqual(
    [
      pair.run_a,
      pair.run_b,
      pair.n,
      pair.wins_a,
      pair.wins_b,
      pair.ties,
      pair.inconsistent,
      pair.favours_first,
      pair.failed,
    ],
    ["ft", "base", "5", "1", "0", "3", "3", "3", "1"],
  );
  assert.equal(Number(pair.win_rate_a_mean), (1 + 0.5 * 3) / 4);
  const bias = await table("judge_length_bias");
  assert.ok(bias.some((r) => r.mode === "pairwise" && r.criterion === "win_a" && r.run === "all"));
  assert.ok(
    bias.some((r) => r.mode === "single" && r.criterion === "correctness" && r.run === "ft"),
  );
  const agreement = await table("judge_agreement");
  const correctness = agreement.find((r) => r.criterion === "correctness")!;
  assert.deepEqual([correctness.n, Number(correctness.rho), Number(correctness.alpha_mean)], [
    "6",
    1,
    1,
  ]);
  const hallucination = agreement.find((r) => r.criterion === "hallucination")!;
  assert.deepEqual([hallucination.level, Number(hallucination.alpha_mean)], ["nominal", 1]);
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /## LLM judge/);
  assert.match(
    report,
    /\*\*scripted-judge\*\*, pairwise, rubric `lawyer` 1\.0\.0 .*10 judgements \(two per question and pair, A\/B swapped\), 8 valid, 2 failed/,
  );
  assert.match(report, /6 of 6 answers the judge graded were matched/);
});

Deno.test("65_judge without judgements says how to make them and writes no judge table", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  await runReport(resolveParams({ out, resamples: 200 }), {
    notebooks: ["65_judge.ipynb"],
    log: () => {},
  });
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /No LLM-judge judgements were given/);
  assert.match(report, /deno task judge --results data\/results --mode single --rubric lawyer/);
  const tables = await Array.fromAsync(Deno.readDir(join(out, "tables"))).catch(() => []);
  assert.ok(!tables.some((e) => e.name.startsWith("judge_")), tables.map((e) => e.name).join());
});
