/**
 * Test helper: a scripted OpenAI-compatible chat-completions server on 127.0.0.1 (`Deno.serve`,
 * a free port), standing in for a judge model. Nothing reaches the network. What it replies is
 * decided by markers in the answers it is shown:
 *
 * - `[балл N]` (N = 1..5): single mode scores N on every 1–5 criterion (`summary` rubric: N/5 on
 *   every criterion); `[галлюцинация]` adds hallucination = true;
 * - `[мусор]`: never JSON (single and pairwise); `[бір рет мусор]`: not JSON on the first
 *   attempt, valid once the judge is told what was wrong;
 * - `[ауқымнан тыс]`: JSON with correctness 7 (out of range), always;
 * - `[ойлау]`: the valid reply comes after a `<think>` block, in a fenced code block;
 * - `[баяу]`: the first request showing this answer stalls for `stallMs` (longer than the client's
 *   timeout), later ones are fast;
 * - `[қате]`: HTTP 500, always;
 * - `[эхо]`: a reply (not JSON) that echoes the request's headers, as a careless proxy might;
 *   `[эхо қате]`: HTTP 400 whose body echoes them;
 * - `[терминал]`: HTTP 500 whose body holds terminal escape sequences (clear screen, retitle, bell);
 * - `[үлкен]`: a reply of `hugeChars` characters (not JSON); `[ұзақ]`: one of 200,000 characters.
 *
 * Pairwise, it is position-biased: the answer shown as A wins, unless one answer carries
 * `[үздік]` (that one wins in both orders) or both carry `[тең]` (a tie).
 * @module
 */

/** Options of {@linkcode startScriptedJudge}. */
export interface ScriptedJudgeOptions {
  /** Milliseconds every reply waits. Default: `0`. */
  delayMs?: number;
  /** Milliseconds a `[баяу]` answer's first request stalls. Default: `3000`. */
  stallMs?: number;
  /** Characters of a `[үлкен]` reply. Default: `20_000_000`. */
  hugeChars?: number;
}

/** A running scripted server. */
export interface ScriptedJudge {
  /** Base URL, `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** The most requests it was answering at one time. */
  readonly maxInFlight: number;
  /** The JSON bodies received, in order. */
  bodies: { model: string; temperature: number; messages: { role: string; content: string }[] }[];
  /** The `authorization` header of each request (`null` when absent). */
  authorizations: (string | null)[];
  close(): Promise<void>;
}

const between = (text: string, start: string, end: string): string => {
  const i = text.indexOf(start);
  if (i < 0) return "";
  const j = text.indexOf(end, i + start.length);
  return text.slice(i + start.length, j < 0 ? undefined : j);
};

/** Starts the server. Close it with `close()`. */
export function startScriptedJudge(options: ScriptedJudgeOptions = {}): ScriptedJudge {
  const { delayMs = 0, stallMs = 3000, hugeChars = 20_000_000 } = options;
  const stalled = new Set<string>();
  const pending = new Map<ReturnType<typeof setTimeout>, () => void>();
  const state: ScriptedJudge = {
    url: "",
    requests: 0,
    maxInFlight: 0,
    bodies: [],
    authorizations: [],
    close: async () => {},
  };
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const reply = (content: string) =>
    Response.json({
      id: "chatcmpl-test",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    });
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        pending.delete(t);
        resolve();
      }, ms);
      pending.set(t, resolve);
    });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    count++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await respond(req);
    } finally {
      inFlight--;
    }
  });
  async function respond(req: Request): Promise<Response> {
    const body = await req.json();
    state.bodies.push(body);
    state.authorizations.push(req.headers.get("authorization"));
    const messages = body.messages as { role: string; content: string }[];
    const user = messages[1].content;
    const repair = messages.length > 2;
    const pairwise = user.includes("Ответ A:\n");
    const summary = user.includes('"coverage"');
    const answers = pairwise
      ? [
        between(user, "Ответ A:\n", "\n\nОтвет B:\n"),
        between(user, "Ответ B:\n", "\n\nКакой из двух"),
      ]
      : [between(user, "Ответ модели:\n", "\n\nОцените ответ модели.")];
    const has = (m: string) => answers.some((a) => a.includes(m));
    if (has("[баяу]") && !stalled.has(user)) {
      stalled.add(user);
      await wait(stallMs);
    }
    if (delayMs > 0) await wait(delayMs);
    if (has("[қате]")) return new Response("scripted failure", { status: 500 });
    const headers = [...req.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
    if (has("[эхо қате]")) {
      return new Response(`Bad request ${req.url}\n${headers}`, { status: 400 });
    }
    if (has("[эхо]")) return reply(`Received:\n${headers}`);
    if (has("[терминал]")) {
      return new Response("\x1b[2J\x1b[H\x1b]0;owned\x07\x1b[31mscripted failure\x1b[0m\r", {
        status: 500,
      });
    }
    if (has("[үлкен]")) return reply("ы".repeat(hugeChars));
    if (has("[ұзақ]")) return reply("ы".repeat(200_000));
    if (has("[мусор]") || (has("[бір рет мусор]") && !repair)) {
      return reply("Жауап жақсы, бағасы бес. Ответ хороший.");
    }
    let json: Record<string, unknown>;
    if (pairwise) {
      const [a, b] = answers;
      const winner = a.includes("[үздік]")
        ? "A"
        : b.includes("[үздік]")
        ? "B"
        : a.includes("[тең]") && b.includes("[тең]")
        ? "tie"
        : "A";
      json = { winner, reason: "Ответ точнее ссылается на норму." };
    } else {
      const n = Number(/\[балл (\d)\]/.exec(answers[0])?.[1] ?? "3");
      json = summary
        ? Object.fromEntries(
          ["coverage", "accuracy", "coherence", "informativeness", "overall"].map((
            c,
          ) => [c, n / 5]),
        )
        : {
          correctness: has("[ауқымнан тыс]") ? 7 : n,
          completeness: n,
          relevance: n,
          hallucination: has("[галлюцинация]"),
        };
      json.reason = "Жауап эталонға сәйкес.";
    }
    const text = JSON.stringify(json);
    return reply(
      has("[ойлау]")
        ? `<think>Сначала сравню с эталоном.</think>\n\`\`\`json\n${text}\n\`\`\``
        : text,
    );
  }
  state.url = `http://127.0.0.1:${server.addr.port}/v1`;
  Object.defineProperty(state, "requests", { get: () => count });
  Object.defineProperty(state, "maxInFlight", { get: () => maxInFlight });
  state.close = async () => {
    for (const [t, resolve] of pending) {
      clearTimeout(t);
      resolve();
    }
    pending.clear();
    await server.shutdown();
  };
  return state;
}
