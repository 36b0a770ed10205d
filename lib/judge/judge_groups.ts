/**
 * Judgements grouped by judge: one group per mode, model and rubric. A group must hold one
 * configuration (prompt templates and sampling settings): two judgements of the same answer by
 * the same model under different prompts or settings are different measurements, and mixing them
 * in one table would count the answer twice.
 * @module
 */
import type { JudgementRecord, StoredJudgement } from "./judgement_record.ts";
import type { JudgeMode } from "./rubric.ts";
import { latestJudgements } from "./read_judgements.ts";

/** Judgements of one judge (mode, model, rubric), the last one per key. */
export interface JudgeGroup {
  mode: JudgeMode;
  model: string;
  rubric: string;
  rubric_version: string;
  template_sha256: string;
  settings: JudgementRecord["judge"]["settings"];
  stored: StoredJudgement[];
}

/** The identity of a group: mode, model and rubric. */
export function groupKeyOf(r: JudgementRecord): string {
  return JSON.stringify([r.mode, r.judge.model, r.judge.rubric]);
}

/** The configuration a group must share: rubric version, templates and sampling settings. */
export function configOf(r: JudgementRecord): string {
  const s = r.judge.settings;
  return JSON.stringify([
    r.judge.rubric_version,
    r.judge.template_sha256,
    s.temperature,
    s.max_tokens,
    s.seed,
  ]);
}

/** A short description of a configuration, for messages. */
export function describeConfig(r: JudgementRecord): string {
  const s = r.judge.settings;
  return `rubric ${r.judge.rubric} ${r.judge.rubric_version}, templates ${
    r.judge.template_sha256.slice(0, 12)
  }, temperature ${s.temperature}, max_tokens ${s.max_tokens}, seed ${s.seed}`;
}

function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a), nb = /^\d+$/.test(b);
  if (na && nb && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical order of judgements inside a group: by run(s), then question id (numeric ids
 * numerically), then the order shown. Judgements are appended to the cache as they finish, so
 * their order in the file depends on timing; tables and their bootstrap resamples must not.
 */
export function compareJudgements(x: StoredJudgement, y: StoredJudgement): number {
  const a = x.record, b = y.record;
  for (let i = 0; i < Math.max(a.runs.length, b.runs.length); i++) {
    const c = compareIds(a.runs[i] ?? "", b.runs[i] ?? "");
    if (c) return c;
  }
  return compareIds(a.id ?? "", b.id ?? "") || compareIds(a.order ?? "", b.order ?? "");
}

/**
 * Groups the judgements that count ({@linkcode latestJudgements}) by mode, model and rubric,
 * groups in mode, model and rubric order, and each group's judgements in the order of
 * {@linkcode compareJudgements} (never the order they finished in); `mode` keeps one mode only.
 *
 * @throws {RangeError} when a group mixes configurations, naming both and where they were read.
 */
export function judgeGroups(
  stored: readonly StoredJudgement[],
  options: { mode?: JudgeMode } = {},
): JudgeGroup[] {
  const groups = new Map<string, JudgeGroup>();
  const firstOf = new Map<string, StoredJudgement>();
  for (const s of latestJudgements(stored)) {
    const r = s.record;
    if (options.mode && r.mode !== options.mode) continue;
    const k = groupKeyOf(r);
    let g = groups.get(k);
    if (!g) {
      g = {
        mode: r.mode,
        model: r.judge.model,
        rubric: r.judge.rubric,
        rubric_version: r.judge.rubric_version,
        template_sha256: r.judge.template_sha256,
        settings: r.judge.settings,
        stored: [],
      };
      groups.set(k, g);
      firstOf.set(k, s);
    } else if (configOf(firstOf.get(k)!.record) !== configOf(r)) {
      const f = firstOf.get(k)!;
      throw new RangeError(
        `Judgements of model "${r.judge.model}" (${r.mode}, rubric ${r.judge.rubric}) were made with two configurations: ` +
          `"${f.file}" line ${f.line} (${
            describeConfig(f.record)
          }) and "${s.file}" line ${s.line} (${describeConfig(r)}); ` +
          "keep each configuration in its own folder",
      );
    }
    g.stored.push(s);
  }
  for (const g of groups.values()) g.stored.sort(compareJudgements);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}
