/**
 * A command line as a list of options, where some options take several values
 * (`--results a.json b.json --out x`): `node:util` `parseArgs` with its tokens, the values that
 * follow a list option given to it, and errors in the project's wording.
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { usageMessage } from "./usage_message.ts";
import { MAX_SEED } from "../stats/rng.ts";

/** One option as given: its name and values (none for a Boolean flag). */
export interface GivenOption {
  name: string;
  values: string[];
}

/**
 * Parses `args` strictly against `options`, in command-line order. An option named in `lists`
 * takes every argument after its value up to the next option; any other bare argument is an
 * error.
 *
 * @throws {TypeError} in the project's wording (see `usageMessage`), `Unexpected argument "x"
 * (options start with --)`, or `--name needs at least one path` for a list option whose value
 * starts with "-".
 * @example
 * ```ts
 * import { optionList } from "./option_list.ts";
 * import assert from "node:assert/strict";
 * const options = { data: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } } as const;
 * assert.deepEqual(optionList(["--data", "a", "b", "--force", "--out", "x"], options, ["data"]), [
 *   { name: "data", values: ["a", "b"] },
 *   { name: "force", values: [] },
 *   { name: "out", values: ["x"] },
 * ]);
 * assert.throws(() => optionList(["--out", "x", "y"], options, ["data"]), /Unexpected argument "y"/);
 * assert.throws(() => optionList(["--data=-a"], options, ["data"]), /--data needs at least one path/);
 * ```
 */
export function optionList(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  lists: readonly string[],
): GivenOption[] {
  let tokens;
  try {
    ({ tokens } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    }));
  } catch (error) {
    throw new TypeError(usageMessage(error as Error));
  }
  const given: GivenOption[] = [];
  let list: string[] | null = null;
  for (const t of tokens) {
    if (t.kind === "positional") {
      if (list === null) {
        throw new TypeError(`Unexpected argument "${t.value}" (options start with --)`);
      }
      list.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const values = typeof t.value === "string" ? [t.value] : [];
    if (lists.includes(t.name) && values[0]?.startsWith("-")) {
      throw new TypeError(`--${t.name} needs at least one path`);
    }
    list = lists.includes(t.name) ? values : null;
    given.push({ name: t.name, values });
  }
  return given;
}

/**
 * The number an option's value gives.
 *
 * @throws {TypeError} `--flag needs a number, got "v"` for an empty or non-finite value.
 * @example
 * ```ts
 * import { numberValue } from "./option_list.ts";
 * import assert from "node:assert/strict";
 * assert.equal(numberValue("0.8", "threshold"), 0.8);
 * assert.throws(() => numberValue("high", "threshold"), /--threshold needs a number, got "high"/);
 * ```
 */
export function numberValue(v: string, flag: string): number {
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x)) {
    throw new TypeError(`--${flag} needs a number, got "${v}"`);
  }
  return x;
}

/**
 * The seed an option's value gives: a whole number from 0 to {@linkcode MAX_SEED}, refused (never
 * rounded or wrapped) outside that range.
 *
 * @throws {TypeError} for a value that is not a non-negative integer.
 * @throws {RangeError} naming the option and the range for a larger one.
 * @example
 * ```ts
 * import { seedValue } from "./option_list.ts";
 * import assert from "node:assert/strict";
 * assert.equal(seedValue("42", "seed"), 42);
 * assert.throws(() => seedValue("9007199254740993", "seed"), /--seed must be at most 4294967295/);
 * ```
 */
export function seedValue(v: string, flag: string): number {
  if (!/^\d+$/.test(v)) throw new TypeError(`--${flag} needs a non-negative integer, got "${v}"`);
  const x = Number(v);
  if (!Number.isSafeInteger(x) || x > MAX_SEED) {
    throw new RangeError(
      `--${flag} must be at most ${MAX_SEED} (the random generator keeps 32 bits of its seed), got ${v}`,
    );
  }
  return x;
}
