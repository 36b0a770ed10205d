/**
 * Sorts the project's test files into two tiers by what they do, so that `deno task test --fast`
 * needs no rule kept by hand. The rule: a file *spawns* when its source creates a process
 * (`Deno.Command`, `Deno.run`, `node:child_process`; comments are not read). A test file is **slow** when it spawns or
 * imports, directly or through other project modules (static `import`/`export … from` and
 * dynamic `import("…")` with a literal path; `import type` does not count, it runs nothing), a
 * module that spawns. Every process the tests start (a Jupyter kernel through nbclient, Python
 * for the reference statistics, the report, a child `deno run`) goes through such a module, so
 * it lands in the slow tier by itself; everything else runs in-process and is **fast**.
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";

/** The two tiers, each a sorted list of paths relative to the root that was scanned. */
export interface TestTiers {
  /** Test files that start no process, directly or through what they import. */
  fast: string[];
  /** Test files that start a process (kernel, Python, report, child Deno), with the reason. */
  slow: { file: string; because: string }[];
  /** Non-test modules that start a process: the fast tier skips their doc examples too. */
  slowModules: string[];
}

/** Options for {@linkcode testTiers}. */
export interface TestTiersOptions {
  /** Folders (relative to `root`) to scan. Default `["lib"]`. */
  dirs?: string[];
  /** Path segments to skip. Default `["node_modules", "fixtures", "__snapshots__", ".check"]`. */
  skip?: string[];
}

const SPAWNS = /\bDeno\.Command\b|\bDeno\.run\s*\(|["'](?:node:)?child_process["']/;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^"'`;]*?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** `source` without its block comments and whole-line `//` comments (doc examples mention spawning). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function isTest(path: string): boolean {
  return /_test\.tsx?$/.test(path);
}

/** Paths of the local modules that `source` (at `file`) imports at run time. */
export function localImports(source: string, file: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    if (m[1]) continue; // `import type …` runs nothing
    const spec = m[2] ?? m[3];
    if (spec && (spec.startsWith("./") || spec.startsWith("../"))) {
      out.push(resolve(dirname(file), spec));
    }
  }
  return out;
}

async function walk(dir: string, skip: string[], out: string[]): Promise<void> {
  for await (const e of Deno.readDir(dir)) {
    if (skip.includes(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory) await walk(p, skip, out);
    else if (e.isFile && /\.tsx?$/.test(e.name)) out.push(p);
  }
}

/**
 * Scans the TypeScript files under `root` and sorts the test files into tiers by the rule in
 * this module's doc.
 *
 * @param root The repository root.
 * @returns The fast and slow test files, and the modules whose doc tests are slow.
 * @example
 * ```ts
 * import { testTiers } from "./test_tiers.ts";
 * const dir = Deno.makeTempDirSync();
 * Deno.writeTextFileSync(`${dir}/py.ts`, 'export const run = () => new Deno.Command("python3");');
 * Deno.writeTextFileSync(`${dir}/a_test.ts`, 'import { run } from "./py.ts";');
 * Deno.writeTextFileSync(`${dir}/b_test.ts`, 'import type { X } from "./py.ts";');
 * const tiers = await testTiers(dir, { dirs: ["."] });
 * if (tiers.fast.join() !== "b_test.ts" || tiers.slow[0].file !== "a_test.ts") throw new Error();
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export async function testTiers(root: string, options: TestTiersOptions = {}): Promise<TestTiers> {
  const { dirs = ["lib"], skip = ["node_modules", "fixtures", "__snapshots__", ".check"] } =
    options;
  const files: string[] = [];
  for (const d of dirs) await walk(resolve(root, d), skip, files);
  const sources = new Map<string, string>();
  await Promise.all(files.map(async (f) => sources.set(f, await Deno.readTextFile(f))));

  // Why each file spawns (null: it does not), memoised; cycles resolve to "does not" while open.
  const reason = new Map<string, string | null>();
  const spawns = (file: string): string | null => {
    if (reason.has(file)) return reason.get(file)!;
    const src = sources.get(file);
    if (src === undefined) return null; // outside the scan (e.g. a JSON import)
    reason.set(file, null);
    let why: string | null = SPAWNS.test(code(src)) ? "starts a process itself" : null;
    for (const dep of localImports(code(src), file)) {
      if (why) break;
      const sub = spawns(dep);
      if (sub !== null) {
        const rel = relative(root, dep);
        why = sub === "starts a process itself" ? `imports ${rel}, which starts a process` : sub;
      }
    }
    reason.set(file, why);
    return why;
  };

  const rel = (f: string) => relative(root, f);
  const fast: string[] = [], slow: { file: string; because: string }[] = [];
  const slowModules: string[] = [];
  for (const f of [...files].sort()) {
    const why = spawns(f);
    if (isTest(f)) {
      if (why === null) fast.push(rel(f));
      else slow.push({ file: rel(f), because: why });
    } else if (why !== null) slowModules.push(rel(f));
  }
  return { fast, slow, slowModules };
}
