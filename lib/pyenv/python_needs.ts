/**
 * What the project's Python is needed for, and what each need installs. Every task that runs
 * Python names its needs; {@linkcode projectPython} turns them into one interpreter.
 * @module
 */

/**
 * A reason to run Python:
 * - `notebooks`: headless notebook execution (nbclient);
 * - `retrieval`: the CPU retrieval baseline and RAG retrieval (scikit-learn), result validation;
 * - `pytest`: the Python tests;
 * - `torch-cpu`: CPU torch, transformers, peft (the tiny-Qwen3 tests, `--device=cpu` smoke runs);
 * - `lab`: JupyterLab (`deno task lab`);
 * - `cuda`: training and generation on a GPU, with the machine's own CUDA stack (never installed
 *   by the workbench: CUDA torch must match the machine's driver).
 */
export type PythonNeed = "notebooks" | "retrieval" | "pytest" | "torch-cpu" | "lab" | "cuda";

/** How one need is met. */
export interface PythonNeedSpec {
  /** Pinned requirements under `python/requirements/`, or `null` (the machine provides it). */
  requirements: string | null;
  /** Modules an interpreter must import to meet the need. */
  modules: readonly string[];
  /** What the need is for, in a few words (for messages). */
  purpose: string;
}

/** Every need, in the order layers are installed. */
export const PYTHON_NEEDS: Readonly<Record<PythonNeed, PythonNeedSpec>> = Object.freeze({
  notebooks: {
    requirements: "notebooks.txt",
    modules: ["nbclient", "nbformat", "jupyter_client"],
    purpose: "headless notebook runs",
  },
  retrieval: {
    requirements: "retrieval.txt",
    modules: ["numpy", "sklearn", "jsonschema"],
    purpose: "the retrieval baseline",
  },
  pytest: { requirements: "pytest.txt", modules: ["pytest"], purpose: "the Python tests" },
  "torch-cpu": {
    requirements: "torch-cpu.txt",
    modules: ["torch", "transformers", "peft", "accelerate", "tokenizers"],
    purpose: "CPU model runs",
  },
  lab: { requirements: "lab.txt", modules: ["jupyterlab"], purpose: "JupyterLab" },
  cuda: {
    requirements: null,
    modules: ["torch", "transformers", "peft"],
    purpose: "GPU training and generation",
  },
});

/** The needs a name list stands for, validated. */
export function parseNeeds(names: readonly string[]): PythonNeed[] {
  const known = Object.keys(PYTHON_NEEDS);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new RangeError(`Unknown Python need "${name}"; known: ${known.join(", ")}`);
    }
  }
  return [...new Set(names as PythonNeed[])];
}
