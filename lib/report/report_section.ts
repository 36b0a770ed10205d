/**
 * A section of the Markdown report, built by one notebook: text, tables and figures. Tables and
 * figures are written to the output folder as they are added, and each is shown in the notebook
 * once, where it is computed (the methods return nothing, so a cell's last value never shows a
 * result twice): text as Markdown, tables as HTML (long ones cut, with their row
 * count and links to the full files that work from where the notebook lives), figures as inline
 * SVG. {@linkcode ReportSection.save} hands the section's Markdown to the report runner, which
 * assembles `report.md` in notebook order; opened by hand, it writes `<id>.md` into the output
 * folder instead.
 * @module
 */
import { join, relative } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import type { SourceFile } from "../io/source_file.ts";
import { displayPath, REPO_ROOT } from "../io/paths.ts";
import { notebookParams, type ReportParams } from "./params.ts";
import {
  type CellRecord,
  type TableRows,
  writeTable,
  type WriteTableOptions,
  type WrittenTable,
} from "../tables/write_table.ts";
import { formatTable, htmlTable } from "../tables/format_table.ts";
import { type SavedFigure, saveFigure } from "../figures/saved_figure.ts";
import { jupyterDisplay } from "../notebook/jupyter_display.ts";

export type { SourceFile };

/** Options for {@linkcode ReportSection.table}. */
export interface SectionTableOptions extends WriteTableOptions {
  /** Input files the table was computed from; listed under it with their SHA-256. Required. */
  sources: readonly SourceFile[];
  /** A sentence under the table (e.g. how to read it). Default: none. */
  note?: string;
  /**
   * Show the table in the report body; when `false` the caption says so ("not shown here") and
   * gives the row count and the links to the CSV and LaTeX files. Default: `true`.
   */
  inline?: boolean;
}

/** Options for {@linkcode ReportSection.figure}. */
export interface SectionFigureOptions {
  /** Caption under the figure in the report. Required: say what the figure shows. */
  caption: string;
}

/** Rows shown in the notebook before a table is cut. */
export const NOTEBOOK_TABLE_ROWS = 12;

/** The file in a by-hand output folder that marks it as the workbench's own (see the constructor). */
const OWN_MARKER = ".workbench-section";

/** Builds one notebook's part of the report. */
export class ReportSection {
  readonly params: ReportParams;
  readonly tablesDir: string;
  #parts: string[] = [];
  #tables = 0;
  #figures = 0;
  #ready: Promise<void>;
  #format = new Map<string, WriteTableOptions>();

  /**
   * @param id Section id: the notebook's stem (e.g. `20_scaling`); orders and names the part.
   * @param title Heading of the section.
   * @param params The resolved parameters. Default: {@linkcode notebookParams} for `id`.
   */
  constructor(readonly id: string, readonly title: string, params?: ReportParams) {
    if (!/^[0-9]{2}_[a-z0-9_]+$/.test(id)) {
      throw new TypeError(`Section id must look like "20_scaling", got "${id}"`);
    }
    this.params = params ?? notebookParams(id);
    this.tablesDir = join(this.params.out, "tables");
    this.#parts.push(`## ${title}\n`);
    this.#ready = this.params.sectionsDir === null
      ? claimFolder(this.params.out)
      : Promise.resolve();
  }

  /** Whether this section is part of a `deno task report` run (rather than opened by hand). */
  get inReport(): boolean {
    return this.params.sectionsDir !== null;
  }

  /**
   * A link to a file of the output folder, relative to where the notebook lives: the executed
   * copy in `<out>/notebooks/` under the report, `notebooks/` when opened by hand.
   */
  link(file: string): string {
    const from = this.inReport ? join(this.params.out, "notebooks") : join(REPO_ROOT, "notebooks");
    return relative(from, join(this.params.out, file)).split("\\").join("/");
  }

  /** Appends Markdown text (a paragraph, a list, a sub-heading) and shows it. */
  async text(markdown: string): Promise<void> {
    this.#parts.push(markdown.trim() + "\n");
    await jupyterDisplay({ "text/markdown": markdown.trim() });
  }

  /**
   * Writes `tables/<name>.{csv,md,tex}`, adds the table, its links and its inputs to the report,
   * and shows it (cut to {@linkcode NOTEBOOK_TABLE_ROWS} rows when longer, or when `inline` is
   * false, with the row count and links to the full table).
   */
  async table<T extends CellRecord<T>>(
    name: string,
    rows: TableRows<T>,
    options: SectionTableOptions,
  ): Promise<void> {
    await this.#ready;
    const { sources, note, inline = true, ...tableOptions } = options;
    if (sources.length === 0) {
      throw new TypeError(
        `Table "${name}" lists no input files: every table must say which files it was computed from`,
      );
    }
    const written = await writeTable(rows, this.tablesDir, name, tableOptions);
    this.#format.set(name, tableOptions);
    this.#tables++;
    const caption = tableOptions.caption ?? name;
    const files = `[CSV](tables/${name}.csv), [LaTeX](tables/${name}.tex)`;
    const lines = [
      inline
        ? `**Table ${name}.** ${caption} (${files})\n`
        : `**Table ${name}.** ${caption} (${written.rows.length} row${
          written.rows.length === 1 ? "" : "s"
        }, not shown here: ${files})\n`,
    ];
    if (inline) lines.push(written.markdown);
    if (note) lines.push(`${note}\n`);
    const unique = [...new Map(sources.map((s) => [displayPath(s.path), s.sha256])).entries()]
      .sort();
    lines.push(
      `<details><summary>Inputs of table ${name} (${unique.length} file${
        unique.length === 1 ? "" : "s"
      }, SHA-256)</summary>\n\n` +
        unique.map(([p, h]) => `- \`${p}\` \`${h}\``).join("\n") + "\n\n</details>\n",
    );
    this.#parts.push(lines.join("\n"));
    this.written.set(name, written);
    await this.#showTable(written, caption, inline, note);
  }

  /** The tables written so far, by name (what each file holds, and its Markdown form). */
  readonly written = new Map<string, WrittenTable>();

  async #showTable(t: WrittenTable, caption: string, inline: boolean, note?: string) {
    const cut = !inline || t.rows.length > 2 * NOTEBOOK_TABLE_ROWS;
    const shown = cut ? t.rows.slice(0, NOTEBOOK_TABLE_ROWS) : t.rows;
    const { name } = t;
    const display = formatTable(t.columns, shown, this.#format.get(name) ?? {});
    const links = `<a href="${esc(this.link(`tables/${name}.csv`))}">CSV</a>, ` +
      `<a href="${esc(this.link(`tables/${name}.tex`))}">LaTeX</a>`;
    const head = `<p><b>Table ${esc(name)}.</b> ${esc(caption)} (${links})</p>`;
    const tail = cut
      ? `<p><i>Showing ${shown.length} of ${t.rows.length} rows; the full table is in the ${links} files.</i></p>`
      : "";
    const text = `Table ${name}: ${t.rows.length} rows (${this.link(`tables/${name}.csv`)})`;
    await jupyterDisplay({
      "text/html": head + htmlTable(display) + tail + (note ? `<p>${esc(note)}</p>` : ""),
      "text/plain": text,
    });
  }

  /** Writes `<name>.svg` and `<name>.png`, adds the figure with its caption, and shows it. */
  async figure(name: string, svg: string, options: SectionFigureOptions): Promise<void> {
    await this.#ready;
    const saved = await saveFigure(svg, this.params.out, name);
    this.#figures++;
    this.#parts.push(
      `![${
        options.caption.replaceAll("]", ")")
      }](${name}.svg)\n\n*Figure ${name}.* ${options.caption} ([PNG](${name}.png))\n`,
    );
    this.figures.set(name, saved);
    await jupyterDisplay({ "image/svg+xml": svg, "text/plain": `Figure ${name}` });
  }

  /** The figures written so far, by name. */
  readonly figures = new Map<string, SavedFigure>();

  /** The section's Markdown so far. */
  markdown(): string {
    return this.#parts.join("\n");
  }

  /**
   * Hands the section to the report runner (under `deno task report`), or writes `<id>.md` into
   * the output folder (opened by hand), and says where.
   */
  async save(): Promise<void> {
    await this.#ready;
    const where = this.inReport
      ? join(this.params.sectionsDir!, `${this.id}.md`)
      : join(this.params.out, `${this.id}.md`);
    await writeFileAtomic(where, this.markdown());
    const what = `${this.#tables} table${
      this.#tables === 1 ? "" : "s"
    } and ${this.#figures} figure${this.#figures === 1 ? "" : "s"}`;
    await jupyterDisplay({
      "text/markdown": this.inReport
        ? `Section \`${this.id}\` saved for the report: ${what}.`
        : `Section \`${this.id}\`: ${what} written to [\`${displayPath(this.params.out)}/\`](${
          this.link("")
        }) (section text: [\`${this.id}.md\`](${this.link(`${this.id}.md`)})).`,
    });
  }
}

function esc(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Prepares a by-hand output folder: a new or empty folder, or one this class wrote before (it
 * holds {@linkcode OWN_MARKER}), whose old files are removed so that two runs never mix. Any
 * other non-empty folder is refused: nothing the workbench did not write is deleted.
 */
async function claimFolder(out: string): Promise<void> {
  const entries = await Array.fromAsync(Deno.readDir(out)).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  });
  if (entries.length > 0 && !entries.some((e) => e.name === OWN_MARKER)) {
    throw new Error(
      `Refusing to write into "${out}": it is not empty and was not written by a notebook (no ${OWN_MARKER} file); set "out" in the parameters cell to a new folder`,
    );
  }
  for (const e of entries) await Deno.remove(join(out, e.name), { recursive: true });
  await Deno.mkdir(out, { recursive: true });
  await Deno.writeTextFile(
    join(out, OWN_MARKER),
    "Written by a workbench notebook opened by hand; replaced on its next run.\n",
  );
}
