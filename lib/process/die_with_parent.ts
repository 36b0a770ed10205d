/**
 * Ties a child process's life to its parent's (Linux).
 * @module
 */

/** The environment variable through which a parent tells its child its process id. */
export const PARENT_PID_ENV = "WORKBENCH_PARENT_PID";

const PR_SET_PDEATHSIG = 1;
const SIGKILL = 9n;

/**
 * Asks Linux to SIGKILL this process when the thread that started it ends (for a Deno or Python
 * parent: its main thread, so when the parent ends, even by SIGKILL), and exits at once when the
 * parent is already gone, that is when this process's parent is no longer `parentPid` (default:
 * the `WORKBENCH_PARENT_PID` variable the parent set; without it, only the setting is made). It
 * does nothing on other systems, or where libc cannot be loaded. Needs `--allow-ffi`.
 *
 * @param parentPid The process id the parent had. Default: `WORKBENCH_PARENT_PID`.
 * @returns Whether the setting was made.
 */
export function dieWithParent(parentPid?: number): boolean {
  if (Deno.build.os !== "linux") return false;
  const expected = parentPid ?? Number(Deno.env.get(PARENT_PID_ENV) ?? NaN);
  let made = false;
  try {
    const libc = Deno.dlopen("libc.so.6", {
      prctl: { parameters: ["i32", "u64", "u64", "u64", "u64"], result: "i32" },
    });
    made = libc.symbols.prctl(PR_SET_PDEATHSIG, SIGKILL, 0n, 0n, 0n) === 0;
  } catch {
    return false;
  }
  if (Number.isInteger(expected) && Deno.ppid !== expected) {
    // the parent died before the setting was made: nothing will signal us, so stop now
    Deno.exit(137);
  }
  return made;
}
