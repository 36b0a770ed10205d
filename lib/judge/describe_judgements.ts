/**
 * The report section's words about its inputs: what judgements were read (by which judge, how
 * many succeeded, failed or got no reply), or, without any, how to make them.
 * @module
 */
import { displayPath } from "../io/paths.ts";
import type { JudgementSet } from "./read_judgements.ts";
import { judgeGroups } from "./judge_groups.ts";

/** What the section says when no judgements are given. */
export const JUDGE_HOWTO =
  `No LLM-judge judgements were given, so this section is empty. To make them, start an
OpenAI-compatible server with a judge model (for example vLLM on the GPU machine:
\`vllm serve Qwen/Qwen3-14B --port 8000\`) and run, from the repository root,

\`\`\`sh
deno task judge --results data/results --mode single --rubric lawyer \\
  --base-url http://127.0.0.1:8000/v1 --model Qwen/Qwen3-14B --n 100 --out runs/judge/lawyer
deno task judge --results data/results --mode pairwise --rubric lawyer --runs benchmark_14b_ft,baseline_14b \\
  --base-url http://127.0.0.1:8000/v1 --model Qwen/Qwen3-14B --n 100 --out runs/judge/pairwise
deno task judge --sheet data/human_eval/eval_sheet_filled.csv --mode single --rubric lawyer \\
  --base-url http://127.0.0.1:8000/v1 --model Qwen/Qwen3-14B --out runs/judge/sheet
\`\`\`

then \`deno task report --judgments runs/judge/lawyer runs/judge/pairwise runs/judge/sheet\`.`;

/**
 * A paragraph on the judgements read: files, and per judge its mode, rubric, settings and how
 * many judgements are ok, failed or without a reply (the last judgement of each answer counts).
 *
 * @example
 * ```ts
 * import { describeJudgements } from "./describe_judgements.ts";
 * import assert from "node:assert/strict";
 * assert.match(describeJudgements({ stored: [], files: [] }), /No LLM-judge judgements were given/);
 * ```
 */
export function describeJudgements(set: JudgementSet): string {
  if (set.stored.length === 0) {
    return set.files.length === 0
      ? JUDGE_HOWTO
      : `The judgement files (${
        set.files.map((f) => `\`${displayPath(f.path)}\``).join(", ")
      }) hold no judgement yet.`;
  }
  const lines = judgeGroups(set.stored).map((g) => {
    const count = (s: string) => g.stored.filter((x) => x.record.status === s).length;
    const s = g.settings;
    const sources = [...new Set(g.stored.map((x) => x.record.source))].join(" and ");
    return `- **${g.model}**, ${g.mode}, rubric \`${g.rubric}\` ${g.rubric_version} (templates \`${
      g.template_sha256.slice(0, 12)
    }\`, ` +
      `temperature ${s.temperature}, max_tokens ${
        s.max_tokens ?? "server default"
      }), answers from ${
        sources === "sheet"
          ? "the expert sheet"
          : sources === "results"
          ? "result files"
          : "result files and the expert sheet"
      }: ` +
      `${g.stored.length} judgements${
        g.mode === "pairwise" ? " (two per question and pair, A/B swapped)" : ""
      }, ` +
      `${count("ok")} valid, ${count("failed")} failed (no valid reply after every attempt), ${
        count("error")
      } without a reply.`;
  });
  return `Judgements read from ${set.files.map((f) => `\`${displayPath(f.path)}\``).join(", ")} ` +
    `(the last judgement of each answer counts):\n\n${lines.join("\n")}`;
}
