/**
 * A small client of OpenAI-compatible chat-completions endpoints (vLLM's server, llama.cpp's
 * server, Ollama, hosted APIs), over `fetch`: one request per call, a timeout per request,
 * bounded retries with exponential backoff for failures that may pass (network errors, timeouts,
 * HTTP 408, 429 and 5xx, an unreadable body), none for those that will not (other 4xx: a wrong
 * key, model or request). The API key is sent as a bearer token and never recorded.
 *
 * Nothing secret leaves it: the key, and a user name and password inside the base URL (sent by
 * `fetch` as a Basic `Authorization` header), are redacted from every message, error and reply it
 * returns, even when a server or proxy echoes the request's headers; its `url` and `baseUrl` carry
 * no credentials. What a server sends is bounded: an error body is read up to 64 KiB and quoted
 * up to 300 characters, with control characters escaped (no terminal escape sequences), and a
 * reply body larger than `maxReplyBytes` is refused unread.
 * @module
 */
import { terminalSafe } from "../text/terminal_safe.ts";
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
  /** Largest reply body read, in bytes; a larger one is a failure that is not retried. Default: `1048576` (1 MiB). */
  maxReplyBytes?: number;
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
  maxReplyBytes: 1024 * 1024,
});

/** How much of an error body is read, and how much of it is quoted. */
const ERROR_BODY_BYTES = 64 * 1024;
const ERROR_QUOTE_CHARS = 300;

/** What stands for a secret in messages and replies. */
export const REDACTED = "[redacted]";

/**
 * `text` with the user name and password of every URL in it replaced by `***`.
 *
 * @example
 * ```ts
 * import { withoutCredentials } from "./chat_client.ts";
 * import assert from "node:assert/strict";
 * assert.equal(withoutCredentials("http://me:pw@host:8000/v1"), "http://***@host:8000/v1");
 * assert.equal(withoutCredentials("http://host/v1"), "http://host/v1");
 * ```
 */
export function withoutCredentials(text: string): string {
  return text.replace(/(\/\/)[^\/@\s?#]*@/g, "$1***@");
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The secrets a client sends: the key, and the base URL's credentials in every form sent. */
function secretsOf(baseUrl: string, apiKey: string | null): string[] {
  const secrets = new Set<string>();
  if (apiKey) secrets.add(apiKey);
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch { /* refused by chatCompletionsUrl */ }
  if (url && (url.username || url.password)) {
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    for (
      const [user, password] of [[url.username, url.password], [
        decode(url.username),
        decode(url.password),
      ]]
    ) {
      if (password) secrets.add(password);
      if (user) secrets.add(user); // a token may be sent as the user name alone
      secrets.add(`${user}:${password}`);
      secrets.add(base64(`${user}:${password}`));
    }
  }
  // longest first, so that a secret inside another is not left half-redacted
  return [...secrets].filter((s) => s !== "" && s !== ":").sort((a, b) => b.length - a.length);
}

/** Reads at most `max` bytes of a body; `over` tells whether there was more (then unread). */
async function readCapped(res: Response, max: number): Promise<{ text: string; over: boolean }> {
  if (res.body === null) return { text: "", over: false };
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await res.body.cancel().catch(() => {});
    return { text: "", over: true };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.length > max) {
      chunks.push(value.subarray(0, max - total));
      over = true;
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    total += value.length;
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { text: new TextDecoder().decode(bytes), over };
}

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
  const shown = terminalSafe(withoutCredentials(baseUrl));
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Base URL "${shown}" must be an http:// or https:// URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`Base URL "${shown}" must be an http:// or https:// URL`);
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
  /** The base URL as given, without credentials (see {@linkcode withoutCredentials}). */
  readonly baseUrl: string;
  /** The resolved URL requests go to, without credentials. */
  readonly url: string;
  readonly model: string;
  readonly #o: Required<Omit<ChatClientOptions, "baseUrl" | "model">>;
  readonly #requestUrl: string;
  readonly #secrets: string[];

  constructor(options: ChatClientOptions) {
    this.#requestUrl = chatCompletionsUrl(options.baseUrl);
    this.url = withoutCredentials(this.#requestUrl);
    this.baseUrl = withoutCredentials(options.baseUrl);
    this.#secrets = secretsOf(options.baseUrl, options.apiKey ?? null);
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
    if (!(Number.isInteger(o.maxReplyBytes) && o.maxReplyBytes >= 1)) {
      throw new RangeError(`The reply bound must be a positive integer, got ${o.maxReplyBytes}`);
    }
    this.#o = o as Required<Omit<ChatClientOptions, "baseUrl" | "model">>;
  }

  /** The sampling settings sent with every request. */
  get settings(): ChatSettings {
    return { temperature: this.#o.temperature, max_tokens: this.#o.maxTokens, seed: this.#o.seed };
  }

  /** `text` with every secret this client sends replaced by {@linkcode REDACTED}. */
  redact(text: string): string {
    for (const secret of this.#secrets) text = text.replaceAll(secret, REDACTED);
    return withoutCredentials(text);
  }

  /** Server text for a message: secrets redacted, control characters escaped. */
  #quote(text: string): string {
    return terminalSafe(this.redact(text));
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
        const res = await o.fetch(this.#requestUrl, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: both,
        });
        lastStatus = res.status;
        if (!res.ok) {
          const body = await readCapped(res, ERROR_BODY_BYTES).catch(() => ({ text: "" }));
          const text = this.#quote(body.text.trim()).slice(0, ERROR_QUOTE_CHARS);
          last = `HTTP ${res.status} from ${this.url}${text ? `: ${text}` : ""}`;
          if (!(RETRY_STATUS.has(res.status) || res.status >= 500)) {
            throw new ChatError(last, res.status, requests);
          }
          const after = Number(res.headers.get("retry-after"));
          if (Number.isFinite(after) && after > 0) wait = Math.min(after * 1000, o.maxBackoffMs);
        } else {
          const body = await readCapped(res, o.maxReplyBytes);
          if (body.over) {
            throw new ChatError(
              `the reply of ${this.url} is larger than ${o.maxReplyBytes} bytes; it was not read`,
              res.status,
              requests,
            );
          }
          let parsedBody: unknown;
          try {
            parsedBody = JSON.parse(body.text);
          } catch { /* not a chat completion: below */ }
          const data = parsedBody as {
            choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
          } | undefined;
          const choice = data?.choices?.[0];
          if (!choice || typeof choice.message !== "object" || choice.message === null) {
            last = `the response of ${this.url} is not a chat completion (no choices[0].message)`;
          } else {
            const content = choice.message.content;
            return {
              content: typeof content === "string" ? this.redact(content) : "",
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
          : `request to ${this.url} failed: ${this.#quote((error as Error).message)}`;
      }
      if (attempt < o.maxRetries) await sleep(wait, signal);
    }
    throw new ChatError(`${last} (after ${requests} requests)`, lastStatus, requests);
  }
}
