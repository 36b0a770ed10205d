import assert from "node:assert/strict";
import { judgeScoresTable } from "./judge_scores_table.ts";
import type { StoredJudgement } from "./judgement_record.ts";

const rec = (id: string, run: string, overall: number): StoredJudgement =>
  ({
    record: {
      key: `${run}/${id}`,
      id,
      mode: "single",
      runs: [run],
      order: null,
      status: "ok",
      criteria: { coverage: 1, accuracy: 1, coherence: 1, informativeness: 1, overall },
      judge: {
        model: "qwen",
        rubric: "summary",
        rubric_version: "1.0.0",
        template_sha256: "t",
        settings: { temperature: 0, max_tokens: 1024, seed: null },
      },
    },
    file: "j.jsonl",
    line: 1,
    sha256: "",
  }) as never;

Deno.test("judgeScoresTable() does not depend on the order judgements finished in (rows, means and intervals)", () => {
  const stored = ["ft", "base"].flatMap((run) =>
    Array.from(
      { length: 25 },
      (_, i) => rec(String(i), run, ((i * 7) % 10) / 10 + (run === "ft" ? 0.05 : 0)),
    )
  );
  const a = judgeScoresTable(stored, { resamples: 500, seed: 3 });
  // A fixed permutation, as concurrent requests would finish.
  const shuffled = stored.map((s, i) => [(i * 17) % stored.length, s] as const)
    .sort(([x], [y]) => x - y).map(([, s]) => s);
  assert.notDeepEqual(shuffled.map((s) => s.record.key), stored.map((s) => s.record.key));
  assert.deepEqual(judgeScoresTable(shuffled, { resamples: 500, seed: 3 }), a);
  assert.deepEqual(a.map((r) => r.run), ["base", "ft"]);
  const lo = a[1].overall_lo as number | null, mean = a[1].overall_mean as number;
  assert.ok(lo !== null && lo < mean, "25 scored answers get an interval");
});
