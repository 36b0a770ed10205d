/**
 * A section of the Markdown report, built by one notebook: text, tables and figures. Tables and
 * figures are written to the output folder as they are added; {@linkcode ReportSection.save}
 * hands the section's Markdown to the report runner, which assembles `report.md` in notebook
 * order. Opened interactively, a notebook writes its figures and tables to the same folder and
 * shows them inline.
 * @module
 */
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { displayPath } from "../paths.ts";
import { type ReportParams, reportParams } from "../params.ts";
import {
  type TableRows,
  writeTable,
  type WriteTableOptions,
  type WrittenTable,
} from "../tables/write_table.ts";
import { type SavedFigure, saveFigure } from "../figures/saved_figure.ts";

/** An input file a table was computed from. */
export interface SourceFile {
  path: string;
  sha256: string;
}

/** Options for {@linkcode ReportSection.table}. */
export interface SectionTableOptions extends WriteTableOptions {
  /** Input files the table was computed from; listed under it with their SHA-256. Required. */
  sources: readonly SourceFile[];
  /** A sentence under the table (e.g. how to read it). Default: none. */
  note?: string;
  /** Show the table in the report body; when `false` only links are given. Default: `true`. */
  inline?: boolean;
}

/** Options for {@linkcode ReportSection.figure}. */
export interface SectionFigureOptions {
  /** Caption under the figure in the report. Required: say what the figure shows. */
  caption: string;
}

/** A table as written, displayed as Markdown in the notebook. */
export class SectionTable {
  constructor(readonly table: WrittenTable) {}
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/markdown": this.table.markdown };
  }
}

/** Builds one notebook's part of the report. */
export class ReportSection {
  readonly params: ReportParams;
  readonly tablesDir: string;
  #parts: string[] = [];

  /**
   * @param id Section id: the notebook's stem (e.g. `20_scaling`); orders and names the part.
   * @param title Heading of the section.
   */
  constructor(readonly id: string, readonly title: string, params: ReportParams = reportParams()) {
    if (!/^[0-9]{2}_[a-z0-9_]+$/.test(id)) {
      throw new TypeError(`Section id must look like "20_scaling", got "${id}"`);
    }
    this.params = params;
    this.tablesDir = join(params.out, "tables");
    this.#parts.push(`## ${title}\n`);
  }

  /** Appends Markdown text (a paragraph, a list, a sub-heading). */
  text(markdown: string): this {
    this.#parts.push(markdown.trim() + "\n");
    return this;
  }

  /** Writes `tables/<name>.{csv,md,tex}` and adds the table, its links and its inputs. */
  async table(name: string, rows: TableRows, options: SectionTableOptions): Promise<SectionTable> {
    const { sources, note, inline = true, ...tableOptions } = options;
    if (sources.length === 0) {
      throw new TypeError(`Table "${name}" needs its input files (sources)`);
    }
    const written = await writeTable(rows, this.tablesDir, name, tableOptions);
    const caption = tableOptions.caption ?? name;
    const lines = [
      `**Table ${name}.** ${caption} ([CSV](tables/${name}.csv), [LaTeX](tables/${name}.tex))\n`,
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
    return new SectionTable(written);
  }

  /** Writes `<name>.svg` and `<name>.png` and adds the figure with its caption. */
  async figure(name: string, svg: string, options: SectionFigureOptions): Promise<SavedFigure> {
    const saved = await saveFigure(svg, this.params.out, name);
    this.#parts.push(
      `![${
        options.caption.replaceAll("]", ")")
      }](${name}.svg)\n\n*Figure ${name}.* ${options.caption} ([PNG](${name}.png))\n`,
    );
    return saved;
  }

  /** The section's Markdown so far. */
  markdown(): string {
    return this.#parts.join("\n");
  }

  /** Hands the section to the report runner (when running under `deno task report`). */
  async save(): Promise<void> {
    if (this.params.sectionsDir === null) return;
    await writeFileAtomic(join(this.params.sectionsDir, `${this.id}.md`), this.markdown());
  }

  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/markdown": this.markdown() };
  }
}
