/**
 * Run identity: infer family, size, variant and label from a result file, and apply the
 * optional mapping file `runs.json` that overrides them.
 * @module
 */
import type { RunInfo, Variant } from "./run_result.ts";
import { VARIANT_ORDER } from "./run_result.ts";

/** Fields of a run that `runs.json` may override. */
export type RunOverride = Partial<Pick<RunInfo, "label" | "family" | "size_b" | "variant">>;

const OVERRIDE_KEYS = new Set(["label", "family", "size_b", "variant"]);

/**
 * Infers a run's identity from its model name and the study's `is_baseline` flag.
 * GPT models are `external` (never a Qwen base model); a Qwen model is `base` when the study
 * marked it a baseline and `fine-tuned` otherwise (or when its name says `lora`).
 *
 * @example
 * ```ts
 * import { inferRunInfo } from "./run_identity.ts";
 * import assert from "node:assert/strict";
 * const ft = inferRunInfo("benchmark_4b_ft", "lora_qwen3_4b", false);
 * assert.equal(ft.variant, "fine-tuned");
 * assert.equal(ft.size_b, 4);
 * const gpt = inferRunInfo("benchmark_gpt4o", "gpt-4o", true);
 * assert.equal(gpt.variant, "external");
 * assert.equal(gpt.label, "GPT-4o");
 * ```
 */
export function inferRunInfo(id: string, model: string, isBaseline: boolean): RunInfo {
  const lower = model.toLowerCase();
  const gpt = /\b(gpt-[0-9a-z.]+(?:-mini)?)/.exec(lower);
  if (gpt) {
    const family = gpt[1];
    const label = family.replace(/^gpt/, "GPT").replace(/-mini$/, " mini");
    return base(id, model, family, null, "external", label);
  }
  const qwen = /qwen(\d+(?:\.\d+)?)[-_](\d+(?:\.\d+)?)b/.exec(lower);
  if (qwen) {
    const family = `qwen${qwen[1]}`;
    const size = Number(qwen[2]);
    const variant: Variant = lower.includes("lora") || !isBaseline ? "fine-tuned" : "base";
    const label = `Qwen${qwen[1]} ${qwen[2]}B ${variant === "base" ? "base" : "FT"}`;
    return base(id, model, family, size, variant, label);
  }
  return base(
    id,
    model,
    lower.split(/[/:]/).pop() ?? lower,
    null,
    isBaseline ? "base" : "fine-tuned",
    model,
  );
}

function base(
  id: string,
  model: string,
  family: string,
  size_b: number | null,
  variant: Variant,
  label: string,
): RunInfo {
  return { id, model, family, size_b, variant, label, adapter: null, rag: null };
}

/**
 * Parses and validates a `runs.json` mapping: `{ "<run id>": { label?, family?, size_b?, variant? } }`.
 * Unknown keys are errors.
 */
export function parseRunOverrides(text: string, file: string): Map<string, RunOverride> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`Cannot parse run mapping "${file}": ${(error as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new TypeError(`Cannot load run mapping "${file}": (root) must be an object of run ids`);
  }
  const out = new Map<string, RunOverride>();
  for (const [id, value] of Object.entries(data)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new TypeError(`Cannot load run mapping "${file}": ${id} must be an object`);
    }
    for (const [key, v] of Object.entries(value)) {
      if (!OVERRIDE_KEYS.has(key)) {
        throw new TypeError(
          `Cannot load run mapping "${file}": ${id}.${key} is not one of ${
            [...OVERRIDE_KEYS].join(", ")
          }`,
        );
      }
      if (key === "variant" && !VARIANT_ORDER.includes(v as Variant)) {
        throw new TypeError(
          `Cannot load run mapping "${file}": ${id}.variant must be one of ${
            VARIANT_ORDER.join(", ")
          }, got ${JSON.stringify(v)}`,
        );
      }
      if (key === "size_b" && !(v === null || (typeof v === "number" && v > 0))) {
        throw new TypeError(
          `Cannot load run mapping "${file}": ${id}.size_b must be a positive number or null`,
        );
      }
      if ((key === "label" || key === "family") && typeof v !== "string") {
        throw new TypeError(`Cannot load run mapping "${file}": ${id}.${key} must be a string`);
      }
    }
    out.set(id, value as RunOverride);
  }
  return out;
}

/** Orders runs: base, fine-tuned, baseline, external; then family, size and id. */
export function compareRuns(a: RunInfo, b: RunInfo): number {
  return VARIANT_ORDER.indexOf(a.variant) - VARIANT_ORDER.indexOf(b.variant) ||
    a.family.localeCompare(b.family) ||
    (a.size_b ?? Infinity) - (b.size_b ?? Infinity) ||
    (a.rag?.top_k ?? 0) - (b.rag?.top_k ?? 0) ||
    a.id.localeCompare(b.id);
}
