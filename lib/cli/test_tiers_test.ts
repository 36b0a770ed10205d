import assert from "node:assert/strict";
import { join } from "node:path";
import { testTiers } from "./test_tiers.ts";
import { fromRoot } from "../io/paths.ts";

// The fixtures spell the spawning calls in pieces, so that this file itself stays in the fast tier.
const COMMAND = "Deno." + "Command";
const CHILD_PROCESS = '"node:child' + '_process"';

Deno.test("testTiers() marks a test slow when it spawns or reaches a spawning module, however indirectly", async () => {
  const dir = await Deno.makeTempDir();
  const files: Record<string, string> = {
    "lib/py/run.ts": `export const run = () => new ${COMMAND}("python3").output();`,
    "lib/py/mod.ts": 'export * from "./run.ts";',
    "lib/a/uses_barrel.ts": 'import { run } from "../py/mod.ts";\nexport const go = run;',
    "lib/a/deep_test.ts": 'import { go } from "./uses_barrel.ts";',
    "lib/a/dynamic_test.ts": 'const m = await import("../py/run.ts");',
    "lib/a/self_test.ts": `import cp from ${CHILD_PROCESS};`,
    "lib/a/type_only_test.ts": 'import type { X } from "../py/run.ts";',
    "lib/a/comment_test.ts": `/** Not \`new ${COMMAND}(...)\`: only said in a comment. */\n` +
      `// ${COMMAND}\nexport const x = 1;`,
    "lib/a/pure.ts": "export const two = 2;",
    "lib/a/pure_test.ts": 'import { two } from "./pure.ts";',
    "lib/a/cycle_a.ts": 'import "./cycle_b.ts";',
    "lib/a/cycle_b.ts": 'import "./cycle_a.ts";\nimport "../py/run.ts";',
    "lib/a/cycle_test.ts": 'import "./cycle_a.ts";',
  };
  for (const [path, text] of Object.entries(files)) {
    await Deno.mkdir(join(dir, path, ".."), { recursive: true });
    await Deno.writeTextFile(join(dir, path), text);
  }
  const tiers = await testTiers(dir);
  assert.deepEqual(tiers.fast, [
    "lib/a/comment_test.ts",
    "lib/a/pure_test.ts",
    "lib/a/type_only_test.ts",
  ]);
  assert.deepEqual(tiers.slow.map((s) => s.file), [
    "lib/a/cycle_test.ts",
    "lib/a/deep_test.ts",
    "lib/a/dynamic_test.ts",
    "lib/a/self_test.ts",
  ]);
  assert.equal(tiers.slow[1].because, "imports lib/py/run.ts, which starts a process");
  assert.deepEqual(tiers.slowModules, [
    "lib/a/cycle_a.ts",
    "lib/a/cycle_b.ts",
    "lib/a/uses_barrel.ts",
    "lib/py/mod.ts",
    "lib/py/run.ts",
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("testTiers() puts the kernel, Python and report tests of this project in the slow tier", async () => {
  const tiers = await testTiers(fromRoot("."));
  const slow = tiers.slow.map((s) => s.file);
  for (
    const f of [
      "lib/report/figures_up_to_date_test.ts", // runs the report (kernel)
      "lib/pyenv/project_python_test.ts", // builds/uses .venv
      "lib/stats/student_t_test.ts", // scipy reference values
    ]
  ) assert.ok(slow.includes(f), `${f} should be slow`);
  const fast = [
    "lib/figures/figure_snapshot_test.ts",
    "lib/stats/holm_test.ts",
    "lib/cli/test_tiers_test.ts",
    "lib/cli/extract_notebook_test.ts",
  ];
  for (const f of fast) {
    assert.ok(tiers.fast.includes(f), `${f} should be fast`);
  }
});
