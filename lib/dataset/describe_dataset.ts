/**
 * The dataset section's prose, computed from the dataset tables so that every number in it
 * matches a table cell.
 * @module
 */
import pl from "nodejs-polars";
import { displayPath } from "../io/paths.ts";
import { escapeMarkdown } from "../escape/escape_markdown.ts";
import { markdownCode } from "../escape/markdown_code.ts";
import type { Dataset } from "./load_dataset.ts";
import type { LanguageRow } from "./language_table.ts";
import type { DomainRow } from "./domain_table.ts";
import type { LengthRow } from "./length_table.ts";
import type { DuplicateRow, LeakageRow } from "./duplicate_tables.ts";
import { ALL_SPLITS } from "./_splits.ts";

/** The tables {@linkcode describeDataset} reads. */
export interface DatasetTables {
  languages: readonly LanguageRow[];
  domains: readonly DomainRow[];
  lengths: readonly LengthRow[];
  duplicates: readonly DuplicateRow[];
  leakage: readonly LeakageRow[];
  /** Jaccard threshold of `near`. */
  threshold: number;
}

const int = (n: number) => n.toLocaleString("en");
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => (Number.isInteger(x) ? int(x) : x.toFixed(1));

/**
 * Writes the dataset section's paragraphs (Markdown): composition, languages under both rules,
 * domains both ways, lengths, duplicates and train/validation overlap. Every number comes from
 * `tables` or from the file reports in `dataset`.
 *
 * @param dataset The loaded dataset (file reports and, for the multi-domain count, the frame).
 * @param tables The dataset tables.
 * @returns Markdown paragraphs.
 */
export function describeDataset(dataset: Dataset, tables: DatasetTables): string {
  const { languages, domains, lengths, duplicates, leakage, threshold } = tables;
  const pooled = languages.some((r) => r.split === ALL_SPLITS) ? ALL_SPLITS : languages[0].split;
  const splits = [...new Set(languages.map((r) => r.split))].filter((s) => s !== ALL_SPLITS);
  const total = dataset.frame.height;
  const parts: string[] = [];

  const files = dataset.files.map((f) =>
    `${markdownCode(displayPath(f.path))} (${escapeMarkdown(f.split)}: ${int(f.rows)} rows` +
    (f.badLineCount > 0
      ? `, ${int(f.badLineCount)} malformed line${f.badLineCount === 1 ? "" : "s"} skipped`
      : "") +
    ")"
  );
  const bad = dataset.files.reduce((s, f) => s + f.badLineCount, 0);
  const sample = dataset.files.some((f) => displayPath(f.path).startsWith("data/sample/"));
  parts.push(
    `**Composition.** ${int(total)} rows from ${files.join(", ")}.` +
      (sample
        ? " These are the illustrative sample written for this repository (`data/sample/README.md`), not the study's data."
        : "") +
      (bad > 0
        ? ` ${
          int(bad)
        } malformed lines were skipped (\`--skip-bad-lines\`); their line numbers are in the notebook.`
        : ""),
  );

  const lang = (rule: string, language: string, split = pooled) =>
    languages.find((r) => r.split === split && r.rule === rule && r.language === language)!;
  const kz = lang("legacy", "kz"), ru = lang("legacy", "ru");
  const ls = ["kz", "ru", "mixed", "none"].map((l) => lang("letter_share", l)).filter((r) =>
    r.n > 0
  );
  const frame = dataset.frame;
  const moved = frame.filter(
    pl.col("language_legacy").eq(pl.lit("kz")).and(pl.col("language").eq(pl.lit("kz")).not()),
  ).height;
  parts.push(
    `**Languages.** By the study's rule (Kazakh if any of ә ғ қ ң ө ү ұ і occurs in instruction, input or answer) ` +
      `${int(kz.n)} rows are Kazakh (${pct(kz.share)}) and ${int(ru.n)} Russian (${
        pct(ru.share)
      }); the study reported 23.8% and 76.2%. ` +
      `By the share of Kazakh-specific letters: ${
        ls.map((r) => `${r.language} ${int(r.n)} (${pct(r.share)})`).join(", ")
      }. ` +
      `${int(moved)} row${moved === 1 ? "" : "s"} that the study's rule calls Kazakh ${
        moved === 1 ? "is" : "are"
      } not Kazakh by letter share: ` +
      `the study's rule needs only one Kazakh letter anywhere in the row (a quoted Kazakh name is enough).`,
  );

  const dom = domains.filter((r) => r.split === pooled);
  const sumMulti = dom.reduce((s, r) => s + r.share_multilabel, 0);
  const top = dom.filter((r) => r.domain !== "other").sort((a, b) =>
    b.n_multilabel - a.n_multilabel || a.domain.localeCompare(b.domain)
  ).slice(0, 3);
  const other = dom.find((r) => r.domain === "other")!;
  const multi = frame.filter(pl.col("n_domains").gtEq(2)).height;
  parts.push(
    `**Domains.** Counted as the study did (a row counts for every domain whose keyword stems it contains), the ` +
      `shares add up to ${pct(sumMulti)}, not 100%: ${int(multi)} rows (${
        pct(multi / total)
      }) match two or more domains. ` +
      `Most frequent: ${top.map((r) => `${r.domain} ${pct(r.share_multilabel)}`).join(", ")}; ${
        pct(other.share_multilabel)
      } match no keyword (other). ` +
      `As one primary domain per row (first match in the study's order) the shares add up to 100%: ` +
      `${top.map((r) => `${r.domain} ${pct(r.share_primary)}`).join(", ")}.`,
  );

  const len = (field: string) =>
    lengths.find((r) => r.split === pooled && r.language === "all" && r.field === field)!;
  parts.push(
    `**Lengths** (words, Python \`len(text.split())\`): ` +
      ["instruction", "input", "output"].map((f) => {
        const r = len(f);
        return `${f} mean ${num(r.mean)}, median ${num(r.median)}, p95 ${num(r.p95)}, max ${
          int(r.max)
        }`;
      }).join("; ") +
      ". The study reported means of 8.5, 13.4 and 49.5 and maxima of 48, 882 and 2,417 for its training split.",
  );

  const dup = (key: string, kind: string, split: string, other: string) =>
    duplicates.find((r) =>
      r.key === key && r.kind === kind && r.split === split && r.other_split === other
    )!;
  const within = splits.map((s) => {
    const e = dup("question", "exact", s, s), n = dup("question", "near", s, s);
    return `${s}: ${int(e.n_with_duplicate)} rows (${
      pct(e.share)
    }) have an exact duplicate question, ${int(n.n_with_duplicate)} (${pct(n.share)}) a near one`;
  });
  parts.push(
    `**Duplicates within splits.** ${
      within.join("; ")
    }. Exact means equal after normalisation (case, ё/е, punctuation, spacing); ` +
      `near means a Jaccard similarity of character 5-gram sets of at least ${threshold}, found with MinHash LSH and confirmed exactly.`,
  );

  const train = splits.find((s) => s === "train");
  const heldOut = splits.filter((s) => s !== "train");
  if (train && heldOut.length > 0) {
    const lines = heldOut.map((s) => {
      const q = dup("question", "near", s, train),
        qe = dup("question", "exact", s, train),
        p = dup("pair", "near", s, train);
      const strict = leakage.find((r) =>
        r.key === "question" && r.split === s && r.other_split === train && r.threshold === "0.9"
      );
      return `${int(q.n_with_duplicate)} of ${int(q.n_rows)} ${s} questions (${
        pct(q.share)
      }) have a near-duplicate question in ${train} ` +
        `(${int(qe.n_with_duplicate)} exact${
          strict ? `, ${int(strict.n_with_duplicate)} at Jaccard ≥ 0.9` : ""
        }), and ${int(p.n_with_duplicate)} ` +
        `(${pct(p.share)}) a near-duplicate question-and-answer pair`;
    });
    parts.push(
      `**Train/validation overlap.** ${
        lines.join("; ")
      }. A model fine-tuned on ${train} may have seen these questions in nearly ` +
        `the same words: up to this share of ${
          heldOut.join("/")
        } questions could be answered from memory rather than by ` +
        `generalisation, and scores on the rows without an overlap are the clean comparison. The study did not check this.`,
    );
  } else {
    parts.push(
      `**Train/validation overlap.** Not measured: the data given has no split named \`train\` ` +
        `(splits: ${
          splits.map((s) => `\`${s}\``).join(", ")
        }). Pass the training file too (\`--data train.jsonl validation.jsonl\`) to measure it.`,
    );
  }
  return parts.join("\n\n");
}
