/**
 * The README and `docs/`, checked: the README stays short (at most 12 KB) and still says how to
 * test, every page in `docs/` is reachable from it, and every relative link in `README.md` and
 * `docs/*.md` points at a file that exists (and, for a `#fragment` into a Markdown file, at one of
 * its headings).
 */
import assert from "node:assert/strict";
import { dirname, join, relative } from "node:path";
import { REPO_ROOT } from "./io/paths.ts";

const README = join(REPO_ROOT, "README.md");
const DOCS = join(REPO_ROOT, "docs");
const README_MAX_BYTES = 12 * 1024;

/** A link's target as written, and the line it is on. */
interface Link {
  target: string;
  line: number;
}

/** `text` with fenced code blocks and code spans blanked (same length, newlines kept). */
function withoutCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
}

/** Inline links and images `[text](target)` and reference definitions `[x]: target`. */
function markdownLinks(text: string): Link[] {
  const prose = withoutCode(text);
  const lineAt = (index: number) => prose.slice(0, index).split("\n").length;
  const out: Link[] = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    out.push({ target: m[1], line: lineAt(m.index) });
  }
  for (const m of prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    out.push({ target: m[1], line: lineAt(m.index) });
  }
  return out;
}

/** GitHub's anchors for the headings of a Markdown text (duplicates get `-1`, `-2`, ...). */
function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const noFences = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const m of noFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Whether `path` is a file or folder (a link may point at either). */
async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** Broken relative links of one Markdown file, as `file:line: target (why)`. */
async function brokenLinks(file: string): Promise<string[]> {
  const text = await Deno.readTextFile(file);
  const out: string[] = [];
  for (const { target, line } of markdownLinks(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
    const [rawPath, fragment] = target.split("#", 2);
    const path = decodeURIComponent(rawPath);
    const resolved = path === ""
      ? file
      : join(path.startsWith("/") ? REPO_ROOT : dirname(file), path);
    const where = `${relative(REPO_ROOT, file)}:${line}: ${target}`;
    if (!await exists(resolved)) {
      out.push(`${where} (no such file: ${relative(REPO_ROOT, resolved)})`);
    } else if (fragment && resolved.endsWith(".md")) {
      if (!headingAnchors(await Deno.readTextFile(resolved)).has(fragment)) {
        out.push(`${where} (no heading with the anchor #${fragment})`);
      }
    }
  }
  return out;
}

async function docsPages(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(DOCS)) {
    if (e.isFile && e.name.endsWith(".md")) out.push(join(DOCS, e.name));
  }
  return out.sort();
}

Deno.test("markdownLinks() finds inline, image and reference links, and none inside code", () => {
  const text = [
    'See [a](docs/a.md) and ![b](b.png "title").',
    "`[not](code.md)` and",
    "```",
    "[not](fenced.md)",
    "```",
    "[ref]: ../c.md#part",
  ].join("\n");
  assert.deepEqual(markdownLinks(text), [
    { target: "docs/a.md", line: 1 },
    { target: "b.png", line: 1 },
    { target: "../c.md#part", line: 6 },
  ]);
});

Deno.test("headingAnchors() makes GitHub's anchors: lower case, punctuation dropped, duplicates numbered", () => {
  const anchors = headingAnchors("# What `deno task report` writes\n## Safety\n## Safety\n");
  assert.deepEqual([...anchors], ["what-deno-task-report-writes", "safety", "safety-1"]);
});

Deno.test("brokenLinks() names a missing file and a missing heading, with file and line", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "b.md"), "# Present\n");
    const a = join(dir, "a.md");
    await Deno.writeTextFile(a, "[ok](b.md#present)\n[gone](missing.md)\n[bad](b.md#absent)\n");
    const broken = await brokenLinks(a);
    assert.equal(broken.length, 2);
    assert.match(broken[0], /a\.md:2: missing\.md \(no such file/);
    assert.match(broken[1], /a\.md:3: b\.md#absent \(no heading with the anchor #absent\)/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test(`README.md is at most ${README_MAX_BYTES} bytes`, async () => {
  const bytes = (await Deno.stat(README)).size;
  assert.ok(
    bytes <= README_MAX_BYTES,
    `README.md is ${bytes} bytes, more than ${README_MAX_BYTES}: move reference text into docs/`,
  );
});

Deno.test("README.md gives the test commands and the notes on dependencies", async () => {
  const text = await Deno.readTextFile(README);
  for (const needed of ["deno task test", "deno task test --fast", "deno task check"]) {
    assert.ok(text.includes(needed), `README.md does not mention \`${needed}\``);
  }
  assert.match(text, /^## Notes on dependencies$/m, "README.md has no 'Notes on dependencies'");
  assert.ok(
    text.includes("](docs/dependencies.md)"),
    "README.md does not link docs/dependencies.md",
  );
});

Deno.test("README.md links every page in docs/", async () => {
  const linked = new Set(
    markdownLinks(await Deno.readTextFile(README)).map((l) => l.target.split("#")[0]),
  );
  const pages = (await docsPages()).map((p) => relative(REPO_ROOT, p));
  assert.ok(pages.length > 0, "docs/ holds no Markdown page");
  const unlinked = pages.filter((p) => !linked.has(p));
  assert.deepEqual(
    unlinked,
    [],
    `pages in docs/ that README.md does not link: ${unlinked.join(", ")}`,
  );
});

Deno.test("every relative link in README.md and docs/*.md resolves", async () => {
  const files = [README, ...await docsPages()];
  const links =
    (await Promise.all(files.map(async (f) => markdownLinks(await Deno.readTextFile(f)))))
      .flat();
  assert.ok(links.length >= 20, `only ${links.length} links found: is the link parser broken?`);
  const broken = (await Promise.all(files.map(brokenLinks))).flat();
  assert.deepEqual(broken, [], `broken links:\n${broken.join("\n")}`);
});
