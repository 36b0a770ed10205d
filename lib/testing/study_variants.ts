/**
 * Study variants with known truths: small, seeded result sets in the result format (schema v1),
 * each built so that its conclusions are unambiguous, and each with those conclusions in a
 * structured form ({@linkcode VariantTruth}). Tests run the whole report on every variant and check
 * what the report says against the truth.
 *
 * How the truth is made unambiguous:
 * - BERTScore F1 (the plan's primary metric) of run `r` on question `q` is
 *   `difficulty(q) + level(r) + noise(r, q)` on a grid of multiples of 1/1024, so sums are exact in
 *   floating point. Two runs whose levels differ by at least {@linkcode HUGE_GAP} differ on every
 *   question in the same direction (the noise is at most ±4/1024 each), so the difference must be
 *   significant after any adjustment of the few tests a report makes. Two runs with the same level
 *   share their noise (same `noise` key), so their difference is exactly zero, or, with
 *   `jitter`, ±8/1024 alternating by question, whose mean over an even, contiguous set of questions
 *   is exactly zero: never significant.
 * - Answers are either the reference itself ("good": chrF 100, the cited article right) or an
 *   unrelated sentence citing another article ("bad"), or good on even questions only ("half"),
 *   or empty. So the direction of chrF and of the citation metrics follows from the modes.
 *
 * Run names are neutral ("ModelA 1B base", "RefX"), so a sentence naming the study's models
 * (Qwen3, GPT) is false on every variant.
 * @module
 */
import { randomInt, seededRandom } from "../stats/rng.ts";

/** How a run answers: the reference itself, an unrelated answer, good on even questions, or nothing. */
export type AnswerMode = "good" | "bad" | "half" | "empty";

/** One run of a variant. */
export interface VariantRun {
  /** Run id (also the file's stem). */
  id: string;
  label: string;
  /** Model family; `"refx"` for the external reference. */
  family: string;
  /** Parameters in billions; `null` for the external reference. */
  size_b: number | null;
  variant: "base" | "fine-tuned" | "external";
  /** BERTScore level added to each question's difficulty, in 1/1024 units. */
  level: number;
  /** Runs with the same key share their per-question noise. */
  noise: string;
  /** Add ±8/1024 alternating by question (a null effect that is not all ties). Default: `false`. */
  jitter?: boolean;
  answers: AnswerMode;
  /** Indices of the questions it answers (into the variant's question list). */
  questions: number[];
}

/** What a comparison of two runs truly shows on one metric. */
export interface TruthComparison {
  comparison: "ft_vs_base" | "ft_sizes" | "vs_external";
  run_a: string;
  run_b: string;
  metric: string;
  /** Sign of the true mean difference a − b: `0` means exactly zero. */
  direction: -1 | 0 | 1;
  /** Whether it must be significant after adjustment (`false` when `direction` is 0). */
  significant: boolean;
  /** The true difference of levels in metric units (BERTScore only; `null` otherwise). */
  effect: number | null;
  /** Questions answered by both runs; `0`: the runs cannot be compared (no direction, no verdict). */
  n: number;
}

/** The known truth of a variant. */
export interface VariantTruth {
  runs: number;
  /** Label and kind of each run, by run id. */
  labelsById: Record<string, string>;
  variants: Record<string, VariantRun["variant"]>;
  /** Families and sizes present in the data; a sentence naming anything else is false. */
  families: string[];
  sizes: number[];
  /** Distinct questions over all runs, and how many of them are Kazakh. */
  questions: number;
  kazakh: number;
  /** Distinct Kazakh references, and those with no citation the study's extractor finds. */
  kazakhReferences: number;
  kazakhReferencesWithoutCitation: number;
  /** Distinct references, and those with no `[a-z0-9]` token (the study's ROUGE keeps nothing). */
  references: number;
  referencesWithoutAsciiToken: number;
  /** Whether the samples carry a `domain` field. */
  domainField: boolean;
  /** Whether every run answered the same questions. */
  sameQuestions: boolean;
  /** Whether the base runs' answers are confounded (wrong language, reasoning traces, truncation). */
  confoundedBase: boolean;
  /** Every comparison of the default family, on BERTScore F1, chrF and the v2 citation metrics. */
  comparisons: TruthComparison[];
}

/** A generated result set. */
export interface StudyVariant {
  name: string;
  /** What it tests, in a sentence. */
  description: string;
  /** Result files: name → JSON document (schema v1). */
  files: Record<string, unknown>;
  truth: VariantTruth;
  /** What the report must do: succeed, or fail with an error matching `error`. */
  expect: { ok: true } | { ok: false; error: RegExp };
}

/** Level gap (1/1024 units) above which a difference is huge next to the noise. */
export const HUGE_GAP = 30;

/** Options of {@linkcode studyVariants}. */
export interface StudyVariantsOptions {
  /** Seed of the noise and latencies. Default: `7`. */
  seed?: number;
}

const CODES = [
  { domain: "tax", ru: "Налогового кодекса", kz: "Салық кодексі" },
  { domain: "civil", ru: "Гражданского кодекса", kz: "Азаматтық кодексі" },
  { domain: "labor", ru: "Трудового кодекса", kz: "Еңбек кодексі" },
  { domain: "land", ru: "Земельного кодекса", kz: "Жер кодексі" },
];
const RU_WORDS = [
  "срок",
  "договор",
  "налогоплательщик",
  "работодатель",
  "собственник",
  "уведомление",
  "взыскание",
  "регистрация",
  "обязательство",
  "заявление",
  "участок",
  "решение",
];
const KZ_WORDS = [
  "мерзім",
  "шарт",
  "салық төлеуші",
  "жұмыс беруші",
  "меншік иесі",
  "хабарлама",
  "өндіріп алу",
  "тіркеу",
  "міндеттеме",
  "өтініш",
  "учаске",
  "шешім",
];

/** One question of a variant. */
export interface VariantQuestion {
  id: string;
  language: "ru" | "kz";
  domain: string;
  instruction: string;
  input: string;
  reference: string;
  /** Whether the reference carries a citation the study's (Russian-only) extractor finds. */
  cited: boolean;
}

/** The words of question `i` (distinct for every `i` below 12³). */
function words(list: string[], i: number): string {
  const n = list.length;
  return `${list[i % n]}, ${list[Math.floor(i / n) % n]} и ${list[Math.floor(i / n / n) % n]}`;
}

/**
 * Question `i`: Russian or Kazakh; Kazakh references cite their article in the form
 * `N-бабына` unless `uncited`, which names the code only (no digit at all).
 */
function question(
  i: number,
  language: "ru" | "kz",
  uncited: boolean,
  domains: number,
): VariantQuestion {
  const code = CODES[i % domains];
  const article = 10 + i;
  const id = `q${String(i + 1).padStart(3, "0")}`;
  if (language === "ru") {
    const generic = i % 3 === 0;
    const q = `Что устанавливает статья ${article} ${code.ru} о предмете «${words(RU_WORDS, i)}»?`;
    return {
      id,
      language,
      domain: code.domain,
      instruction: generic ? "Ответь на вопрос по казахстанскому законодательству." : q,
      input: generic ? q : "",
      reference: `Согласно статье ${article} ${code.ru} РК, ${
        words(RU_WORDS, i + 5)
      } определяются законом.`,
      cited: true,
    };
  }
  const subject = words(KZ_WORDS, i).replace(" и ", " және ");
  return {
    id,
    language,
    domain: code.domain,
    instruction: `${code.kz} бойынша «${subject}» туралы не белгіленген?`,
    input: "",
    reference: uncited
      ? `${code.kz} ережелеріне сәйкес, ${subject} заңмен айқындалады.`
      : `${code.kz} ${article}-бабына сәйкес, ${subject} заңмен айқындалады.`,
    cited: !uncited,
  };
}

/** An answer of the given mode to question `q` (index `i`). */
function answer(mode: AnswerMode, q: VariantQuestion, i: number): string {
  const good = mode === "good" || (mode === "half" && i % 2 === 0);
  if (mode === "empty") return "";
  if (good) return q.reference;
  return q.language === "ru"
    ? `Ответ дать нельзя; применяется статья ${900 + i}, прочие нормы не действуют.`
    : `Жауап беру мүмкін емес; ${900 + i}-бап қолданылады.`;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

interface Design {
  name: string;
  description: string;
  /** Number of questions and which are Kazakh / uncited. */
  questions: number;
  kazakh: (i: number) => boolean;
  uncited: (i: number) => boolean;
  domains?: number;
  domainField?: boolean;
  /** Questions whose answer is empty and whose BERTScore is exactly 0 in every run. */
  zero?: (i: number) => boolean;
  runs: (Omit<VariantRun, "questions" | "noise" | "label" | "family" | "id"> & {
    id?: string;
    noise?: string;
    questions?: number[];
  })[];
  expect?: StudyVariant["expect"];
  /** A field removed from one sample of one run's file (a malformed file). Default: none. */
  drop?: { run: string; sample: number; field: string };
}

function runId(r: { variant: string; size_b: number | null }): string {
  if (r.variant === "external") return "refx";
  return `modela-${r.size_b}b-${r.variant === "base" ? "base" : "ft"}`;
}

function runLabel(r: { variant: string; size_b: number | null }): string {
  if (r.variant === "external") return "RefX";
  return `ModelA ${r.size_b}B ${r.variant === "base" ? "base" : "FT"}`;
}

/** The variants' designs; see the module doc for how each truth is made unambiguous. */
function designs(): Design[] {
  const base = (size: number, level: number, answers: AnswerMode = "bad") => ({
    variant: "base" as const,
    size_b: size,
    level,
    answers,
  });
  const ft = (size: number, level: number, answers: AnswerMode = "good") => ({
    variant: "fine-tuned" as const,
    size_b: size,
    level,
    answers,
  });
  const ref = (level: number, answers: AnswerMode = "half") => ({
    variant: "external" as const,
    size_b: null,
    level,
    answers,
  });
  const quarterKz = (i: number) => i % 4 === 3;
  const studyRuns = [base(1, 0), base(3, 20), ft(1, 100), ft(3, 140), ref(60)];
  return [
    {
      name: "study_like",
      description:
        "Fine-tuning helps at two sizes, the larger fine-tuned model is better, a reference in between",
      questions: 80,
      kazakh: quarterKz,
      uncited: (i) => i % 16 !== 3, // 3 of 4 Kazakh references cite nothing
      runs: studyRuns,
    },
    {
      name: "no_effect",
      description:
        "Fine-tuning changes nothing (exactly null on average), while the two sizes differ hugely",
      questions: 80,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [
        { ...base(1, 0), noise: "n1" },
        { ...base(3, 80), noise: "n3" },
        { ...ft(1, 0, "bad"), noise: "n1", jitter: true },
        { ...ft(3, 80, "bad"), noise: "n3", jitter: true },
        ref(40),
      ],
    },
    {
      name: "ft_hurts",
      description: "Fine-tuning lowers every metric at both sizes",
      questions: 80,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [
        base(1, 100, "good"),
        base(3, 160, "good"),
        ft(1, 0, "bad"),
        ft(3, 40, "bad"),
        ref(130),
      ],
    },
    {
      name: "one_size",
      description: "One model size only: no comparison of sizes",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [base(1, 0), ft(1, 100), ref(60)],
    },
    {
      name: "no_base",
      description: "No base runs: no effect of fine-tuning can be estimated",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [ft(1, 100), ft(3, 140), ref(60)],
    },
    {
      name: "no_external",
      description: "No external reference model",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [base(1, 0), base(3, 20), ft(1, 100), ft(3, 140)],
    },
    {
      name: "kazakh_only",
      description: "Every question is Kazakh",
      questions: 60,
      kazakh: () => true,
      uncited: (i) => i % 4 === 0,
      runs: studyRuns,
    },
    {
      name: "no_domain",
      description: "The samples carry no domain field",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 !== 3, // 3 of 4 Kazakh references cite nothing
      domainField: false,
      runs: studyRuns,
    },
    {
      name: "small_cells",
      description: "Cells with n < 10: 5 Kazakh questions, and a domain with 4 questions",
      questions: 60,
      kazakh: (i) => i % 12 === 5,
      uncited: (i) => i % 60 === 5,
      domains: 4,
      runs: studyRuns,
    },
    {
      name: "ties_zeros",
      description:
        "Every run gives the same answers and scores (all differences exactly zero); some scores are exactly 0",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      zero: (i) => i % 10 === 0,
      runs: [
        { ...base(1, 50, "half"), noise: "all" },
        { ...base(3, 50, "half"), noise: "all" },
        { ...ft(1, 50, "half"), noise: "all" },
        { ...ft(3, 50, "half"), noise: "all" },
        { ...ref(50, "half"), noise: "all" },
      ],
    },
    {
      name: "different_questions",
      description:
        "The larger fine-tuned model answered a different, half-overlapping question set",
      questions: 120,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [
        { ...base(1, 0), questions: range(0, 80) },
        { ...base(3, 20), questions: range(0, 80) },
        { ...ft(1, 100), questions: range(0, 80) },
        { ...ft(3, 140), questions: range(40, 120) },
        { ...ref(60), questions: range(0, 80) },
      ],
    },
    {
      name: "disjoint_questions",
      description:
        "The fine-tuned model answered none of the base model's questions: no paired comparison exists",
      questions: 120,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [
        { ...base(1, 0), questions: range(0, 60) },
        { ...ft(1, 100), questions: range(60, 120) },
        { ...ref(60), questions: range(0, 60) },
      ],
    },
    {
      name: "invalid_sample",
      description:
        "A result file with a sample that has no prediction: the report must refuse it, naming the file and the sample",
      questions: 60,
      kazakh: quarterKz,
      uncited: (i) => i % 16 === 3,
      runs: [base(1, 0), ft(1, 100)],
      drop: { run: "modela-1b-ft", sample: 3, field: "prediction" },
      expect: { ok: false, error: /modela-1b-ft\.json.*samples\[3\]\.prediction/ },
    },
  ];
}

const KNOWN = ["bertscore_f1", "chrf", "citation_accuracy_v2", "hallucination_rate_v2"] as const;

/** Share of good answers over the given questions. */
function goodShare(mode: AnswerMode, qs: number[]): number {
  if (mode === "good") return 1;
  if (mode === "half") return qs.filter((i) => i % 2 === 0).length / qs.length;
  return 0;
}

/** The comparisons of the study's plan among the runs (as the report builds them) with their truth. */
function truthComparisons(runs: VariantRun[], zero: (i: number) => boolean): TruthComparison[] {
  const pairs: [TruthComparison["comparison"], VariantRun, VariantRun][] = [];
  const ft = runs.filter((r) => r.variant === "fine-tuned");
  for (const f of ft) {
    const b = runs.find((r) => r.variant === "base" && r.size_b === f.size_b);
    if (b) pairs.push(["ft_vs_base", f, b]);
  }
  for (let i = 0; i < ft.length; i++) {
    for (let j = i + 1; j < ft.length; j++) {
      const [big, small] = ft[i].size_b! > ft[j].size_b! ? [ft[i], ft[j]] : [ft[j], ft[i]];
      // The study's plan compares every two fine-tuned sizes (`"sizes": "all"`).
      pairs.push(["ft_sizes", big, small]);
    }
  }
  for (const ref of runs.filter((r) => r.variant === "external")) {
    for (const r of runs) if (r !== ref) pairs.push(["vs_external", r, ref]);
  }
  const out: TruthComparison[] = [];
  for (const [comparison, a, b] of pairs) {
    const both = a.questions.filter((q) => b.questions.includes(q));
    const scored = both.filter((q) => !zero(q));
    for (const metric of KNOWN) {
      let direction: -1 | 0 | 1;
      let significant: boolean;
      let effect: number | null = null;
      if (both.length === 0) {
        direction = 0; // no question in common: nothing to compare, nothing to find
        significant = false;
      } else if (metric === "bertscore_f1") {
        const gap = a.level - b.level;
        if (gap === 0 && a.noise !== b.noise) {
          throw new Error(`Variant runs ${a.id} and ${b.id}: equal levels need one noise key`);
        }
        if (gap !== 0 && Math.abs(gap) < HUGE_GAP) {
          throw new Error(`Variant runs ${a.id} and ${b.id}: a gap of ${gap}/1024 is ambiguous`);
        }
        direction = Math.sign(gap) as -1 | 0 | 1;
        significant = gap !== 0;
        effect = gap / 1024;
      } else {
        const d = goodShare(a.answers, scored) - goodShare(b.answers, scored);
        const raw = metric === "hallucination_rate_v2" ? -Math.sign(d) : Math.sign(d);
        const sign = (raw === 0 ? 0 : raw) as -1 | 0 | 1; // never -0
        direction = sign;
        significant = sign !== 0;
      }
      out.push({
        comparison,
        run_a: a.id,
        run_b: b.id,
        metric,
        direction,
        significant,
        effect,
        n: both.length,
      });
    }
  }
  return out;
}

/**
 * The study variants, each with its result files and known truth.
 *
 * @param options See {@linkcode StudyVariantsOptions} for the defaults.
 * @returns The variants, in a fixed order; the same seed gives the same bytes.
 * @example
 * ```ts
 * import { studyVariants } from "./study_variants.ts";
 * import assert from "node:assert/strict";
 * const v = studyVariants().find((v) => v.name === "ft_hurts")!;
 * const t = v.truth.comparisons.find((c) => c.comparison === "ft_vs_base" && c.metric === "bertscore_f1")!;
 * assert.equal(t.direction, -1);
 * assert.ok(t.significant);
 * ```
 */
export function studyVariants(options: StudyVariantsOptions = {}): StudyVariant[] {
  const { seed = 7 } = options;
  return designs().map((d) => {
    const random = seededRandom(seed);
    const zero = d.zero ?? (() => false);
    const questions = range(0, d.questions).map((i) =>
      question(i, d.kazakh(i) ? "kz" : "ru", d.uncited(i), d.domains ?? CODES.length)
    );
    const runs: VariantRun[] = d.runs.map((r) => ({
      ...r,
      id: r.id ?? runId(r),
      label: runLabel(r),
      family: r.variant === "external" ? "refx" : "modela",
      noise: r.noise ?? runId(r),
      questions: r.questions ?? range(0, d.questions),
    }));
    const noise = new Map<string, number[]>();
    for (const r of runs) {
      if (!noise.has(r.noise)) {
        noise.set(r.noise, range(0, d.questions).map(() => randomInt(random, 9) - 4));
      }
    }
    const files: Record<string, unknown> = {};
    for (const r of runs) {
      const samples = r.questions.map((i) => {
        const q = questions[i];
        const units = zero(i) ? 0 : 600 + ((i * 37) % 200) + r.level + noise.get(r.noise)![i] +
          (r.jitter ? (i % 2 ? -8 : 8) : 0);
        return {
          id: q.id,
          instruction: q.instruction,
          input: q.input,
          reference: q.reference,
          prediction: zero(i) ? "" : answer(r.answers, q, i),
          language: q.language,
          ...(d.domainField === false ? {} : { domain: q.domain }),
          latency_s: (256 + randomInt(random, 512)) / 256,
          metrics: { bertscore_f1: units / 1024 },
        };
      });
      if (d.drop?.run === r.id) {
        delete (samples[d.drop.sample] as Record<string, unknown>)[d.drop.field];
      }
      files[`${r.id}.json`] = {
        schema_version: 1,
        run: {
          id: r.id,
          model: r.variant === "external" ? "refx-api" : `org/ModelA-${r.size_b}B`,
          family: r.family,
          size_b: r.size_b,
          variant: r.variant,
          label: r.label,
          adapter: r.variant === "fine-tuned" ? `runs/${r.id}/adapter` : null,
          rag: null,
        },
        created_at: "2026-12-07T00:00:00Z",
        source: `Generated study variant "${d.name}" (lib/testing/study_variants.ts, seed ${seed})`,
        metric_signatures: { bertscore_f1: "synthetic|generated:study_variants" },
        samples,
      };
    }
    const used = [...new Set(runs.flatMap((r) => r.questions))].sort((a, b) => a - b).map((i) =>
      questions[i]
    );
    const kz = used.filter((q) => q.language === "kz");
    const kzRefs = new Set(kz.map((q) => q.reference));
    const truth: VariantTruth = {
      runs: runs.length,
      labelsById: Object.fromEntries(runs.map((r) => [r.id, r.label])),
      variants: Object.fromEntries(runs.map((r) => [r.id, r.variant])),
      families: [...new Set(runs.map((r) => r.family))],
      sizes: [...new Set(runs.flatMap((r) => (r.size_b === null ? [] : [r.size_b])))].sort((a, b) =>
        a - b
      ),
      questions: used.length,
      kazakh: kz.length,
      kazakhReferences: kzRefs.size,
      kazakhReferencesWithoutCitation: new Set(
        kz.filter((q) => !q.cited).map((q) => q.reference),
      ).size,
      references: new Set(used.map((q) => q.reference)).size,
      referencesWithoutAsciiToken: new Set(
        used.filter((q) => !/[a-z0-9]/i.test(q.reference)).map((q) => q.reference),
      ).size,
      domainField: d.domainField !== false,
      sameQuestions: runs.every((r) => r.questions.join() === runs[0].questions.join()),
      confoundedBase: false,
      comparisons: truthComparisons(runs, zero),
    };
    return {
      name: d.name,
      description: d.description,
      files,
      truth,
      expect: d.expect ?? { ok: true },
    };
  });
}

/**
 * Writes a variant's result files into `dir` (created if absent).
 *
 * @returns The paths written.
 */
export async function writeStudyVariant(variant: StudyVariant, dir: string): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [name, doc] of Object.entries(variant.files)) {
    const path = `${dir}/${name}`;
    await Deno.writeTextFile(path, JSON.stringify(doc, null, 1) + "\n");
    paths.push(path);
  }
  return paths;
}
