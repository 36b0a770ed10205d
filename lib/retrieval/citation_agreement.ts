/**
 * Retrieval quality on the legal set, where the source of a question is not known: how often a
 * retrieved training pair cites the same article or law as the reference answer.
 * @module
 */
import { citationIds, citationsMatch } from "../metrics/citations.ts";
import type { Retrieved } from "../results/run_result.ts";
import { type AlpacaRow, readAlpacaJsonl } from "../dataset/read_alpaca_jsonl.ts";

/** A retrieved pair's text: the question (instruction and input) and its answer. */
export type CorpusPair = Pick<AlpacaRow, "instruction" | "input" | "output">;

/** Options for {@linkcode citationAgreement}. */
export interface CitationAgreementOptions {
  /** Only the first `k` retrieved pairs (by rank) count. Default: all retrieved pairs. */
  k?: number;
}

/** The agreement over a run's samples. */
export interface CitationAgreement {
  /** The `k` used, or `null` for all retrieved pairs. */
  k: number | null;
  /** Samples with retrieval records. */
  questions: number;
  /** Of those, samples whose reference cites at least one article or law (v2 extractor). */
  citing: number;
  /** Of those, samples with a retrieved pair citing an article or law that matches one of the reference's. */
  agreeing: number;
  /** `agreeing / citing`; `null` when no reference cites anything. */
  rate: number | null;
}

/**
 * Share of the samples whose reference cites an article or law (ids as `citation_accuracy_v2`
 * extracts them, Russian and Kazakh) for which some retrieved training pair (question and answer
 * text, among the first `k` by rank) cites a matching one: equal ids, or the same article number
 * where one side names no code. A proxy for "the retriever found the right law" where the gold
 * source is unknown; pairs citing nothing never agree.
 *
 * @param samples A run's samples (`reference` and `retrieval` records).
 * @param corpus The retrieval corpus by id (the training file's 0-based row index as a string,
 *   the ids `python/benchmark.py` records); see {@linkcode readRetrievalCorpus}.
 * @param options See {@linkcode CitationAgreementOptions}.
 * @throws {RangeError} when no sample has retrieval records, or `k` < 1.
 * @throws {Error} when a retrieved id is not in the corpus (the wrong corpus file).
 * @example
 * ```ts
 * import { citationAgreement } from "./citation_agreement.ts";
 * import assert from "node:assert/strict";
 * const corpus = new Map([
 *   ["0", { instruction: "Срок отпуска?", input: "", output: "24 дня (ст. 88 ТК РК)." }],
 *   ["1", { instruction: "Ставка НДС?", input: "", output: "12%." }],
 * ]);
 * const samples = [
 *   { reference: "Еңбек кодексінің 88-бабы бойынша 24 күн.", retrieval: [{ id: "1", score: 0.9, rank: 1 }, { id: "0", score: 0.8, rank: 2 }] },
 *   { reference: "Без ссылок.", retrieval: [{ id: "0", score: 0.5, rank: 1 }] },
 * ];
 * assert.deepEqual(citationAgreement(samples, corpus), { k: null, questions: 2, citing: 1, agreeing: 1, rate: 1 });
 * assert.equal(citationAgreement(samples, corpus, { k: 1 }).rate, 0);
 * ```
 */
export function citationAgreement(
  samples: readonly { reference: string; retrieval: readonly Retrieved[] | null }[],
  corpus: ReadonlyMap<string, CorpusPair>,
  options: CitationAgreementOptions = {},
): CitationAgreement {
  const { k } = options;
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`k must be an integer >= 1, got ${k}`);
  }
  const cache = new Map<string, string[]>();
  const idsOf = (id: string): string[] => {
    let ids = cache.get(id);
    if (!ids) {
      const pair = corpus.get(id);
      if (!pair) {
        throw new Error(
          `Cannot compare citations: retrieved id "${id}" is not in the corpus (${corpus.size} rows); is it the run's training file?`,
        );
      }
      ids = [...citationIds(`${pair.instruction} ${pair.input} ${pair.output}`)];
      cache.set(id, ids);
    }
    return ids;
  };
  let questions = 0;
  let citing = 0;
  let agreeing = 0;
  for (const sample of samples) {
    if (sample.retrieval === null) continue;
    questions++;
    const ref = [...citationIds(sample.reference)];
    const pairs = [...sample.retrieval].sort((a, b) => a.rank - b.rank).slice(0, k ?? Infinity);
    for (const p of pairs) idsOf(p.id); // every retrieved id must be in the corpus
    if (ref.length === 0) continue;
    citing++;
    if (pairs.some((p) => idsOf(p.id).some((c) => ref.some((r) => citationsMatch(c, r))))) {
      agreeing++;
    }
  }
  if (questions === 0) {
    throw new RangeError(
      "Cannot compare citations: no sample has retrieval records (not a retrieval or RAG run)",
    );
  }
  return { k: k ?? null, questions, citing, agreeing, rate: citing ? agreeing / citing : null };
}

/**
 * Reads a retrieval corpus (Alpaca JSONL, the run's `train_file`) keyed by the ids
 * `python/benchmark.py` records: each row's 0-based index among the non-blank lines, as a string.
 */
export async function readRetrievalCorpus(
  path: string,
): Promise<{ rows: Map<string, CorpusPair>; sha256: string }> {
  const rows = new Map<string, CorpusPair>();
  const report = await readAlpacaJsonl(path, (row) => {
    rows.set(String(rows.size), {
      instruction: row.instruction,
      input: row.input,
      output: row.output,
    });
  });
  return { rows, sha256: report.sha256 };
}
