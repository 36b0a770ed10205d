import assert from "node:assert/strict";
import { join } from "node:path";
import { readJudgements } from "./read_judgements.ts";

const valid = {
  format: "workbench-judgement",
  version: 1,
  key: "a".repeat(64),
  mode: "single",
  order: null,
  source: "results",
  id: "7",
  label: null,
  runs: ["ft"],
  question: { instruction: "Салық?", input: "", reference: "Иә." },
  answers: ["Иә, салық."],
  answer_words: [2],
  substantive: [true],
  status: "ok",
  criteria: { correctness: 5, completeness: 4, relevance: 5, hallucination: false },
  verdict: null,
  winner: null,
  reason: "Дұрыс.",
  raw_reply: "{}",
  replies: [{ content: "{}", error: null, finish_reason: "stop" }],
  attempts: 1,
  requests: 1,
  error: null,
  judge: {
    model: "m",
    base_url: "http://127.0.0.1:1/v1",
    rubric: "lawyer",
    rubric_version: "1.0.0",
    template_sha256: "t",
    settings: { temperature: 0, max_tokens: 1024, seed: null },
    transport: { timeout_s: 120, max_retries: 3, max_attempts: 3 },
  },
  inputs: [],
  timestamp: "2026-01-01T00:00:00.000Z",
};

async function folderWith(text: string): Promise<string> {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "судья.jsonl"), text);
  return dir;
}

Deno.test("readJudgements() reads every .jsonl of a folder, with file, line and line hash", async () => {
  const dir = await folderWith(
    JSON.stringify(valid) + "\n\n" + JSON.stringify({ ...valid, key: "b".repeat(64) }) + "\n",
  );
  await Deno.writeTextFile(join(dir, "judge_run.json"), "{}");
  const set = await readJudgements([dir]);
  assert.deepEqual(set.stored.map((s) => [s.line, s.record.key[0]]), [[1, "a"], [3, "b"]]);
  assert.equal(set.files.length, 1);
  assert.match(set.stored[0].file, /судья\.jsonl$/);
});

Deno.test("readJudgements() names the file and line of a bad record", async () => {
  const bad = async (text: string, why: RegExp) => {
    await assert.rejects(readJudgements([await folderWith(text)]), why);
  };
  const line1 = JSON.stringify(valid) + "\n";
  await bad(line1 + "{oops\n", /судья\.jsonl": line 2 is not valid JSON/);
  await bad(
    line1 + JSON.stringify({ ...valid, status: "maybe" }) + "\n",
    /line 2: status must be "ok", "failed" or "error", got "maybe"/,
  );
  await bad(
    JSON.stringify({ ...valid, mode: "pairwise", order: "ab" }) + "\n",
    /line 1: runs must be 2 strings in pairwise mode/,
  );
  await bad(
    JSON.stringify({ ...valid, criteria: null }) + "\n",
    /line 1: criteria must be an object of numbers and true\/false when status is ok/,
  );
  await bad(JSON.stringify({ ...valid, version: 2 }) + "\n", /line 1: version must be 1, got 2/);
  await assert.rejects(readJudgements([await Deno.makeTempDir()]), /holds no \.jsonl file/);
  await assert.rejects(readJudgements(["/nonexistent/жоқ"]), /do not exist/);
});
