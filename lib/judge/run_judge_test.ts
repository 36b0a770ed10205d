import assert from "node:assert/strict";
import { join } from "node:path";
import { displayPath } from "../io/paths.ts";
import { fakeRun, type FakeSample } from "../testing/fake_run.ts";
import { startScriptedJudge } from "../testing/scripted_judge_server.ts";
import { ChatClient } from "./chat_client.ts";
import { judgeItems } from "./judge_items.ts";
import { JudgementCache, JUDGEMENTS_FILE } from "./judgement_cache.ts";
import { runJudge } from "./run_judge.ts";
import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
import { SUMMARY_RUBRIC } from "./summary_rubric.ts";
import { readJudgements } from "./read_judgements.ts";
import { judgeScoresTable } from "./judge_scores_table.ts";
import { judgePairwiseTable } from "./judge_pairwise_table.ts";
import { templateSha256 } from "./rubric.ts";

/** Questions in Russian and Kazakh; answer i of a run is `answers[i]`. */
function run(id: string, answers: string[]): ReturnType<typeof fakeRun> {
  const samples: FakeSample[] = answers.map((prediction, i) => ({
    id: `q${i}`,
    instruction: "Ответь на вопрос по казахстанскому законодательству.",
    input: i % 2
      ? `Салық кодексінің ${i + 60}-бабы нені реттейді?`
      : `Что регулирует статья ${i + 130} Налогового кодекса?`,
    reference: i % 2
      ? `Салық кодексінің ${i + 60}-бабы салық міндеттемесін реттейді.`
      : `Статья ${i + 130} НК РК регулирует налоговую проверку.`,
    prediction,
    metrics: {},
  }));
  return fakeRun(id, samples, { path: `/tmp/${id}.json`, sha256: "a".repeat(64) });
}

const client = (url: string, extra: Partial<ConstructorParameters<typeof ChatClient>[0]> = {}) =>
  new ChatClient({
    baseUrl: url,
    model: "scripted-judge",
    timeoutS: 1,
    backoffMs: 1,
    maxRetries: 1,
    ...extra,
  });

async function tempCache(): Promise<JudgementCache> {
  return await JudgementCache.open(join(await Deno.makeTempDir(), "out", JUDGEMENTS_FILE));
}

const linesOf = async (path: string) =>
  (await Deno.readTextFile(path)).split("\n").filter((l) => l !== "");

Deno.test("runJudge() single mode: slow, non-JSON, out-of-range and failing replies are retried, then counted; the scores table comes out right", async () => {
  const server = startScriptedJudge({ stallMs: 2500 });
  try {
    const ft = run("ft", [
      "Согласно ст. 130 НК РК проводится налоговая проверка. [балл 5]",
      "Салық кодексінің 61-бабы салық міндеттемесін реттейді. [балл 4] [ойлау]",
      "Статья 132 НК РК — о проверках. [бір рет мусор] [балл 4]",
      "Салық кодексінің 63-бабы. [баяу] [балл 3]",
      "Согласно ст. 999 НК РК всё разрешено. [балл 5] [галлюцинация]",
      "Непонятный ответ. [мусор]",
    ]);
    const base = run("base", [
      "Okay, let's tackle this question about the Tax Code. [балл 1]",
      "Білмеймін. [ауқымнан тыс] [балл 2]",
      "Налоговая проверка. [балл 2]",
      "Ошибка сервера. [қате]",
      "Жоқ. [балл 1]",
      "Статья 135. [балл 2]",
    ]);
    const { items } = judgeItems([ft, base], { mode: "single" });
    assert.equal(items.length, 12);
    const cache = await tempCache();
    const summary = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache,
      concurrency: 3,
      maxAttempts: 2,
    });
    assert.deepEqual(summary, {
      tasks: 12,
      cached: 0,
      asked: 12,
      ok: 9,
      failed: 2,
      errors: 1,
      requests: 17,
      aborted: false,
    });
    assert.equal(server.requests, 17);
    assert.ok(server.bodies.every((b) => b.temperature === 0 && b.model === "scripted-judge"));

    const { stored } = await readJudgements([cache.path]);
    assert.equal(stored.length, 12);
    const rec = (runId: string, id: string) =>
      stored.find((s) => s.record.runs[0] === runId && s.record.id === id)!.record;
    const repaired = rec("ft", "q2");
    assert.deepEqual([repaired.status, repaired.attempts, repaired.requests], ["ok", 2, 2]);
    assert.match(repaired.replies[0].error!, /not a JSON object \(it starts with "Жауап жақсы/);
    assert.equal(repaired.replies[1].error, null);
    const repairBody = server.bodies.find((b) =>
      b.messages.length === 4 && b.messages[1].content.includes("[бір рет мусор]")
    )!;
    assert.equal(repairBody.messages[2].role, "assistant");
    assert.match(
      repairBody.messages[3].content,
      /Ваш ответ не удалось принять: the reply is not a JSON object/,
    );
    const slow = rec("ft", "q3");
    assert.deepEqual([slow.status, slow.attempts, slow.requests, slow.criteria?.correctness], [
      "ok",
      1,
      2,
      3,
    ]);
    assert.deepEqual(rec("ft", "q1").criteria, {
      correctness: 4,
      completeness: 4,
      relevance: 4,
      hallucination: false,
    });
    assert.equal(rec("ft", "q1").reason, "Жауап эталонға сәйкес.");
    const garbage = rec("ft", "q5");
    assert.deepEqual([garbage.status, garbage.criteria, garbage.attempts], ["failed", null, 2]);
    assert.equal(garbage.raw_reply, "Жауап жақсы, бағасы бес. Ответ хороший.");
    assert.match(garbage.error!, /^no valid reply in 2 attempts: the reply is not a JSON object/);
    const outOfRange = rec("base", "q1");
    assert.equal(outOfRange.status, "failed");
    assert.match(outOfRange.error!, /"correctness" must be an integer from 1 to 5, got 7/);
    const failedServer = rec("base", "q3");
    assert.deepEqual([failedServer.status, failedServer.requests, failedServer.replies.length], [
      "error",
      2,
      0,
    ]);
    assert.match(failedServer.error!, /HTTP 500 .* \(after 2 requests\)/);
    // Every record names the judge, its settings and the prompt it was asked with.
    assert.deepEqual(repaired.judge, {
      model: "scripted-judge",
      base_url: server.url,
      rubric: "lawyer",
      rubric_version: "1.0.0",
      template_sha256: await templateSha256(LAWYER_RUBRIC, "single"),
      settings: { temperature: 0, max_tokens: 1024, seed: null },
      transport: { timeout_s: 1, max_retries: 1, max_attempts: 2 },
    });
    assert.deepEqual(rec("base", "q0").substantive, [false]); // an English reasoning trace
    assert.deepEqual(repaired.inputs, [{
      path: displayPath("/tmp/ft.json"),
      sha256: "a".repeat(64),
    }]);

    const table = judgeScoresTable(stored, { resamples: 200 });
    // Runs in name order, whatever order the judgements finished in.
    assert.deepEqual(table.map((r) => [r.run, r.n, r.scored, r.failed]), [
      ["base", 6, 4, 2],
      ["ft", 6, 5, 1],
    ]);
    const ftRow = table[1];
    assert.equal(ftRow.correctness_mean, (5 + 4 + 4 + 3 + 5) / 5);
    assert.equal(ftRow.hallucination_mean, 1 / 5);
    assert.equal(ftRow.correctness_lo, null); // fewer than 10 scored answers: no interval
    assert.equal(table[0].relevance_mean, (1 + 2 + 1 + 2) / 4);

    // The same run again asks only for the judgement that got no reply (errors are retried).
    const before = server.requests;
    const again = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache: await JudgementCache.open(cache.path),
      maxAttempts: 2,
    });
    assert.deepEqual([again.cached, again.asked, again.errors, server.requests - before], [
      11,
      1,
      1,
      2,
    ]);
    // Failed ones are final unless asked for again.
    const retry = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache: await JudgementCache.open(cache.path),
      maxAttempts: 2,
      retryFailed: true,
    });
    assert.deepEqual([retry.cached, retry.asked, retry.failed, retry.errors], [9, 3, 2, 1]);
    const reread = await readJudgements([cache.path]);
    assert.equal(reread.stored.length, 16);
    assert.deepEqual(judgeScoresTable(reread.stored, { resamples: 200 }).map((r) => [r.run, r.n]), [
      ["base", 6],
      ["ft", 6],
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("runJudge() pairwise mode asks both orders; a position-biased verdict counts as inconsistent and as a tie; the pairwise table comes out right", async () => {
  const server = startScriptedJudge();
  try {
    const ft = run("ft", [
      "Статья 130 НК РК. [үздік]",
      "Салық кодексінің 61-бабы.",
      "Статья 132.",
      "Бірдей. [тең]",
      "[мусор]",
    ]);
    const base = run("base", [
      "Не знаю.",
      "Білмеймін.",
      "Статья 132 НК РК, пункт 1. [үздік]",
      "Одинаково. [тең]",
      "Жауап.",
    ]);
    const { items } = judgeItems([ft, base], { mode: "pairwise" });
    assert.equal(items.length, 5);
    const cache = await tempCache();
    const summary = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache,
      maxAttempts: 2,
    });
    assert.deepEqual(summary, {
      tasks: 10,
      cached: 0,
      asked: 10,
      ok: 8,
      failed: 2,
      errors: 0,
      requests: 12,
      aborted: false,
    });
    // Order ab shows ft's answer as A, order ba shows it as B.
    const shown = server.bodies.filter((b) =>
      b.messages[1].content.includes("Ответ A:\nСтатья 130 НК РК. [үздік]")
    );
    assert.equal(shown.length, 1);
    assert.ok(
      server.bodies.some((b) =>
        b.messages[1].content.includes("Ответ B:\nСтатья 130 НК РК. [үздік]")
      ),
    );

    const { stored } = await readJudgements([cache.path]);
    const q1 = stored.filter((s) => s.record.id === "q1").map((s) => s.record);
    assert.deepEqual(q1.map((r) => [r.order, r.verdict, r.winner]), [["ab", "A", "ft"], [
      "ba",
      "A",
      "base",
    ]]);
    assert.deepEqual(q1[0].runs, ["ft", "base"]);
    assert.deepEqual(q1[1].runs, ["ft", "base"]);
    const [row] = judgePairwiseTable(stored, { resamples: 200 });
    assert.deepEqual(row, {
      judge: "scripted-judge",
      rubric: "lawyer",
      run_a: "ft",
      run_b: "base",
      n: 5,
      wins_a: 1,
      wins_b: 1,
      ties: 2,
      inconsistent: 1,
      favours_first: 1,
      failed: 1,
      win_rate_a_mean: (1 + 0.5 + 0 + 0.5) / 4,
      win_rate_a_lo: null,
      win_rate_a_hi: null,
    });

    // A repeated run sends no request.
    const before = server.requests;
    const again = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache: await JudgementCache.open(cache.path),
      maxAttempts: 2,
    });
    assert.deepEqual([again.tasks, again.cached, again.asked, server.requests - before], [
      10,
      10,
      0,
      0,
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("runJudge() resumes after an interruption: judgements made before the abort are kept and not asked again", async () => {
  const server = startScriptedJudge({ delayMs: 40 });
  try {
    const answers = Array.from(
      { length: 12 },
      (_, i) => `Жауап ${i}: статья ${i + 1}. [балл ${(i % 5) + 1}]`,
    );
    const { items } = judgeItems([run("ft", answers)], { mode: "single" });
    const cache = await tempCache();
    const controller = new AbortController();
    let recorded = 0;
    const first = await runJudge(items, {
      rubric: SUMMARY_RUBRIC,
      client: client(server.url, { timeoutS: 5 }),
      cache,
      concurrency: 2,
      signal: controller.signal,
      onRecord: () => {
        if (++recorded === 3) controller.abort(new Error("interrupted"));
      },
    });
    assert.equal(first.aborted, true);
    const saved = (await linesOf(cache.path)).length;
    assert.ok(saved >= 3 && saved < 12, `saved ${saved}`);
    assert.equal(first.asked, saved);

    const requestsBefore = server.requests;
    const resumed = await runJudge(items, {
      rubric: SUMMARY_RUBRIC,
      client: client(server.url, { timeoutS: 5 }),
      cache: await JudgementCache.open(cache.path),
      concurrency: 2,
    });
    assert.deepEqual([resumed.cached, resumed.asked, resumed.aborted], [saved, 12 - saved, false]);
    assert.equal(server.requests - requestsBefore, 12 - saved);
    const lines = await linesOf(cache.path);
    assert.equal(lines.length, 12);
    assert.equal(new Set(lines.map((l) => JSON.parse(l).key)).size, 12);
    const { stored } = await readJudgements([cache.path]);
    const [row] = judgeScoresTable(stored, { resamples: 200 });
    assert.deepEqual([row.n, row.scored, row.failed], [12, 12, 0]);
    // Scores i%5+1 over 12 answers: 1,2,3,4,5,1,2,3,4,5,1,2 → mean 33/12, on the 0..1 scale /5.
    assert.ok(Math.abs((row.overall_mean as number) - 33 / 12 / 5) < 1e-12);
    assert.ok((row.overall_lo as number) < (row.overall_mean as number));

    const end = server.requests;
    await runJudge(items, {
      rubric: SUMMARY_RUBRIC,
      client: client(server.url),
      cache: await JudgementCache.open(cache.path),
    });
    assert.equal(server.requests, end, "a repeated run sends no request");
  } finally {
    await server.close();
  }
});

Deno.test("JudgementCache repairs a line cut short inside a Cyrillic letter, and the run asks only for what is missing", async () => {
  const server = startScriptedJudge();
  try {
    const { items } = judgeItems([
      run("ft", ["Жауап бір. [балл 4]", "Ответ два. [балл 2]", "Жауап үш. [балл 5]"]),
    ]);
    const cache = await tempCache();
    await runJudge(items, { rubric: LAWYER_RUBRIC, client: client(server.url), cache });
    const bytes = await Deno.readFile(cache.path);
    const lastStart = bytes.subarray(0, bytes.length - 1).lastIndexOf(0x0a) + 1;
    const text = new TextDecoder().decode(bytes.subarray(lastStart));
    const cut = lastStart +
      new TextEncoder().encode(text.slice(0, text.indexOf("Жауап") + 2)).length + 1; // inside "у"
    await Deno.writeFile(cache.path, bytes.subarray(0, cut));
    await assert.rejects(
      readJudgements([cache.path]),
      /line 3 is cut short \(an interrupted judge run\?\)/,
    );
    const reopened = await JudgementCache.open(cache.path);
    assert.equal(reopened.repairedBytes, cut - lastStart);
    assert.equal(reopened.stored.length, 2);
    const before = server.requests;
    const s = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache: reopened,
    });
    assert.deepEqual([s.cached, s.asked, server.requests - before], [2, 1, 1]);
    assert.equal((await readJudgements([cache.path])).stored.length, 3);
  } finally {
    await server.close();
  }
});

Deno.test("runJudge() keeps at most `concurrency` requests in flight", async () => {
  const server = startScriptedJudge({ delayMs: 30 });
  try {
    const { items } = judgeItems([
      run("ft", Array.from({ length: 12 }, (_, i) => `Ответ ${i}. [балл 3]`)),
    ]);
    await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url),
      cache: await tempCache(),
      concurrency: 3,
    });
    assert.equal(server.maxInFlight, 3);
  } finally {
    await server.close();
  }
});

Deno.test("judgements made with other prompts or settings are different judgements (other cache keys)", async () => {
  const server = startScriptedJudge();
  try {
    const { items } = judgeItems([run("ft", ["Жауап. [балл 4]"])]);
    const cache = await tempCache();
    await runJudge(items, { rubric: LAWYER_RUBRIC, client: client(server.url), cache });
    const other = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url, { temperature: 0.7 }),
      cache,
    });
    assert.deepEqual([other.cached, other.asked], [0, 1]);
    const sameModelOtherUrl = await runJudge(items, {
      rubric: LAWYER_RUBRIC,
      client: client(server.url + "/"),
      cache,
    });
    assert.deepEqual([sameModelOtherUrl.cached, sameModelOtherUrl.asked], [1, 0]);
    const { stored } = await readJudgements([cache.path]);
    assert.throws(
      () => judgeScoresTable(stored),
      /were made with two configurations: .*temperature 0, .*temperature 0\.7.*keep each configuration in its own folder/,
    );
  } finally {
    await server.close();
  }
});
