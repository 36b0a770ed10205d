/**
 * `deno task judge`: an LLM judge over saved answers, through any OpenAI-compatible
 * chat-completions endpoint (vLLM, llama.cpp, Ollama, a hosted API).
 *
 *     deno task judge --results data/results --mode single --rubric lawyer \
 *       --base-url http://127.0.0.1:8000/v1 --model Qwen/Qwen3-14B --n 100 --out runs/judge/lawyer
 *
 * Judgements are appended to `OUT/judgements.jsonl` as they finish; running the same command
 * again resumes an interrupted run and sends no request for what is already judged. The resolved
 * settings of the last run are written to `OUT/judge_run.json`. Exit status: 0 when every
 * judgement is recorded (failed ones included: they are results), 1 when some got no reply (run
 * again to retry them) or on an error, 2 for a wrong command line, 130 when interrupted.
 * @module
 */
import { numberValue, optionList } from "./option_list.ts";
import { dirname, join } from "node:path";
import { lockFolder } from "../io/lock_folder.ts";
import { terminalSafe } from "../text/terminal_safe.ts";
import { displayPath, fromRoot } from "../io/paths.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { loadResults } from "../results/load_results.ts";
import { loadResultFile } from "../results/load_result_file.ts";
import type { RunResult } from "../results/run_result.ts";
import { readSheetAnswers } from "../human_eval/read_sheet_answers.ts";
import {
  CHAT_CLIENT_DEFAULTS,
  ChatClient,
  configOf,
  describeConfig,
  groupKeyOf,
  JUDGE_MODES,
  type JudgeItem,
  judgeItems,
  JudgementCache,
  JUDGEMENTS_FILE,
  type JudgeMode,
  RUBRIC_NAMES,
  rubricByName,
  runJudge,
  sheetItems,
  templateSha256,
} from "../judge/mod.ts";

/** The command's settings, with their defaults. */
export interface JudgeArgs {
  /** Result JSON files or folders. Default: none (then `sheet` is required). */
  results: string[];
  /** An expert-evaluation sheet whose answers are graded instead. Default: `null`. */
  sheet: string | null;
  /** Required. */
  mode: JudgeMode | null;
  /** Required. */
  rubric: string | null;
  /** Required. */
  baseUrl: string | null;
  /** Required. */
  model: string | null;
  /** Environment variable holding the API key. Default: `null` (no key sent). */
  apiKeyEnv: string | null;
  /** Run ids (sheet: labels). Default: all. */
  runs: string[] | null;
  /** Questions to sample. Default: `null` (all). */
  n: number | null;
  /** Default: `42`. */
  seed: number;
  /** Default: `4`. */
  concurrency: number;
  /** Default: `0`. */
  temperature: number;
  /** Default: `1024`. */
  maxTokens: number;
  /** Seconds per request. Default: `120`. */
  timeout: number;
  /** Further tries after a server error or timeout. Default: `3`. */
  retries: number;
  /** Replies asked for before a judgement is recorded as failed. Default: `3`. */
  attempts: number;
  /** Ask again for judgements recorded as failed. Default: `false`. */
  retryFailed: boolean;
  /** Required. */
  out: string | null;
  help: boolean;
}

/** Usage text. */
export const JUDGE_USAGE =
  `Usage: deno task judge (--results PATH... | --sheet FILE) --mode single|pairwise
                       --rubric lawyer|summary --base-url URL --model NAME --out DIR [options]

Grades saved answers with an LLM judge through an OpenAI-compatible chat-completions endpoint.
Judgements are appended to DIR/${JUDGEMENTS_FILE} as they finish; the same command resumes an
interrupted run and sends no request for answers already judged.

Options:
  --results PATH...    result JSON files or folders (every value up to the next option)
  --sheet FILE         grade the answers of an expert-evaluation sheet (CSV or XLSX) instead,
                       to compare the judge with the lawyers (single mode, rubric lawyer)
  --mode MODE          single (one answer at a time) or pairwise (two runs' answers, both orders)
  --rubric NAME        lawyer (correctness, completeness, relevance 1-5, hallucination yes/no)
                       or summary (coverage, accuracy, coherence, informativeness, overall 0..1)
  --base-url URL       the server, e.g. http://127.0.0.1:8000/v1
  --model NAME         the judge model as the server names it
  --api-key-env VAR    environment variable holding the API key (default: no key is sent)
  --runs a,b,c         run ids, in order (pairwise: every pair, the first as run_a); with
                       --sheet: labels (default: every run with per-sample records)
  --n N                questions to sample, the same for every run (default: all shared ones)
  --seed S             seed of the sample (default: 42)
  --concurrency C      requests in flight (default: 4)
  --temperature T      sampling temperature (default: ${CHAT_CLIENT_DEFAULTS.temperature})
  --max-tokens N       longest reply in tokens (default: ${CHAT_CLIENT_DEFAULTS.maxTokens})
  --timeout S          seconds one request may take (default: ${CHAT_CLIENT_DEFAULTS.timeoutS})
  --retries N          further tries after a server error or timeout (default: ${CHAT_CLIENT_DEFAULTS.maxRetries})
  --attempts N         replies asked for before a judgement is recorded as failed (default: 3)
  --retry-failed       ask again for judgements recorded as failed
  --out DIR            folder of the judgements (created, or resumed)
  -h, --help           show this help`;

function int(v: string, flag: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min) {
    throw new TypeError(
      `--${flag} needs an integer${min > 0 ? ` of at least ${min}` : " ≥ 0"}, got "${v}"`,
    );
  }
  return Number(v);
}

/**
 * Parses the command line (`node:util` `parseArgs`, strict).
 *
 * @example
 * ```ts
 * import { parseJudgeArgs } from "./judge.ts";
 * import assert from "node:assert/strict";
 * const a = parseJudgeArgs(["--results", "a", "b", "--mode", "pairwise", "--rubric", "lawyer", "--runs", "x,y", "--n", "20", "--out", "судья"]);
 * assert.deepEqual([a.results, a.mode, a.runs, a.n, a.out, a.concurrency], [["a", "b"], "pairwise", ["x", "y"], 20, "судья", 4]);
 * assert.throws(() => parseJudgeArgs(["--mode", "triple"]), /--mode must be single or pairwise, got "triple"/);
 * assert.throws(() => parseJudgeArgs(["--judge", "x"]), /Unknown option "--judge"/);
 * ```
 */
export function parseJudgeArgs(args: readonly string[]): JudgeArgs {
  const options = {
    results: { type: "string" },
    sheet: { type: "string" },
    mode: { type: "string" },
    rubric: { type: "string" },
    "base-url": { type: "string" },
    model: { type: "string" },
    "api-key-env": { type: "string" },
    runs: { type: "string" },
    n: { type: "string" },
    seed: { type: "string" },
    concurrency: { type: "string" },
    temperature: { type: "string" },
    "max-tokens": { type: "string" },
    timeout: { type: "string" },
    retries: { type: "string" },
    attempts: { type: "string" },
    "retry-failed": { type: "boolean" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const a: JudgeArgs = {
    results: [],
    sheet: null,
    mode: null,
    rubric: null,
    baseUrl: null,
    model: null,
    apiKeyEnv: null,
    runs: null,
    n: null,
    seed: 42,
    concurrency: 4,
    temperature: CHAT_CLIENT_DEFAULTS.temperature,
    maxTokens: CHAT_CLIENT_DEFAULTS.maxTokens,
    timeout: CHAT_CLIENT_DEFAULTS.timeoutS,
    retries: CHAT_CLIENT_DEFAULTS.maxRetries,
    attempts: 3,
    retryFailed: false,
    out: null,
    help: false,
  };
  for (const { name, values } of optionList(args, options, ["results"])) {
    const v = values[0];
    switch (name) {
      case "results":
        a.results.push(...values);
        break;
      case "sheet":
        a.sheet = v;
        break;
      case "mode":
        if (!(JUDGE_MODES as readonly string[]).includes(v)) {
          throw new TypeError(`--mode must be ${JUDGE_MODES.join(" or ")}, got "${v}"`);
        }
        a.mode = v as JudgeMode;
        break;
      case "rubric":
        if (!(RUBRIC_NAMES as readonly string[]).includes(v)) {
          throw new TypeError(`--rubric must be ${RUBRIC_NAMES.join(" or ")}, got "${v}"`);
        }
        a.rubric = v;
        break;
      case "base-url":
        a.baseUrl = v;
        break;
      case "model":
        a.model = v;
        break;
      case "api-key-env":
        a.apiKeyEnv = v;
        break;
      case "runs":
        a.runs = v.split(",").map((s) => s.trim()).filter((s) => s !== "");
        break;
      case "n":
        a.n = int(v, "n", 1);
        break;
      case "seed":
        a.seed = int(v, "seed", 0);
        break;
      case "concurrency":
        a.concurrency = int(v, "concurrency", 1);
        break;
      case "temperature":
        a.temperature = numberValue(v, "temperature");
        break;
      case "max-tokens":
        a.maxTokens = int(v, "max-tokens", 1);
        break;
      case "timeout":
        a.timeout = numberValue(v, "timeout");
        if (!(a.timeout > 0)) {
          throw new TypeError(`--timeout needs a positive number of seconds, got "${v}"`);
        }
        break;
      case "retries":
        a.retries = int(v, "retries", 0);
        break;
      case "attempts":
        a.attempts = int(v, "attempts", 1);
        break;
      case "retry-failed":
        a.retryFailed = true;
        break;
      case "out":
        a.out = v;
        break;
      case "help":
        a.help = true;
        break;
    }
  }
  return a;
}

/** Checks that the required options are there and fit together; returns what is wrong. */
export function checkJudgeArgs(a: JudgeArgs): string | null {
  const missing = (["mode", "rubric", "baseUrl", "model", "out"] as const).filter((k) =>
    a[k] === null
  );
  const flag = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (missing.length > 0) {
    return `${missing.map(flag).join(", ")} ${missing.length > 1 ? "are" : "is"} required`;
  }
  if (a.results.length === 0 && a.sheet === null) {
    return "--results PATH... or --sheet FILE is required";
  }
  if (a.results.length > 0 && a.sheet !== null) return "--results and --sheet exclude each other";
  if (a.sheet !== null && a.mode !== "single") {
    return "--sheet grades answers one at a time: use --mode single";
  }
  return null;
}

/** Loads runs from result files and folders; two runs with the same id are an error. */
export async function loadRunsFrom(paths: readonly string[]): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  const from = new Map<string, string>();
  for (const p of paths) {
    const info = await Deno.stat(p).catch(() => null);
    if (!info) throw new Error(`Results "${displayPath(p)}" do not exist`);
    const loaded = info.isDirectory ? (await loadResults(p)).runs : [await loadResultFile(p)];
    for (const r of loaded) {
      const before = from.get(r.run.id);
      if (before) {
        throw new TypeError(
          `Run "${r.run.id}" is in "${before}" and in "${
            displayPath(r.source.path)
          }": run ids must be unique`,
        );
      }
      from.set(r.run.id, displayPath(r.source.path));
      runs.push(r);
    }
  }
  return runs;
}

async function main(a: JudgeArgs): Promise<number> {
  let apiKey: string | null = null;
  if (a.apiKeyEnv !== null) {
    apiKey = Deno.env.get(a.apiKeyEnv) ?? "";
    if (apiKey === "") {
      throw new Error(
        `The environment variable ${a.apiKeyEnv} (--api-key-env) is not set or empty`,
      );
    }
  }
  const rubric = rubricByName(a.rubric!);
  const client = new ChatClient({
    baseUrl: a.baseUrl!,
    model: a.model!,
    apiKey,
    temperature: a.temperature,
    maxTokens: a.maxTokens,
    timeoutS: a.timeout,
    maxRetries: a.retries,
  });
  let items: JudgeItem[];
  let what: string;
  if (a.sheet !== null) {
    const sheet = await readSheetAnswers(fromRoot(a.sheet));
    items = sheetItems(sheet, { labels: a.runs, n: a.n, seed: a.seed });
    what = `${items.length} answers of sheet ${displayPath(sheet.path)}`;
  } else {
    const runs = await loadRunsFrom(a.results.map(fromRoot));
    const set = judgeItems(runs, { mode: a.mode!, runs: a.runs, n: a.n, seed: a.seed });
    items = set.items;
    what = `${set.questions.length} questions × ${
      a.mode === "single"
        ? `${set.runs.length} runs`
        : `${set.runs.length * (set.runs.length - 1) / 2} pairs × 2 orders`
    } (${set.runs.join(", ")})` +
      (set.notShared > 0 ? `; ${set.notShared} questions not answered by every run left out` : "");
  }
  const out = fromRoot(a.out!);
  // One judge run per folder (held until this process exits): a second would ask every
  // judgement again, at twice the cost. It is refused, naming the folder and the holder.
  await Deno.mkdir(dirname(out), { recursive: true });
  await lockFolder(out, { wait: false, holder: `a judge run (deno task judge, ${client.model})` });
  const cache = await JudgementCache.open(join(out, JUDGEMENTS_FILE));
  if (cache.repairedBytes > 0) {
    console.error(
      `judge: removed a line cut short by an interrupted run (${cache.repairedBytes} bytes) from ${
        displayPath(cache.path)
      }`,
    );
  }
  // One configuration per judge in a folder (see judge_groups.ts): refuse to mix.
  const template = await templateSha256(rubric, a.mode!);
  const probe = {
    mode: a.mode!,
    judge: {
      model: client.model,
      rubric: rubric.name,
      rubric_version: rubric.version,
      template_sha256: template,
      settings: client.settings,
    },
  } as never;
  const clash = cache.records().find((r) =>
    groupKeyOf(r) === groupKeyOf(probe) && configOf(r) !== configOf(probe)
  );
  if (clash) {
    throw new Error(
      `${
        displayPath(cache.path)
      } holds judgements by ${client.model} (${a.mode}, rubric ${rubric.name}) with another configuration (${
        describeConfig(clash)
      }; now: ${describeConfig(probe)}): use another --out`,
    );
  }
  console.error(
    `judge: ${what}; judge ${client.model} at ${client.url}, rubric ${rubric.name} ${rubric.version}, ${a.mode}`,
  );
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("interrupted"));
  Deno.addSignalListener("SIGINT", onSignal);
  let done = 0;
  const t0 = performance.now();
  const summary = await runJudge(items, {
    rubric,
    client,
    cache,
    concurrency: a.concurrency,
    maxAttempts: a.attempts,
    retryFailed: a.retryFailed,
    signal: controller.signal,
    onRecord: (r) => {
      done++;
      if (done % 25 === 0 || r.status !== "ok") {
        console.error(
          `judge: ${done} judged${
            r.status !== "ok"
              ? terminalSafe(
                `; ${r.id} ${r.runs.join(" vs ")} ${r.order ?? ""} ${r.status}: ${r.error}`,
              )
              : ""
          }`,
        );
      }
    },
  }).finally(() => Deno.removeSignalListener("SIGINT", onSignal));
  const seconds = (performance.now() - t0) / 1000;
  await writeFileAtomic(
    join(out, "judge_run.json"),
    JSON.stringify(
      {
        command: "deno task judge",
        inputs: a.sheet !== null
          ? [displayPath(fromRoot(a.sheet))]
          : a.results.map((p) => displayPath(fromRoot(p))),
        mode: a.mode,
        rubric: rubric.name,
        rubric_version: rubric.version,
        template_sha256: template,
        model: client.model,
        base_url: client.baseUrl,
        settings: client.settings,
        transport: { ...client.transport, max_attempts: a.attempts, concurrency: a.concurrency },
        sample: { runs: a.runs, n: a.n, seed: a.seed, items: items.length },
        summary,
        seconds: Math.round(seconds * 10) / 10,
        finished: new Date().toISOString(),
      },
      null,
      2,
    ) + "\n",
  );
  console.error(
    `judge: ${summary.tasks} judgements wanted, ${summary.cached} already in ${
      displayPath(cache.path)
    }, ` +
      `${summary.asked} asked now (${summary.ok} ok, ${summary.failed} failed, ${summary.errors} without a reply) ` +
      `in ${summary.requests} requests, ${seconds.toFixed(1)} s`,
  );
  if (summary.aborted) {
    console.error(
      `judge: interrupted; ${cache.appended} judgements saved; run the same command again to resume`,
    );
    return 130;
  }
  if (summary.errors > 0) {
    console.error(
      `judge: ${summary.errors} judgements got no reply from the server; run the same command again to retry them`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  let args: JudgeArgs;
  try {
    args = parseJudgeArgs(Deno.args);
    if (!args.help) {
      const problem = checkJudgeArgs(args);
      if (problem) throw new TypeError(problem);
    }
  } catch (error) {
    console.error(`judge: ${(error as Error).message}\n\n${JUDGE_USAGE}`);
    Deno.exit(2);
  }
  if (args.help) {
    console.log(JUDGE_USAGE);
    Deno.exit(0);
  }
  try {
    Deno.exit(await main(args));
  } catch (error) {
    console.error(`judge: ${terminalSafe((error as Error).message)}`);
    Deno.exit(1);
  }
}
