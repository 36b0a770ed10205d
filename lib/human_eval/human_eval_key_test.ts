import assert from "node:assert/strict";
import { KEY_FORMAT, parseHumanEvalKey } from "./human_eval_key.ts";

Deno.test("parseHumanEvalKey() reads the study's key shape", () => {
  const key = parseHumanEvalKey(
    JSON.stringify({
      Q0_A: "Qwen3-4B FT",
      Q0_B: "Qwen3-4B Base",
      Q1_A: "Qwen3-4B Base",
      Q1_B: "Qwen3-4B FT",
    }),
    "model_key.json",
  );
  assert.deepEqual(key.runs, ["Qwen3-4B FT", "Qwen3-4B Base"]);
  assert.deepEqual(key.items[2], {
    question: "1",
    label: "A",
    run: "Qwen3-4B Base",
    answer_sha256: null,
  });
  assert.equal(key.seed, null);
});

Deno.test("parseHumanEvalKey() checks the workbench key shape and names what is wrong", () => {
  const good = {
    format: KEY_FORMAT,
    version: 1,
    seed: 42,
    runs: ["a", "b"],
    sources: [],
    items: [{ question: "0", label: "A", run: "a" }, { question: "0", label: "B", run: "b" }],
  };
  assert.equal(parseHumanEvalKey(JSON.stringify(good), "k.json").items.length, 2);
  const bad = (patch: object, re: RegExp) =>
    assert.throws(() => parseHumanEvalKey(JSON.stringify({ ...good, ...patch }), "k.json"), re);
  bad({ version: 3 }, /k\.json.*version 3 is not supported \(expected 1 or 2\)/);
  bad({ seed_source: "random" }, /unknown field "seed_source"/); // a version-2 field in version 1
  const v2 = {
    ...good,
    version: 2,
    seed_source: "random",
    warnings: ["answer length: ..."],
    items: [
      { question: "0", label: "A", run: "a", trace_removed: "think-tags", trace_chars: 120 },
      { question: "0", label: "B", run: "b", trace_removed: null, trace_chars: 0 },
    ],
  };
  const k2 = parseHumanEvalKey(JSON.stringify(v2), "k.json");
  assert.deepEqual([k2.version, k2.seed_source, k2.warnings], [2, "random", [
    "answer length: ...",
  ]]);
  assert.deepEqual([k2.items[0].trace_removed, k2.items[0].trace_chars], ["think-tags", 120]);
  const bad2 = (patch: object, re: RegExp) =>
    assert.throws(() => parseHumanEvalKey(JSON.stringify({ ...v2, ...patch }), "k.json"), re);
  bad2({ seed_source: "guessed" }, /seed_source must be/);
  bad2({ warnings: "x" }, /warnings must be a list of strings/);
  bad2(
    { items: [{ question: "0", label: "A", run: "a", trace_removed: "yes" }] },
    /items\[0\]\.trace_removed must be/,
  );
  bad2(
    { items: [{ question: "0", label: "A", run: "a", trace_chars: -1 }] },
    /items\[0\]\.trace_chars must be a non-negative integer/,
  );
  bad({ extra: 1 }, /unknown field "extra"/);
  bad(
    { items: [{ question: "0", label: "A", run: "a" }, { question: "0", label: "A", run: "b" }] },
    /items\[1\]: question "0", label "A" appears twice/,
  );
  bad(
    { items: [{ question: "0", label: "A", run: "c" }] },
    /items\[0\]\.run "c" is not listed in runs/,
  );
  bad(
    { items: [{ question: "0", label: "AA", run: "a" }] },
    /items\[0\]\.label must be one capital letter/,
  );
  assert.throws(() => parseHumanEvalKey("{", "k.json"), SyntaxError);
});
