/**
 * The error of a notebook whose cell failed in a headless run.
 * @module
 */

/** A failing cell, as reported by a headless run (`executeNotebook`, a notebook worker). */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    readonly cell: number,
    readonly ename: string,
    readonly evalue: string,
    readonly executed: string,
  ) {
    super(
      `Notebook "${notebook}" failed in cell ${cell}: ${ename}: ${evalue} (executed notebook with outputs: ${executed})`,
    );
    this.name = "NotebookError";
  }
}
