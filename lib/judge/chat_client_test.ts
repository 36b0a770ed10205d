import assert from "node:assert/strict";
import { ChatClient, ChatError } from "./chat_client.ts";

/** A loopback server answering with `respond(n)` for its n-th request (1-based). */
function serve(respond: (n: number, req: Request) => Response | Promise<Response>) {
  let n = 0;
  const seen: { body: Record<string, unknown>; auth: string | null; at: number }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    n++;
    seen.push({
      body: await req.json(),
      auth: req.headers.get("authorization"),
      at: performance.now(),
    });
    return respond(n, req);
  });
  return { url: `http://127.0.0.1:${server.addr.port}/v1`, seen, close: () => server.shutdown() };
}

const completion = (content: string | null, finish = "stop") =>
  Response.json({ choices: [{ message: { role: "assistant", content }, finish_reason: finish }] });

const messages = [{ role: "user" as const, content: "Сәлем! Привет!" }];

Deno.test("ChatClient sends the model, temperature 0, max_tokens and the messages, with the key as a bearer token", async () => {
  const s = serve(() => completion('{"winner": "A"}'));
  try {
    const client = new ChatClient({ baseUrl: s.url, model: "qwen3-judge", apiKey: "sk-test-123" });
    const reply = await client.complete(messages);
    assert.deepEqual(reply, { content: '{"winner": "A"}', finishReason: "stop", requests: 1 });
    assert.deepEqual(s.seen[0].body, {
      model: "qwen3-judge",
      messages,
      temperature: 0,
      max_tokens: 1024,
    });
    assert.equal(s.seen[0].auth, "Bearer sk-test-123");
    const noKey = new ChatClient({ baseUrl: s.url + "/", model: "m", seed: 7, maxTokens: null });
    await noKey.complete(messages);
    assert.equal(s.seen[1].auth, null);
    assert.deepEqual(s.seen[1].body, { model: "m", messages, temperature: 0, seed: 7 });
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient retries server errors and rate limits with doubling waits, then succeeds", async () => {
  const s = serve((
    n,
  ) => (n === 1
    ? new Response("busy", { status: 503 })
    : n === 2
    ? new Response("slow down", { status: 429 })
    : completion("ok"))
  );
  try {
    const client = new ChatClient({ baseUrl: s.url, model: "m", backoffMs: 40, maxRetries: 3 });
    const reply = await client.complete(messages);
    assert.equal(reply.content, "ok");
    assert.equal(reply.requests, 3);
    const gaps = [s.seen[1].at - s.seen[0].at, s.seen[2].at - s.seen[1].at];
    assert.ok(gaps[0] >= 35 && gaps[1] >= 75, `waits ${gaps} should be about 40 and 80 ms`);
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient gives up after the last retry with a ChatError naming the status", async () => {
  const s = serve(() => new Response("boom", { status: 500 }));
  try {
    const client = new ChatClient({ baseUrl: s.url, model: "m", backoffMs: 1, maxRetries: 2 });
    await assert.rejects(client.complete(messages), (e: unknown) => {
      assert.ok(e instanceof ChatError);
      assert.equal(e.status, 500);
      assert.equal(e.requests, 3);
      assert.match(
        e.message,
        /HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: boom \(after 3 requests\)/,
      );
      return true;
    });
    assert.equal(s.seen.length, 3);
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient does not retry a request the server refuses (wrong key, unknown model)", async () => {
  const s = serve(() => new Response('{"error": "model not found"}', { status: 404 }));
  try {
    const client = new ChatClient({ baseUrl: s.url, model: "жоқ", backoffMs: 1 });
    await assert.rejects(client.complete(messages), /HTTP 404 .*model not found/);
    assert.equal(s.seen.length, 1);
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient times out a slow request and retries it", async () => {
  const s = serve(async (n) => {
    if (n === 1) await new Promise((r) => setTimeout(r, 600));
    return completion("fast");
  });
  try {
    const client = new ChatClient({ baseUrl: s.url, model: "m", timeoutS: 0.15, backoffMs: 1 });
    const reply = await client.complete(messages);
    assert.deepEqual([reply.content, reply.requests], ["fast", 2]);
    const never = new ChatClient({
      baseUrl: s.url,
      model: "m",
      timeoutS: 0.15,
      backoffMs: 1,
      maxRetries: 0,
    });
    assert.equal((await never.complete(messages)).content, "fast"); // third request: fast
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient retries a body that is not a chat completion, and reads a null content as empty", async () => {
  const s = serve((
    n,
  ) => (n === 1 ? Response.json({ object: "error" }) : completion(null, "length")));
  try {
    const reply = await new ChatClient({ baseUrl: s.url, model: "m", backoffMs: 1 }).complete(
      messages,
    );
    assert.deepEqual(reply, { content: "", finishReason: "length", requests: 2 });
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient stops at once when its signal aborts, without retrying", async () => {
  const s = serve(async () => {
    await new Promise((r) => setTimeout(r, 300));
    return completion("late");
  });
  try {
    const controller = new AbortController();
    const client = new ChatClient({ baseUrl: s.url, model: "m", backoffMs: 1 });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await assert.rejects(client.complete(messages, { signal: controller.signal }), /stop/);
    assert.equal(s.seen.length, 1);
  } finally {
    await s.close();
  }
});

Deno.test("ChatClient checks its settings", () => {
  assert.throws(
    () => new ChatClient({ baseUrl: "ftp://x", model: "m" }),
    /must be an http:\/\/ or https:\/\/ URL/,
  );
  assert.throws(() => new ChatClient({ baseUrl: "http://127.0.0.1:1", model: " " }), /non-empty/);
  assert.throws(
    () => new ChatClient({ baseUrl: "http://127.0.0.1:1", model: "m", temperature: -1 }),
    /Temperature/,
  );
  assert.throws(
    () => new ChatClient({ baseUrl: "http://127.0.0.1:1", model: "m", maxTokens: 0 }),
    /max_tokens/,
  );
  assert.throws(
    () => new ChatClient({ baseUrl: "http://127.0.0.1:1", model: "m", apiKey: "кілт 1" }),
    /printable ASCII/,
  );
});
