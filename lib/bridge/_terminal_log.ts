/**
 * A terminal-like log for a child process's output: `\r` rewrites the current line (progress
 * bars update in place), `\n` ends it, and only the last lines are kept for display.
 * @module
 */

/** Options for {@linkcode TerminalLog}. */
export interface TerminalLogOptions {
  /** Lines kept for display (older ones are counted, not kept). Default: 40. */
  maxLines?: number;
}

/** Collapses `\r` updates and keeps the tail of a stream of text. */
export class TerminalLog {
  readonly maxLines: number;
  #lines: string[] = [];
  #current = "";
  #dropped = 0;
  #total = 0;

  constructor(options: TerminalLogOptions = {}) {
    this.maxLines = options.maxLines ?? 40;
    if (!(this.maxLines >= 1)) throw new RangeError(`maxLines must be >= 1, got ${this.maxLines}`);
  }

  /** Feeds a chunk of decoded text. */
  write(text: string): void {
    // Normalise Windows line ends first so "\r\n" is not read as "rewrite the line".
    const parts = text.replaceAll("\r\n", "\n").split(/(\r|\n)/);
    for (const part of parts) {
      if (part === "\n") this.#commit();
      else if (part === "\r") this.#current = "";
      else if (part !== "") this.#current += part;
    }
  }

  #commit(): void {
    this.#lines.push(this.#current);
    this.#current = "";
    this.#total++;
    if (this.#lines.length > this.maxLines) {
      this.#lines.shift();
      this.#dropped++;
    }
  }

  /** Completed lines so far (including those no longer kept). */
  get totalLines(): number {
    return this.#total;
  }

  /** The kept lines plus the unfinished current line, if any. */
  tail(): string[] {
    return this.#current === "" ? [...this.#lines] : [...this.#lines, this.#current];
  }

  /** Text for display: a note on omitted lines, then the tail. */
  render(): string {
    const head = this.#dropped > 0 ? [`... ${this.#dropped} earlier line(s) not shown ...`] : [];
    return [...head, ...this.tail()].join("\n");
  }
}
