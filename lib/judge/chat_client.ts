/**
 * A small client of OpenAI-compatible chat-completions endpoints (vLLM's server, llama.cpp's
 * server, Ollama, hosted APIs), over `fetch`: one request per call, a timeout per request,
 * bounded retries with exponential backoff for failures that may pass (network errors, timeouts,
 * HTTP 408, 429 and 5xx, an unreadable body), none for those that will not (other 4xx: a wrong
 * key, model or request). The API key is sent as a bearer token and never recorded.
 * @module
 */
import type { ChatMessage } from "./rubric.ts";

/** Options of {@linkcode ChatClient}. */
export interface ChatClientOptions {
  /**
   * The server's base URL, e.g. `http://127.0.0.1:8000/v1`; `/chat/completions` is appended
   * unless the URL already ends with it. Required.
   */
  baseUrl: string;
  /** The model name the server knows. Required. */
  model: string;
  /** Bearer token. Default: `null` (no `Authorization` header, as local servers expect). */
  apiKey?: string | null;
  /** Sampling temperature. Default: `0`. */
  temperature?: number;
  /** Largest reply in tokens (`max_tokens`). Default: `1024`; `null`: the server's default. */
  maxTokens?: number | null;
  /** Sampling seed sent as `seed` (servers that support it). Default: `null` (not sent). */
  seed?: number | null;
  /** Seconds one request may take, body included. Default: `120`. */
  timeoutS?: number;
  /** Further tries after a failure that may pass. Default: `3`. */
  maxRetries?: number;
  /** Wait before the first retry, doubled for each further one (or the server's `Retry-After`, up to `maxBackoffMs`). Default: `1000`. */
  backoffMs?: number;
  /** Longest wait between tries. Default: `30000`. */
  maxBackoffMs?: number;
  /** The fetch function. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** Defaults of {@linkcode ChatClientOptions}. */
export const CHAT_CLIENT_DEFAULTS = Object.freeze({
  apiKey: null,
  temperature: 0,
  maxTokens: 1024,
  seed: null,
  timeoutS: 120,
  maxRetries: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
});

/** The sampling settings that shape a reply (recorded with every judgement). */
export interface ChatSettings {
  temperature: number;
  max_tokens: number | null;
  seed: number | null;
}

/** One completed chat request. */
export interface ChatReply {
  /** The reply text (`""` when the server sent no content). */
  content: string;
  /** The server's `finish_reason` (e.g. `stop`, `length`), if given. */
  finishReason: string | null;
  /** HTTP requests it took (1 + retries). */
  requests: number;
}

/** A request that failed for good: after every retry, or at once for a failure that will not pass. */
export class ChatError extends Error {
  constructor(
    message: string,
    /** The last HTTP status, or `null` for a network error or timeout. */
    readonly status: number | null,
    /** HTTP requests made. */
    readonly requests: number,
  ) {
    super(message);
    this.name = "ChatError";
  }
}

/**
 * The chat-completions URL of a base URL.
 *
 * @example
 * ```ts
 * import { chatCompletionsUrl } from "./chat_client.ts";
 * import assert from "node:assert/strict";
 * assert.equal(chatCompletionsUrl("http://127.0.0.1:8000/v1/"), "http://127.0.0.1:8000/v1/chat/completions");
 * assert.equal(chatCompletionsUrl("https://api.example.com/v1/chat/completions"), "https://api.example.com/v1/chat/completions");
 * assert.throws(() => chatCompletionsUrl("127.0.0.1:8000"), /must be an http:\/\/ or https:\/\/ URL/);
 * ```
 */
export function chatCompletionsUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Base URL "${baseUrl}" must be an http:// or https:// URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`Base URL "${baseUrl}" must be an http:// or https:// URL`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/chat/completions") ? path : `${path}/chat/completions`;
  return url.toString();
}

const RETRY_STATUS = new Set([408, 409, 425, 429]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A chat-completions client for one model.
 *
 * @example
 * ```ts ignore
 * const client = new ChatClient({ baseUrl: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-14B" });
 * const reply = await client.complete([{ role: "user", content: "Салем!" }]);
 * ```
 */
export class ChatClient {
  /** The base URL as given. */
  readonly baseUrl: string;
  /** The resolved URL requests go to. */
  readonly url: string;
  readonly model: string;
  readonly #o: Required<Omit<ChatClientOptions, "baseUrl" | "model">>;

  constructor(options: ChatClientOptions) {
    this.url = chatCompletionsUrl(options.baseUrl);
    this.baseUrl = options.baseUrl;
    if (typeof options.model !== "string" || options.model.trim() === "") {
      throw new TypeError("The judge model name must be a non-empty string");
    }
    this.model = options.model;
    const o = { ...CHAT_CLIENT_DEFAULTS, fetch: globalThis.fetch, ...options };
    if (!(Number.isFinite(o.temperature) && o.temperature >= 0 && o.temperature <= 2)) {
      throw new RangeError(`Temperature must be in [0, 2], got ${o.temperature}`);
    }
    if (o.maxTokens !== null && !(Number.isInteger(o.maxTokens) && o.maxTokens >= 1)) {
      throw new RangeError(`max_tokens must be a positive integer, got ${o.maxTokens}`);
    }
    if (!(o.timeoutS > 0)) throw new RangeError(`Timeout must be positive, got ${o.timeoutS} s`);
    if (o.apiKey !== null && !/^[\x21-\x7e]+$/.test(o.apiKey)) {
      throw new TypeError(
        "The API key must be printable ASCII without spaces (check the variable named by --api-key-env)",
      );
    }
    if (!(Number.isInteger(o.maxRetries) && o.maxRetries >= 0)) {
      throw new RangeError(`Retries must be a non-negative integer, got ${o.maxRetries}`);
    }
    this.#o = o as Required<Omit<ChatClientOptions, "baseUrl" | "model">>;
  }

  /** The sampling settings sent with every request. */
  get settings(): ChatSettings {
    return { temperature: this.#o.temperature, max_tokens: this.#o.maxTokens, seed: this.#o.seed };
  }

  /** Timeout and retry settings (recorded, but they do not shape a reply). */
  get transport(): { timeout_s: number; max_retries: number } {
    return { timeout_s: this.#o.timeoutS, max_retries: this.#o.maxRetries };
  }

  /**
   * Sends `messages` and returns the reply, retrying failures that may pass.
   *
   * @throws {ChatError} after the last retry, or at once for a failure that will not pass.
   * @throws the signal's reason when `signal` aborts (nothing is retried then).
   */
  async complete(
    messages: readonly ChatMessage[],
    options: { signal?: AbortSignal } = {},
  ): Promise<ChatReply> {
    const { signal } = options;
    const o = this.#o;
    const body: Record<string, unknown> = {
      model: this.model,
      messages,
      temperature: o.temperature,
    };
    if (o.maxTokens !== null) body.max_tokens = o.maxTokens;
    if (o.seed !== null) body.seed = o.seed;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (o.apiKey) headers.authorization = `Bearer ${o.apiKey}`;
    let requests = 0;
    let last = "";
    let lastStatus: number | null = null;
    for (let attempt = 0; attempt <= o.maxRetries; attempt++) {
      signal?.throwIfAborted();
      requests++;
      let wait = Math.min(o.backoffMs * 2 ** attempt, o.maxBackoffMs);
      const timeout = AbortSignal.timeout(o.timeoutS * 1000);
      const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        const res = await o.fetch(this.url, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: both,
        });
        lastStatus = res.status;
        if (!res.ok) {
          const text = await res.text().catch(() => "");
          last = `HTTP ${res.status} from ${this.url}${text ? `: ${text.slice(0, 300)}` : ""}`;
          if (!(RETRY_STATUS.has(res.status) || res.status >= 500)) {
            throw new ChatError(last, res.status, requests);
          }
          const after = Number(res.headers.get("retry-after"));
          if (Number.isFinite(after) && after > 0) wait = Math.min(after * 1000, o.maxBackoffMs);
        } else {
          const data = await res.json().catch(() => undefined) as {
            choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
          } | undefined;
          const choice = data?.choices?.[0];
          if (!choice || typeof choice.message !== "object" || choice.message === null) {
            last = `the response of ${this.url} is not a chat completion (no choices[0].message)`;
          } else {
            const content = choice.message.content;
            return {
              content: typeof content === "string" ? content : "",
              finishReason: typeof choice.finish_reason === "string" ? choice.finish_reason : null,
              requests,
            };
          }
        }
      } catch (error) {
        if (error instanceof ChatError) throw error;
        if (signal?.aborted) throw signal.reason;
        lastStatus = null;
        last = timeout.aborted
          ? `no reply from ${this.url} within ${o.timeoutS} s`
          : `request to ${this.url} failed: ${(error as Error).message}`;
      }
      if (attempt < o.maxRetries) await sleep(wait, signal);
    }
    throw new ChatError(`${last} (after ${requests} requests)`, lastStatus, requests);
  }
}
