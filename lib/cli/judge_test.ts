import assert from "node:assert/strict";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { startScriptedJudge } from "../testing/scripted_judge_server.ts";
import { checkJudgeArgs, parseJudgeArgs } from "./judge.ts";

const FIXTURE = fromRoot("lib/results/fixtures/v1_samples.json");

/** A schema-v1 result file of run `id` whose sample i answers `answers[i]` (questions of the fixture). */
async function resultFile(dir: string, id: string, answers: string[]): Promise<void> {
  const data = JSON.parse(await Deno.readTextFile(FIXTURE));
  data.run.id = id;
  data.run.label = id;
  data.samples = data.samples.slice(0, answers.length).map((
    s: Record<string, unknown>,
    i: number,
  ) => ({
    ...s,
    prediction: answers[i],
  }));
  await Deno.writeTextFile(join(dir, `${id}.json`), JSON.stringify(data));
}

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", fromRoot(`lib/cli/${script}`), ...args],
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
  return { code: out.code, text };
}

const lines = async (path: string) => (await Deno.readTextFile(path)).split("\n").filter(Boolean);

Deno.test("deno task judge: single and pairwise runs against a loopback server, resumed runs send nothing, judge-export writes a training file", async () => {
  const dir = await Deno.makeTempDir();
  const results = join(dir, "results");
  await Deno.mkdir(results);
  await resultFile(results, "ft", [
    "Три года, ст. 178 ГК РК. [балл 5]",
    "Еңбек кодексінің 52-бабы. [балл 4] [үздік]",
    "[мусор]",
  ]);
  await resultFile(results, "base", [
    "Не знаю. [балл 1]",
    "Білмеймін. [балл 2]",
    "НДС 12%. [балл 3]",
  ]);
  const validation = join(dir, "validation.jsonl");
  await Deno.writeTextFile(
    validation,
    JSON.stringify({
      instruction: "Еңбек шартын бұзу үшін қандай негіздер бар?",
      input: "Жұмыс беруші бастамасы бойынша",
      output: "52-бап.",
    }) + "\n",
  );
  const server = startScriptedJudge();
  try {
    const common = [
      "--base-url",
      server.url,
      "--model",
      "scripted-judge",
      "--attempts",
      "2",
      "--retries",
      "0",
    ];
    const single = join(dir, "judge", "сингл");
    const a = await cli("judge.ts", [
      "--results",
      results,
      "--mode",
      "single",
      "--rubric",
      "summary",
      ...common,
      "--out",
      single,
      "--api-key-env",
      "JUDGE_TEST_KEY",
    ], { JUDGE_TEST_KEY: "sk-loopback" });
    assert.equal(a.code, 0, a.text);
    assert.match(a.text, /3 questions × 2 runs \(base, ft\)|3 questions × 2 runs \(ft, base\)/);
    assert.match(
      a.text,
      /6 judgements wanted, 0 already in .*, 6 asked now \(5 ok, 1 failed, 0 without a reply\) in 7 requests/,
    );
    assert.ok(server.authorizations.every((h) => h === "Bearer sk-loopback"));
    assert.equal((await lines(join(single, "judgements.jsonl"))).length, 6);
    const runInfo = JSON.parse(await Deno.readTextFile(join(single, "judge_run.json")));
    assert.deepEqual([
      runInfo.model,
      runInfo.rubric,
      runInfo.settings.temperature,
      runInfo.summary.ok,
    ], ["scripted-judge", "summary", 0, 5]);
    assert.ok(!JSON.stringify(runInfo).includes("sk-loopback"), "the key is never written");

    const before = server.requests;
    const again = await cli("judge.ts", [
      "--results",
      results,
      "--mode",
      "single",
      "--rubric",
      "summary",
      ...common,
      "--out",
      single,
    ]);
    assert.equal(again.code, 0, again.text);
    assert.match(again.text, /6 already in/);
    assert.equal(server.requests, before, "a repeated run sends no request");

    const clash = await cli("judge.ts", [
      "--results",
      results,
      "--mode",
      "single",
      "--rubric",
      "summary",
      ...common,
      "--temperature",
      "0.5",
      "--out",
      single,
    ]);
    assert.equal(clash.code, 1);
    assert.match(
      clash.text,
      /holds judgements by scripted-judge \(single, rubric summary\) with another configuration .*temperature 0,.*now: .*temperature 0\.5.*use another --out/,
    );

    const pairwise = join(dir, "judge", "pairwise");
    const p = await cli("judge.ts", [
      "--results",
      join(results, "ft.json"),
      join(results, "base.json"),
      "--mode",
      "pairwise",
      "--rubric",
      "lawyer",
      ...common,
      "--runs",
      "ft,base",
      "--out",
      pairwise,
    ]);
    assert.equal(p.code, 0, p.text);
    assert.match(p.text, /3 questions × 1 pairs × 2 orders \(ft, base\)/);
    assert.match(
      p.text,
      /6 judgements wanted, 0 already in .*, 6 asked now \(4 ok, 2 failed, 0 without a reply\)/,
    );

    const exported = join(dir, "next", "train.jsonl");
    const e = await cli("judge_export.ts", [
      "--judgments",
      single,
      "--threshold",
      "0.8",
      "--validation",
      validation,
      "--out",
      exported,
    ]);
    assert.equal(e.code, 0, e.text);
    assert.match(
      e.text,
      /wrote 1 rows .*6 answers judged by scripted-judge \(rubric summary\): 1 without a score, 3 below overall 0\.8, 0 hallucinating, 0 not substantive, 0 other answers to a kept question, 1 questions in the validation set/,
    );
    assert.deepEqual((await lines(exported)).map((l) => JSON.parse(l)), [{
      instruction: "Какой срок исковой давности по гражданским делам?",
      input: "",
      output: "Три года, ст. 178 ГК РК. [балл 5]",
    }]);
    const [prov] = (await lines(exported.replace(/\.jsonl$/, ".provenance.jsonl"))).map((l) =>
      JSON.parse(l)
    );
    assert.deepEqual([prov.run, prov.id, prov.score, prov.judge_model], [
      "ft",
      "0",
      1,
      "scripted-judge",
    ]);
    const both = join(dir, "both");
    await Deno.mkdir(both);
    await Deno.writeTextFile(
      join(both, "validation.jsonl"),
      (await Deno.readTextFile(validation)) +
        JSON.stringify({
          instruction: "Какой срок исковой давности по гражданским делам",
          input: "",
          output: "3 года",
        }) + "\n",
    );
    const none = await cli("judge_export.ts", [
      "--judgments",
      single,
      "--threshold",
      "0.8",
      "--validation",
      both,
      "--out",
      join(dir, "none.jsonl"),
    ]);
    assert.equal(none.code, 1);
    assert.match(none.text, /no answer passed, nothing written/);
    assert.ok(!(await Deno.stat(join(dir, "none.jsonl")).then(() => true, () => false)));
  } finally {
    await server.close();
  }
});

Deno.test("deno task judge exits 1, saying to run again, when the server gives no reply", async () => {
  const dir = await Deno.makeTempDir();
  await resultFile(dir, "ft", ["Ответ. [балл 4]", "Қате. [қате]"]);
  const server = startScriptedJudge();
  try {
    const r = await cli("judge.ts", [
      "--results",
      join(dir, "ft.json"),
      "--mode",
      "single",
      "--rubric",
      "lawyer",
      "--base-url",
      server.url,
      "--model",
      "m",
      "--retries",
      "1",
      "--out",
      join(dir, "j"),
    ]);
    assert.equal(r.code, 1, r.text);
    assert.match(
      r.text,
      /1 judgements got no reply from the server; run the same command again to retry them/,
    );
    assert.equal((await lines(join(dir, "j", "judgements.jsonl"))).length, 2);
  } finally {
    await server.close();
  }
});

Deno.test("deno task judge refuses a wrong command line with exit status 2 and clear errors", async () => {
  const r = await cli("judge.ts", [
    "--results",
    "x",
    "--mode",
    "single",
    "--rubric",
    "lawyer",
    "--out",
    "o",
  ]);
  assert.equal(r.code, 2);
  assert.match(r.text, /judge: --base-url, --model are required/);
  assert.match(r.text, /Usage: deno task judge/);
  const key = await cli("judge.ts", [
    "--results",
    "data/results",
    "--mode",
    "single",
    "--rubric",
    "lawyer",
    "--base-url",
    "http://127.0.0.1:9",
    "--model",
    "m",
    "--api-key-env",
    "JUDGE_UNSET_KEY_X",
    "--out",
    "runs/never",
  ]);
  assert.equal(key.code, 1);
  assert.match(
    key.text,
    /The environment variable JUDGE_UNSET_KEY_X \(--api-key-env\) is not set or empty/,
  );
  const exp = await cli("judge_export.ts", [
    "--judgments",
    "x",
    "--threshold",
    "0.5",
    "--out",
    "a.json",
  ]);
  assert.equal(exp.code, 2);
  assert.match(exp.text, /--validation is required/);
});

Deno.test("parseJudgeArgs() and checkJudgeArgs() check values and combinations", () => {
  assert.throws(
    () => parseJudgeArgs(["--concurrency", "0"]),
    /--concurrency needs an integer of at least 1, got "0"/,
  );
  assert.throws(
    () => parseJudgeArgs(["--rubric", "судья"]),
    /--rubric must be lawyer or summary, got "судья"/,
  );
  assert.throws(() => parseJudgeArgs(["--timeout=0"]), /--timeout needs a positive number/);
  assert.throws(() => parseJudgeArgs(["stray"]), /Unexpected argument "stray"/);
  const base = [
    "--mode",
    "single",
    "--rubric",
    "lawyer",
    "--base-url",
    "u",
    "--model",
    "m",
    "--out",
    "o",
  ];
  assert.equal(
    checkJudgeArgs(parseJudgeArgs(base)),
    "--results PATH... or --sheet FILE is required",
  );
  assert.equal(
    checkJudgeArgs(parseJudgeArgs([...base, "--results", "r", "--sheet", "s.csv"])),
    "--results and --sheet exclude each other",
  );
  assert.equal(
    checkJudgeArgs(
      parseJudgeArgs([
        "--mode",
        "pairwise",
        "--rubric",
        "lawyer",
        "--base-url",
        "u",
        "--model",
        "m",
        "--out",
        "o",
        "--sheet",
        "s.csv",
      ]),
    ),
    "--sheet grades answers one at a time: use --mode single",
  );
  assert.equal(checkJudgeArgs(parseJudgeArgs([...base, "--results", "r"])), null);
});

/** Every file under `dir`, as bytes decoded to text. */
async function allFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) { for (const [k, v] of await allFiles(p)) out.set(k, v); }
    else if (e.isFile) out.set(p, await Deno.readTextFile(p));
  }
  return out;
}

const single = (results: string, url: string, out: string, extra: string[] = []) => [
  "--results",
  results,
  "--mode",
  "single",
  "--rubric",
  "lawyer",
  "--base-url",
  url,
  "--model",
  "m",
  "--retries",
  "0",
  "--attempts",
  "1",
  "--out",
  out,
  ...extra,
];

Deno.test("deno task judge writes no key and no base-URL password anywhere, even when the server echoes the request's headers", async () => {
  const dir = await Deno.makeTempDir();
  await resultFile(dir, "ft", ["Эхо. [эхо]", "Эхо қате. [эхо қате]", "Ответ. [балл 4]"]);
  const server = startScriptedJudge();
  const key = "sk-SECRET-4f9a7c";
  const password = "pa55-Wörd";
  const withCredentials = server.url.replace(
    "http://",
    `http://judge-user:${encodeURIComponent(password)}@`,
  );
  try {
    const out = join(dir, "j");
    const withKey = await cli(
      "judge.ts",
      single(join(dir, "ft.json"), server.url, out, [
        "--api-key-env",
        "JUDGE_TEST_KEY",
      ]),
      { JUDGE_TEST_KEY: key },
    );
    // and once with the URL's credentials alone (sent by fetch as a Basic header)
    const out2 = join(dir, "j2");
    const withUrl = await cli("judge.ts", single(join(dir, "ft.json"), withCredentials, out2));
    assert.equal(withKey.code, 1, withKey.text); // the echoed 400 is an error
    assert.equal(withUrl.code, 1, withUrl.text);
    // the server did get the secrets, and echoed them
    assert.ok(server.authorizations.includes(`Bearer ${key}`), String(server.authorizations));
    assert.ok(server.authorizations.some((h) => h?.startsWith("Basic ")));
    const basic = server.authorizations.find((h) => h?.startsWith("Basic "))!.slice(6);
    const files = await allFiles(dir);
    const secrets = [key, password, encodeURIComponent(password), basic, "judge-user:"];
    for (const [path, text] of [...files, ["stderr/stdout", withKey.text + withUrl.text]]) {
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `${path} holds the secret ${JSON.stringify(secret)}`);
      }
    }
    const records = (await lines(join(out, "judgements.jsonl"))).map((l) => JSON.parse(l));
    const echoed = records.find((r) => r.answers[0].includes("[эхо]"));
    assert.match(echoed.raw_reply, /authorization: Bearer \[redacted\]/);
    const refused = records.find((r) => r.answers[0].includes("[эхо қате]"));
    assert.match(refused.error, /HTTP 400 .*authorization: Bearer \[redacted\]/s);
    const urlRecords = (await lines(join(out2, "judgements.jsonl"))).map((l) => JSON.parse(l));
    const shown = server.url.replace("http://", "http://***@");
    assert.ok(
      urlRecords.every((r) => r.judge.base_url === shown),
      "the URL is kept, not its credentials",
    );
    assert.match(withUrl.text, /judge m at http:\/\/\*\*\*@127\.0\.0\.1/);
  } finally {
    await server.close();
  }
});

Deno.test("deno task judge prints a server's error body with its terminal escapes made visible", async () => {
  const dir = await Deno.makeTempDir();
  await resultFile(dir, "ft", ["Сбой. [терминал]"]);
  const server = startScriptedJudge();
  try {
    const r = await cli("judge.ts", single(join(dir, "ft.json"), server.url, join(dir, "j")));
    assert.equal(r.code, 1, r.text);
    assert.match(
      r.text,
      /HTTP 500 .*\\x1b\[2J\\x1b\[H\\x1b\]0;owned\\x07\\x1b\[31mscripted failure/,
    );
    assert.ok(
      // deno-lint-ignore no-control-regex -- raw control characters are what must not be printed
      !/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.text),
      `raw control characters: ${JSON.stringify(r.text)}`,
    );
  } finally {
    await server.close();
  }
});

Deno.test("deno task judge bounds what it reads and stores of a reply: a 20 MB reply is refused unread, a long one is stored cut, with a note", async () => {
  const dir = await Deno.makeTempDir();
  await resultFile(dir, "ft", ["Огромный. [үлкен]", "Длинный. [ұзақ]"]);
  const server = startScriptedJudge();
  try {
    const out = join(dir, "j");
    const r = await cli("judge.ts", single(join(dir, "ft.json"), server.url, out));
    assert.equal(r.code, 1, r.text);
    const text = await Deno.readTextFile(join(out, "judgements.jsonl"));
    assert.ok(text.length < 100_000, `judgements.jsonl holds ${text.length} characters`);
    const records = text.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const huge = records.find((r) => r.answers[0].includes("[үлкен]"));
    assert.equal(huge.status, "error");
    assert.match(huge.error, /larger than 1048576 bytes; it was not read/);
    const long = records.find((r) => r.answers[0].includes("[ұзақ]"));
    assert.equal(long.status, "failed");
    assert.equal(long.raw_reply.slice(0, 16_384), "ы".repeat(16_384));
    assert.match(
      long.raw_reply.slice(16_384),
      /^ \[cut: the reply had 200000 characters; the first 16384 are stored\]$/,
    );
  } finally {
    await server.close();
  }
});

Deno.test("two judge runs into one --out: the second is refused, naming the folder and the run that holds it, and nothing is asked twice", async () => {
  const dir = await Deno.makeTempDir();
  await resultFile(dir, "ft", ["Один. [балл 4]", "Два. [балл 3]", "Три. [балл 2]"]);
  const server = startScriptedJudge({ delayMs: 1500 });
  try {
    const out = join(dir, "судья");
    const args = single(join(dir, "ft.json"), server.url, out, ["--concurrency", "1"]);
    const [a, b] = await Promise.all([cli("judge.ts", args), cli("judge.ts", args)]);
    const [won, refused] = a.code === 0 ? [a, b] : [b, a];
    assert.equal(won.code, 0, won.text);
    assert.equal(refused.code, 1, refused.text);
    assert.match(
      refused.text,
      /judge: Folder ".*судья" is in use by a judge run \(deno task judge, m\) \(process \d+, since [0-9T:.-]+Z\); wait for it to finish, or use another folder/,
    );
    assert.equal(server.requests, 3, "each judgement asked once");
    assert.equal((await lines(join(out, "judgements.jsonl"))).length, 3);
  } finally {
    await server.close();
  }
});
