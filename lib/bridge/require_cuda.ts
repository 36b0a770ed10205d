/**
 * Refuses GPU jobs on a machine without CUDA, with a message that says where and how to run them.
 * @module
 */
import { REPO_ROOT } from "../io/paths.ts";
import { cudaPythonCandidates } from "../pyenv/project_python.ts";

/** What the probes found. */
export interface CudaProbe {
  /** True when `nvidia-smi -L` lists a GPU or torch sees CUDA. */
  available: boolean;
  /** GPU names listed by nvidia-smi (may be empty when only torch answered). */
  gpus: string[];
  /** One short line per probe, e.g. `nvidia-smi: not found`. */
  notes: string[];
}

/** Options for {@linkcode probeCuda} and {@linkcode requireCuda}. */
export interface ProbeCudaOptions {
  /** The nvidia-smi executable. Default: "nvidia-smi" (from PATH). */
  nvidiaSmi?: string;
  /** Interpreters asked for `torch.cuda.is_available()`. Default: {@linkcode cudaPythonCandidates}. */
  pythons?: string[];
}

async function output(
  cmd: string,
  args: string[],
): Promise<{ ok: boolean; text: string; missing: boolean }> {
  try {
    const r = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
    const dec = new TextDecoder();
    return { ok: r.success, text: dec.decode(r.stdout) + dec.decode(r.stderr), missing: false };
  } catch (error) {
    return {
      ok: false,
      text: (error as Error).message,
      missing: error instanceof Deno.errors.NotFound,
    };
  }
}

/** Probes `nvidia-smi -L`, then torch in each interpreter, stopping at the first that finds a GPU. */
export async function probeCuda(options: ProbeCudaOptions = {}): Promise<CudaProbe> {
  const notes: string[] = [];
  const smi = options.nvidiaSmi ?? "nvidia-smi";
  const listed = await output(smi, ["-L"]);
  const gpus = listed.ok
    ? listed.text.split("\n").filter((l) => l.startsWith("GPU ")).map((l) => l.trim())
    : [];
  if (gpus.length > 0) return { available: true, gpus, notes: [`${smi}: ${gpus.length} GPU(s)`] };
  notes.push(listed.missing ? `${smi}: not found` : `${smi}: no GPU listed`);
  for (const py of options.pythons ?? cudaPythonCandidates()) {
    const r = await output(py, ["-c", "import torch; print(torch.cuda.is_available())"]);
    if (r.ok && r.text.trim().endsWith("True")) {
      return { available: true, gpus, notes: [...notes, `${py}: torch sees CUDA`] };
    }
    notes.push(
      r.missing
        ? `${py}: not found`
        : r.ok
        ? `${py}: torch sees no CUDA device`
        : `${py}: torch not importable`,
    );
  }
  return { available: false, gpus, notes };
}

/**
 * Throws unless CUDA is available, naming what was probed and the exact command to run on a GPU
 * machine instead.
 *
 * @param command The command the caller was about to run, e.g. `python python/train.py --config=...`.
 * @returns The probe result when a GPU is there.
 * @throws {Error} `This needs a CUDA GPU ...` when none is found.
 */
export async function requireCuda(
  command: string,
  options: ProbeCudaOptions = {},
): Promise<CudaProbe> {
  const probe = await probeCuda(options);
  if (probe.available) return probe;
  throw new Error(
    `This needs a CUDA GPU and none was found on this machine (${probe.notes.join("; ")}). ` +
      `Run it on a GPU machine, from the repository root:\n  cd ${REPO_ROOT} && ${command}`,
  );
}
