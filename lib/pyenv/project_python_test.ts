import assert from "node:assert/strict";
import { join } from "node:path";
import { checkPython, projectPython, PythonEnvError } from "./project_python.ts";
import { parseNeeds } from "./python_needs.ts";

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

async function stamp(venv: string): Promise<Record<string, string>> {
  return JSON.parse(await Deno.readTextFile(join(venv, ".workbench-layers.json"))).layers;
}

Deno.test("projectPython() installs a layer once, reuses it, and reinstalls it when its pins change", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pyenv-" });
  const venv = join(dir, "venv");
  const reqs = join(dir, "requirements");
  await Deno.mkdir(reqs);
  await Deno.writeTextFile(join(reqs, "pytest.txt"), "pytest==9.1.1\n");
  const lines: string[] = [];
  const options = {
    venv,
    requirementsDir: reqs,
    override: null,
    log: (l: string) => lines.push(l),
  };
  const python = await projectPython(["pytest"], options);
  assert.equal(python, join(venv, "bin", "python"));
  assert.deepEqual(await checkPython(python, ["pytest"]), { ok: true });
  assert.ok(lines.some((l) => /installing pytest into/.test(l)), lines.join("\n"));
  assert.deepEqual(Object.keys(await stamp(venv)), ["pytest"]);

  const before = lines.length;
  assert.equal(await projectPython(["pytest"], options), python);
  assert.equal(lines.length, before, "a matching layer is not reinstalled");

  await Deno.writeTextFile(join(reqs, "pytest.txt"), "pytest==9.1.1\n# pins reviewed\n");
  await projectPython(["pytest"], { ...options, venv: `${venv}/` }); // another cache key, same folder
  assert.ok(lines.slice(before).some((l) => /installing pytest/.test(l)), "changed pins reinstall");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("projectPython() reports a failed install, records nothing, and never deletes the environment", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pyenv-" });
  const venv = join(dir, "venv");
  const reqs = join(dir, "requirements");
  await Deno.mkdir(reqs);
  await Deno.writeTextFile(join(reqs, "pytest.txt"), "./no-such-package-folder\n");
  const options = { venv, requirementsDir: reqs, override: null, log: () => {} };
  await assert.rejects(
    projectPython(["pytest"], options),
    (e: Error) =>
      e instanceof PythonEnvError && /Cannot install pytest \(the Python tests\)/.test(e.message) &&
      /pip failed/.test(e.message),
  );
  assert.ok(await exists(join(venv, "bin", "python")), "the environment itself stays");
  assert.ok(!(await exists(join(venv, ".workbench-layers.json"))), "no layer is recorded");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("projectPython() says how to get Python when no base interpreter can make an environment", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pyenv-" });
  const venv = join(dir, "venv");
  await assert.rejects(
    projectPython(["retrieval"], {
      venv,
      basePythons: ["/nonexistent/python3"],
      override: null,
      log: () => {},
    }),
    /Cannot create the project's Python environment .*\/nonexistent\/python3: not found.*python3-venv/,
  );
  assert.ok(!(await exists(venv)), "the folder it created is removed again");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("projectPython() checks WORKBENCH_PYTHON and says what it lacks, without installing into it", async () => {
  assert.equal(await projectPython([], { override: "python3" }), "python3");
  await assert.rejects(
    projectPython(["lab"], { override: "/nonexistent/python" }),
    /WORKBENCH_PYTHON=\/nonexistent\/python cannot be used for JupyterLab: not found\. Install into it with '\/nonexistent\/python -m pip install -r python\/requirements\/lab\.txt'/,
  );
});

Deno.test("projectPython() refuses GPU work where no interpreter sees CUDA, naming what it tried", async () => {
  await assert.rejects(
    projectPython(["cuda"], {
      venv: "/nonexistent/venv",
      basePythons: ["/nonexistent/python3"],
      override: null,
    }),
    /needs a CUDA GPU and the machine's own torch, transformers and peft .*Tried \/nonexistent\/venv\/bin\/python: not found; \/nonexistent\/python3: not found.*set WORKBENCH_PYTHON/,
  );
  // A real interpreter without CUDA torch is refused with its reason (here: no torch, or no GPU).
  const probe = await checkPython("python3", ["json"], { cuda: true });
  if (!probe.ok) assert.match(probe.why, /torch|CUDA/);
});

Deno.test("parseNeeds() accepts known needs and names the known ones otherwise", () => {
  assert.deepEqual(parseNeeds(["notebooks", "lab", "lab"]), ["notebooks", "lab"]);
  assert.throws(() => parseNeeds(["torch"]), /Unknown Python need "torch"; known: notebooks, /);
});

Deno.test("projectPython() builds the environment aside and renames it into place: a base that fails half-way leaves nothing to write over", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pyenv-" });
  const venv = join(dir, "venv");
  // A base interpreter that writes half an environment (a python pointing nowhere) and fails.
  const half = join(dir, "half-python");
  await Deno.writeTextFile(
    half,
    '#!/bin/sh\n# called as: half-python -m venv [--without-pip] DIR\nfor a; do d="$a"; done\n' +
      'mkdir -p "$d/bin" && ln -s /nonexistent/python3 "$d/bin/python" && ' +
      'echo "home = /nonexistent" > "$d/pyvenv.cfg"; exit 1\n',
  );
  await Deno.chmod(half, 0o755);
  const lines: string[] = [];
  const options = {
    venv,
    basePythons: [half, "python3"],
    override: null,
    log: (l: string) => lines.push(l),
  };
  // Two tasks set up the same clone at once.
  const [a, b] = await Promise.all([projectPython([], options), projectPython([], options)]);
  assert.equal(a, join(venv, "bin", "python"));
  assert.equal(b, a);
  assert.equal(lines.filter((l) => /created/.test(l)).length, 1, lines.join("\n"));
  assert.deepEqual(await checkPython(a, ["subprocess", "pip"]), { ok: true });
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["half-python", "venv"]);
  const activate = await Deno.readTextFile(join(venv, "bin", "activate"));
  assert.ok(
    activate.includes(venv) && !activate.includes(".building-"),
    "activate names the folder",
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("projectPython() checks the environment before using it: a broken one is named, not installed into", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pyenv-" });
  const venv = join(dir, "venv");
  await Deno.mkdir(join(venv, "bin"), { recursive: true });
  await Deno.symlink("/nonexistent/python3", join(venv, "bin", "python"));
  await assert.rejects(
    projectPython([], { venv, override: null, log: () => {} }),
    (e: Error) =>
      e instanceof PythonEnvError &&
      new RegExp(`environment .*venv/ is broken .*remove it`).test(e.message),
  );
  assert.ok(await Deno.lstat(join(venv, "bin", "python")), "nothing removed");
  await Deno.remove(dir, { recursive: true });
});
