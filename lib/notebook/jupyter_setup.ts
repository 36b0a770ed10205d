/**
 * Sets up what headless notebook runs need, idempotently: a Python with nbclient (the Jupyter
 * protocol client) and the Deno kernelspec. Where it cannot install something itself it says
 * exactly what to install.
 * @module
 */

/** Python interpreters tried, in order; `WORKBENCH_JUPYTER_PYTHON` comes first when set. */
export function pythonCandidates(): string[] {
  const first = Deno.env.get("WORKBENCH_JUPYTER_PYTHON");
  return [...(first ? [first] : []), "python3", "/usr/bin/python3"];
}

async function run(
  cmd: string,
  args: string[],
  quiet = true,
): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await new Deno.Command(cmd, {
      args,
      stdout: quiet ? "piped" : "inherit",
      stderr: quiet ? "piped" : "inherit",
      env: { DEBIAN_FRONTEND: "noninteractive" },
    }).output();
    const dec = new TextDecoder();
    return { ok: r.success, out: quiet ? dec.decode(r.stdout) + dec.decode(r.stderr) : "" };
  } catch {
    return { ok: false, out: "" };
  }
}

/** The first interpreter that can import all `modules`, or `null`. */
export async function findPython(
  modules: string[],
  candidates = pythonCandidates(),
): Promise<string | null> {
  for (const py of candidates) {
    if ((await run(py, ["-c", `import ${modules.join(", ")}`])).ok) return py;
  }
  return null;
}

/**
 * Installs Debian packages when running as root with apt-get available; returns whether it tried
 * and succeeded.
 */
export async function aptInstall(packages: string[]): Promise<boolean> {
  const isRoot = Deno.uid?.() === 0;
  if (!isRoot || !(await run("apt-get", ["--version"])).ok) return false;
  console.error(`Installing Debian packages: ${packages.join(" ")} (apt-get)`);
  await run("apt-get", ["update", "-qq"], false);
  return (await run(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...packages],
    false,
  )).ok;
}

let cached: string | null = null;

/**
 * A Python that can run notebooks (nbclient, nbformat, jupyter_client), installing nbclient from
 * Debian's apt (as root) or with pip when it is missing.
 */
export async function jupyterPython(): Promise<string> {
  if (cached) return cached;
  const modules = ["nbclient", "nbformat", "jupyter_client"];
  let py = await findPython(modules);
  if (!py) {
    if (!(await aptInstall(["python3-nbclient"]))) {
      await run(
        "python3",
        ["-m", "pip", "install", "--user", "--quiet", "nbclient", "nbformat"],
        false,
      );
    }
    py = await findPython(modules);
  }
  if (!py) {
    throw new Error(
      "No Python with nbclient found, and it could not be installed automatically. Install it with " +
        "'sudo apt-get install python3-nbclient' (Debian/Ubuntu) or 'python3 -m pip install nbclient', " +
        "or point WORKBENCH_JUPYTER_PYTHON at a Python that has it",
    );
  }
  cached = py;
  return py;
}

const KERNEL_PROBE = `
import json
from jupyter_client.kernelspec import KernelSpecManager
try:
    print(json.dumps(KernelSpecManager().get_kernel_spec("deno").argv))
except Exception:
    print("null")
`;

/** The Deno kernelspec's command, or `null` when no `deno` kernelspec is installed. */
export async function denoKernelArgv(): Promise<string[] | null> {
  const py = await jupyterPython();
  const r = await run(py, ["-c", KERNEL_PROBE]);
  if (!r.ok) return null;
  return JSON.parse(r.out.trim().split("\n").pop() ?? "null");
}

/**
 * Makes sure a `deno` kernelspec exists and points at an existing Deno executable; installs one
 * for the running Deno (`deno jupyter --install --force`) otherwise.
 */
export async function ensureDenoKernel(): Promise<string> {
  const argv = await denoKernelArgv();
  if (argv && argv.length > 0) {
    try {
      await Deno.stat(argv[0]);
      return argv[0];
    } catch { /* stale kernelspec: reinstall below */ }
  }
  const deno = Deno.execPath();
  const r = await run(deno, ["jupyter", "--install", "--force"]);
  const after = await denoKernelArgv();
  if (!r.ok || !after) {
    throw new Error(
      `Cannot install the Deno Jupyter kernelspec with "${deno} jupyter --install": ${r.out.trim()}`,
    );
  }
  console.error(`Installed the Deno Jupyter kernelspec (${after[0]})`);
  return after[0];
}
