/**
 * The judgement cache: an append-only JSONL file. Each judgement is appended, as one line, the
 * moment it finishes, so an interrupted run loses at most the requests in flight; the next run
 * reads the file and asks only for what it lacks. A line cut short by a killed process (the only
 * damage an append can leave) is removed when the cache is opened, and said so.
 * @module
 */
import { dirname } from "node:path";
import { displayPath } from "../io/paths.ts";
import type { JudgementRecord, StoredJudgement } from "./judgement_record.ts";
import { decodeJudgements, latestJudgements, parseJudgementLines } from "./read_judgements.ts";

/** The cache file's name inside a judge's `--out` folder. */
export const JUDGEMENTS_FILE = "judgements.jsonl";

/** An open judgement cache. */
export class JudgementCache {
  #latest: Map<string, JudgementRecord>;
  #queue: Promise<void> = Promise.resolve();
  #appended = 0;

  private constructor(
    /** The file. */
    readonly path: string,
    /** Records found when it was opened, in file order. */
    readonly stored: StoredJudgement[],
    /** Bytes of a cut-short last line removed when it was opened (0: none). */
    readonly repairedBytes: number,
  ) {
    this.#latest = new Map(latestJudgements(stored).map((s) => [s.record.key, s.record]));
  }

  /**
   * Opens (or starts) the cache at `path`, reading and validating every record in it.
   *
   * @throws {SyntaxError} or {@linkcode TypeError} naming the line of a bad record.
   */
  static async open(path: string): Promise<JudgementCache> {
    let bytes = new Uint8Array(0);
    try {
      bytes = await Deno.readFile(path);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
      await Deno.mkdir(dirname(path), { recursive: true });
    }
    const file = displayPath(path);
    const end = bytes.lastIndexOf(0x0a) + 1;
    const text = decodeJudgements(bytes, file);
    const { stored, partial } = await parseJudgementLines(text, file, {
      allowPartial: true,
      path,
    });
    let repaired = 0;
    if (partial !== null) {
      repaired = bytes.length - end;
      await Deno.truncate(path, end);
    } else if (end < bytes.length) {
      // A complete last record without a newline: end the line before appending.
      await Deno.writeTextFile(path, "\n", { append: true });
    }
    return new JudgementCache(path, stored, repaired);
  }

  /** The judgement that counts for `key` (the last written), if any. */
  get(key: string): JudgementRecord | undefined {
    return this.#latest.get(key);
  }

  /** Every judgement that counts, one per key. */
  records(): JudgementRecord[] {
    return [...this.#latest.values()];
  }

  /** Records appended since the cache was opened. */
  get appended(): number {
    return this.#appended;
  }

  /** Appends `record` as one line (appends are queued, so lines never interleave). */
  append(record: JudgementRecord): Promise<void> {
    const line = JSON.stringify(record) + "\n";
    const next = this.#queue.then(async () => {
      await Deno.writeTextFile(this.path, line, { append: true, create: true });
      this.#latest.set(record.key, record);
      this.#appended++;
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  /** Waits until every queued append is on disk. */
  async flush(): Promise<void> {
    await this.#queue;
  }
}
