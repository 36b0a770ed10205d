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
import { jupyterApi, jupyterDisplay } from "../notebook/jupyter_display.ts";
import { claimFolder, recordWritten } from "./claim_folder.ts";
import { escapeHtml } from "../escape/escape_html.ts";
import { escapeMarkdown } from "../escape/escape_markdown.ts";
import { markdownCode } from "../escape/markdown_code.ts";
import type { SafeMarkdown } from "../escape/md.ts";
import { neutralizeMarkdown } from "../escape/neutralize_markdown.ts";

export type { SourceFile };

/** Options for {@linkcode ReportSection.table}. */
export interface SectionTableOptions extends WriteTableOptions {
  /** Input files the table was computed from; listed under it with their SHA-256. Required. */
  sources: readonly SourceFile[];
  /** A sentence under the table (e.g. how to read it). Default: none. */
  note?: string | SafeMarkdown;
  /**
   * Show the table in the report body; when `false` the caption says so ("not shown here") and
   * gives the row count and the links to the CSV and LaTeX files. Default: `true`.
   */
  inline?: boolean;
}

/** Options for {@linkcode ReportSection.figure}. */
export interface SectionFigureOptions {
  /** Caption under the figure in the report. Required: say what the figure shows. */
  caption: string | SafeMarkdown;
}

/** Rows shown in the notebook before a table is cut. */
export const NOTEBOOK_TABLE_ROWS = 12;

/** Builds one notebook's part of the report. */
export class ReportSection {
  readonly params: ReportParams;
  readonly tablesDir: string;
  #parts: string[] = [];
  #tables = 0;
  #figures = 0;
  #ready: Promise<void>;
  #format = new Map<string, WriteTableOptions>();
  /** Files written so far, relative to the output folder. */
  #files: string[] = [];

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
      ? claimFolder(this.params.out, { fresh: true })
      : Promise.resolve();
  }

  /**
   * The section of the notebook `id` (its file stem), with the parameters of its parameters
   * `cell` ({@linkcode notebookParams}): the one line a notebook starts its section with.
   *
   * @example
   * ```ts ignore
   * const section = ReportSection.open("20_scaling", "Scaling", parameters);
   * const params = section.params;
   * ```
   */
  static open(id: string, title: string, cell: Partial<ReportParams> = {}): ReportSection {
    return new ReportSection(id, title, notebookParams(id, cell));
  }

  /** Opened by hand: lists `files` in the output folder's marker, so the next run may remove them. */
  async #record(files: readonly string[]): Promise<void> {
    if (!this.inReport) await recordWritten(this.params.out, files);
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
    const from = this.inReport
      ? join(this.params.out, "notebooks")
      : jupyterApi() !== null
      ? Deno.cwd() // the kernel runs in the notebook's folder
      : join(REPO_ROOT, "notebooks");
    return relative(from, join(this.params.out, file)).split("\\").join("/");
  }

  /**
   * Appends Markdown text (a paragraph, a list, a sub-heading) and shows it. The text is written
   * as Markdown: build it with `md` (lib/escape) when it holds untrusted values (run ids,
   * labels, questions, answers, file names), so that they are escaped; whatever is not is
   * still written with no raw HTML and no remote link or image (`neutralizeMarkdown`).
   */
  async text(markdown: string | SafeMarkdown): Promise<void> {
    const text = neutralizeMarkdown(String(markdown).trim());
    this.#parts.push(text + "\n");
    await jupyterDisplay({ "text/markdown": text });
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
    const caption = neutralizeMarkdown(String(tableOptions.caption ?? name));
    const files = `[CSV](tables/${name}.csv), [LaTeX](tables/${name}.tex)`;
    const lines = [
      inline
        ? `**Table ${name}.** ${caption} (${files})\n`
        : `**Table ${name}.** ${caption} (${written.rows.length} row${
          written.rows.length === 1 ? "" : "s"
        }, not shown here: ${files})\n`,
    ];
    if (inline) lines.push(written.markdown);
    if (note) lines.push(`${neutralizeMarkdown(String(note))}\n`);
    const unique = [...new Map(sources.map((s) => [displayPath(s.path), s.sha256])).entries()]
      .sort();
    lines.push(
      `<details><summary>Inputs of table ${name} (${unique.length} file${
        unique.length === 1 ? "" : "s"
      }, SHA-256)</summary>\n\n` +
        unique.map(([p, h]) => `- ${markdownCode(p)} ${markdownCode(h)}`).join("\n") +
        "\n\n</details>\n",
    );
    this.#parts.push(lines.join("\n"));
    this.written.set(name, written);
    this.#files.push(`tables/${name}.csv`, `tables/${name}.md`, `tables/${name}.tex`);
    await this.#record(Object.values(written.files));
    await this.#showTable(written, caption, inline, note);
  }

  /** The tables written so far, by name (what each file holds, and its Markdown form). */
  readonly written = new Map<string, WrittenTable>();

  async #showTable(
    t: WrittenTable,
    caption: string,
    inline: boolean,
    note?: string | SafeMarkdown,
  ) {
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
      "text/html": head + htmlTable(display, { scroll: true }) + tail +
        (note ? `<p>${esc(String(note))}</p>` : ""),
      "text/plain": text,
    });
  }

  /** Writes `<name>.svg` and `<name>.png`, adds the figure with its caption, and shows it. */
  async figure(name: string, svg: string, options: SectionFigureOptions): Promise<void> {
    await this.#ready;
    const saved = await saveFigure(svg, this.params.out, name, { cache: this.params.cache });
    this.#figures++;
    const caption = neutralizeMarkdown(String(options.caption));
    this.#parts.push(
      `![${
        escapeMarkdown(caption.replaceAll("[", "(").replaceAll("]", ")"))
      }](${name}.svg)\n\n*Figure ${name}.* ${caption} ([PNG](${name}.png))\n`,
    );
    this.figures.set(name, saved);
    this.#files.push(`${name}.svg`, `${name}.png`);
    await this.#record([`${name}.svg`, `${name}.png`]);
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
    await this.#record([where]);
    const what = `${this.#tables} table${
      this.#tables === 1 ? "" : "s"
    } and ${this.#figures} figure${this.#figures === 1 ? "" : "s"}`;
    const files = [...this.#files, `${this.id}.md`].map((f) => `[\`${f}\`](${this.link(f)})`);
    await jupyterDisplay({
      "text/markdown": this.inReport
        ? `Section \`${this.id}\` saved for the report: ${what}.`
        : `Section \`${this.id}\`: ${what} written to \`${displayPath(this.params.out)}/\`: ` +
          files.join(", ") + ".",
    });
  }
}

const esc = escapeHtml;
