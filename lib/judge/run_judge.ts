/**
 * Runs the judge over items: asks for what the cache lacks, with a bounded number of requests in
 * flight, validates every reply, asks again (a bounded number of times, showing the judge its
 * invalid reply and what was wrong) and records each judgement in the cache the moment it
 * finishes. Pairwise items are asked in both orders, A/B swapped.
 * @module
 */
import { countWords } from "../dataset/count_words.ts";
import { ChatError, type ChatReply, type ChatSettings, withoutCredentials } from "./chat_client.ts";
import type { JudgeItem } from "./judge_items.ts";
import { type JudgementCache } from "./judgement_cache.ts";
import {
  type JudgeIdentity,
  JUDGEMENT_FORMAT,
  JUDGEMENT_VERSION,
  judgementKey,
  type JudgementRecord,
  type JudgeReplyRecord,
  type PairOrder,
} from "./judgement_record.ts";
import {
  type CriteriaValues,
  parsePairwiseReply,
  parseSingleReply,
  type Verdict,
} from "./parse_reply.ts";
import {
  type ChatMessage,
  pairwiseMessages,
  repairMessage,
  type Rubric,
  singleMessages,
  templateSha256,
} from "./rubric.ts";

/** What the judge runner needs of a chat client ({@linkcode ChatClient} has it all). */
export interface JudgeClient {
  readonly model: string;
  readonly baseUrl: string;
  readonly settings: ChatSettings;
  readonly transport: { timeout_s: number; max_retries: number };
  complete(
    messages: readonly ChatMessage[],
    options?: { signal?: AbortSignal },
  ): Promise<ChatReply>;
}

/** Options of {@linkcode runJudge}. */
export interface RunJudgeOptions {
  /** The rubric. Required. */
  rubric: Rubric;
  /** The chat client. Required. */
  client: JudgeClient;
  /** Where judgements are read from and appended to. Required. */
  cache: JudgementCache;
  /** Requests in flight at most. Default: `4`. */
  concurrency?: number;
  /** Replies asked for per judgement before it is recorded as failed. Default: `3`. */
  maxAttempts?: number;
  /** Ask again for judgements recorded as failed (invalid replies). Default: `false`. */
  retryFailed?: boolean;
  /** Stops the run: no new request starts, requests in flight are cancelled and not recorded. Default: none. */
  signal?: AbortSignal;
  /** Called after each judgement is recorded. Default: none. */
  onRecord?: (record: JudgementRecord) => void;
  /** The clock (for the records' timestamps). Default: the system clock. */
  now?: () => Date;
  /**
   * Characters of each reply stored in a record; a longer reply is stored cut, with a note of its
   * length (it is still parsed whole). Default: `16384`.
   */
  maxStoredReplyChars?: number;
}

/** What a run did. */
export interface JudgeRunSummary {
  /** Judgements wanted (items, times two in pairwise mode). */
  tasks: number;
  /** Of those, found in the cache and not asked again. */
  cached: number;
  /** Judgements asked for and recorded in this run. */
  asked: number;
  ok: number;
  /** Recorded as failed in this run: no valid reply after every attempt. */
  failed: number;
  /** Recorded as errors in this run: no reply (server failures, timeouts). */
  errors: number;
  /** HTTP requests sent. */
  requests: number;
  /** Whether the run was stopped by its signal before every judgement was asked. */
  aborted: boolean;
}

interface Task {
  item: JudgeItem;
  order: PairOrder | null;
  key: string;
}

/**
 * Judges `items`, skipping those the cache holds (status `ok`, or `failed` unless
 * `retryFailed`; a recorded `error` is asked again), and returns what it did.
 *
 * @throws {TypeError} when an item's mode does not match the others, or an option is invalid;
 *   errors other than a failed request (which is recorded) end the run.
 */
export async function runJudge(
  items: readonly JudgeItem[],
  options: RunJudgeOptions,
): Promise<JudgeRunSummary> {
  const {
    rubric,
    client,
    cache,
    concurrency = 4,
    maxAttempts = 3,
    retryFailed = false,
    signal,
    onRecord,
    now = () => new Date(),
    maxStoredReplyChars = 16_384,
  } = options;
  if (!(Number.isInteger(maxStoredReplyChars) && maxStoredReplyChars >= 1)) {
    throw new RangeError(
      `The stored reply bound must be a positive integer, got ${maxStoredReplyChars}`,
    );
  }
  const stored = (content: string) =>
    content.length <= maxStoredReplyChars
      ? content
      : `${
        content.slice(0, maxStoredReplyChars)
      } [cut: the reply had ${content.length} characters; the first ${maxStoredReplyChars} are stored]`;
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new RangeError(`Concurrency must be a positive integer, got ${concurrency}`);
  }
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    throw new RangeError(`Attempts must be a positive integer, got ${maxAttempts}`);
  }
  const mode = items[0]?.mode ?? "single";
  if (items.some((i) => i.mode !== mode)) throw new TypeError("runJudge() needs items of one mode");
  const template = await templateSha256(rubric, mode);
  const identity: JudgeIdentity = {
    model: client.model,
    base_url: withoutCredentials(client.baseUrl),
    rubric: rubric.name,
    rubric_version: rubric.version,
    template_sha256: template,
    settings: client.settings,
    transport: { ...client.transport, max_attempts: maxAttempts },
  };
  const summary: JudgeRunSummary = {
    tasks: 0,
    cached: 0,
    asked: 0,
    ok: 0,
    failed: 0,
    errors: 0,
    requests: 0,
    aborted: false,
  };
  const todo: Task[] = [];
  for (const item of items) {
    for (const order of mode === "single" ? [null] : (["ab", "ba"] as const)) {
      const key = await judgementKey({
        ...item,
        order,
        model: client.model,
        rubric: rubric.name,
        template_sha256: template,
        settings: client.settings,
      });
      summary.tasks++;
      const have = cache.get(key);
      if (have && (have.status === "ok" || (have.status === "failed" && !retryFailed))) {
        summary.cached++;
      } else todo.push({ item, order, key });
    }
  }

  const judgeTask = async (task: Task): Promise<void> => {
    const { item, order } = task;
    const base = mode === "single"
      ? singleMessages(rubric, item.question, item.answers[0])
      : order === "ab"
      ? pairwiseMessages(rubric, item.question, item.answers[0], item.answers[1])
      : pairwiseMessages(rubric, item.question, item.answers[1], item.answers[0]);
    const replies: JudgeReplyRecord[] = [];
    let requests = 0;
    let messages = base;
    let criteria: CriteriaValues | null = null;
    let verdict: Verdict | null = null;
    let reason: string | null = null;
    let error: string | null = null;
    let status: JudgementRecord["status"] = "failed";
    let asked = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      asked++;
      let reply: ChatReply;
      try {
        reply = await client.complete(messages, { signal });
      } catch (e) {
        if (!(e instanceof ChatError)) throw e;
        requests += e.requests;
        status = "error";
        error = e.message;
        break;
      }
      requests += reply.requests;
      const parsed = mode === "single"
        ? parseSingleReply(reply.content, rubric)
        : parsePairwiseReply(reply.content);
      const why = parsed.ok ? null : parsed.error +
        (reply.finishReason === "length" ? " (the reply was cut at max_tokens)" : "");
      replies.push({
        content: stored(reply.content),
        error: why,
        finish_reason: reply.finishReason,
      });
      if (parsed.ok) {
        status = "ok";
        reason = parsed.reason;
        if (mode === "single") criteria = parsed.value as CriteriaValues;
        else verdict = parsed.value as Verdict;
        break;
      }
      error = `no valid reply in ${attempt} attempt${attempt > 1 ? "s" : ""}: ${why}`;
      messages = [
        ...base,
        { role: "assistant", content: reply.content },
        repairMessage(rubric, why!),
      ];
    }
    let winner: string | null = null;
    if (verdict !== null) {
      const [a, b] = order === "ab" ? item.runs : [item.runs[1], item.runs[0]];
      winner = verdict === "tie" ? "tie" : verdict === "A" ? a : b;
    }
    const record: JudgementRecord = {
      format: JUDGEMENT_FORMAT,
      version: JUDGEMENT_VERSION,
      key: task.key,
      mode,
      order,
      source: item.source,
      id: item.id,
      label: item.label,
      runs: [...item.runs],
      question: item.question,
      answers: [...item.answers],
      answer_words: item.answers.map(countWords),
      substantive: [...item.substantive],
      status,
      criteria,
      verdict,
      winner,
      reason,
      raw_reply: replies.at(-1)?.content ?? null,
      replies,
      attempts: asked,
      requests,
      error: status === "ok" ? null : error,
      judge: identity,
      inputs: item.inputs,
      timestamp: now().toISOString(),
    };
    await cache.append(record);
    summary.asked++;
    summary.requests += requests;
    if (status === "ok") summary.ok++;
    else if (status === "failed") summary.failed++;
    else summary.errors++;
    onRecord?.(record);
  };

  let next = 0;
  let fatal: unknown = null;
  const worker = async () => {
    while (next < todo.length && !signal?.aborted && fatal === null) {
      const task = todo[next++];
      try {
        await judgeTask(task);
      } catch (e) {
        if (signal?.aborted) return;
        fatal ??= e;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  await cache.flush();
  if (fatal !== null) throw fatal;
  summary.aborted = summary.asked < todo.length;
  return summary;
}
