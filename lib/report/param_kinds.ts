/**
 * The kinds of report parameter (a path, a list of paths, a path or none, a switch, an integer in
 * a range): for each, how a value is checked, resolved against the repository root, read from
 * the command line and written back onto one. {@linkcode REPORT_PARAMS} declares every parameter
 * with one of these.
 * @module
 */
import { displayPath, fromRoot } from "../io/paths.ts";

/** How a parameter of one kind behaves; made by {@linkcode pathParam} and its siblings. */
export interface ParamSpec<T> {
  /** The kind, as the options table names it (`path`, `paths`, `path or none`, ...). */
  readonly type: string;
  /** The value when no layer sets it (paths relative to the repository root). */
  readonly default: T;
  /** What it means, one sentence (Markdown: `code` in backticks). */
  readonly doc: string;
  /** What its command-line option does: `doc`, or for `--no-name` what turning it off does. */
  readonly optionDoc: string;
  /** The value's name in the usage text (`DIR`, `FILE`, `PATH...`, `N`); `""` for a switch. */
  readonly meta: string;
  /** Whether the option takes every argument up to the next option. */
  readonly list: boolean;
  /** Whether it has a command-line option (`sectionsDir`, set by the runner, has none). */
  readonly cli: boolean;
  /**
   * Whether the report's content depends on it, so that the command line at the top of
   * `report.md` states it (not so for where the report goes, or how fast it is made).
   */
  readonly content: boolean;
  /** `null` when `value` is of this kind, else what was expected (`a list of paths`). */
  check(value: unknown): string | null;
  /** The value with its paths made absolute against the repository root. */
  resolve(value: T): T;
  /**
   * The value the option's arguments give (`values` empty for a switch).
   * @throws {TypeError} or {RangeError} naming `--flag`.
   */
  parse(values: readonly string[], flag: string): T;
  /** The option's arguments that give `value` back, paths as shown in reports. */
  args(value: T): string[];
  /** Whether the value says nothing (no path, no list, the switch's default). */
  empty(value: T): boolean;
}

/** The value type of a parameter declared with `S`. */
export type ParamValue<S> = S extends ParamSpec<infer T> ? T : never;

/** What every kind is declared with. */
export interface ParamOptions<T> {
  default: T;
  doc: string;
  /** The value's name in the usage text. Default: by kind (`PATH`, `N`). */
  meta?: string;
  /** Default: `true`. */
  cli?: boolean;
  /** Default: `true`. */
  content?: boolean;
}

const NONE = "none";
const nonEmpty = (x: unknown): x is string => typeof x === "string" && x !== "";

function base<T>(o: ParamOptions<T>, meta: string) {
  return {
    optionDoc: o.doc,
    default: o.default,
    doc: o.doc,
    meta: o.meta ?? meta,
    cli: o.cli ?? true,
    content: o.content ?? true,
  };
}

/** A path (never empty). */
export function pathParam(o: ParamOptions<string>): ParamSpec<string> {
  return {
    ...base(o, "PATH"),
    type: "path",
    list: false,
    check: (v) => (nonEmpty(v) ? null : "a non-empty path"),
    resolve: fromRoot,
    parse: (values) => values[0],
    args: (v) => [displayPath(v)],
    empty: () => false,
  };
}

/** A list of paths; `none` on the command line gives the empty list. */
export function pathListParam(o: ParamOptions<readonly string[]>): ParamSpec<string[]> {
  return {
    ...base({ ...o, default: [...o.default] }, "PATH"),
    type: "paths",
    list: true,
    check: (v) => (Array.isArray(v) && v.every(nonEmpty) ? null : "a list of paths"),
    resolve: (v) => v.map(fromRoot),
    parse: (values) => (values.length === 1 && values[0] === NONE ? [] : [...values]),
    args: (v) => (v.length ? v.map(displayPath) : [NONE]),
    empty: (v) => v.length === 0,
  };
}

/** A path, or `null` for none (`none` on the command line). */
export function optionalPathParam(o: ParamOptions<string | null>): ParamSpec<string | null> {
  return {
    ...base(o, "PATH"),
    type: "path or none",
    list: false,
    check: (v) => (v === null || nonEmpty(v) ? null : "a path or null"),
    resolve: (v) => (v === null ? null : fromRoot(v)),
    parse: (values) => (values[0] === NONE ? null : values[0]),
    args: (v) => [v === null ? NONE : displayPath(v)],
    empty: (v) => v === null,
  };
}

/**
 * A switch: the option `--name` turns on one that is off by default, `--no-name` turns off one
 * that is on (see {@linkcode optionName}).
 */
export function booleanParam(
  o: ParamOptions<boolean> & {
    /** What `--no-name` does, for a switch on by default. Default: "Turn off: " and `doc`. */
    off?: string;
  },
): ParamSpec<boolean> {
  return {
    ...base(o, ""),
    optionDoc: o.default ? o.off ?? `Turn off: ${o.doc}` : o.doc,
    type: "true or false",
    list: false,
    check: (v) => (typeof v === "boolean" ? null : "true or false"),
    resolve: (v) => v,
    parse: () => !o.default,
    args: () => [],
    empty: (v) => v === o.default,
  };
}

/** An integer from `min` to `max`. */
export function integerParam(
  o: ParamOptions<number> & { min: number; max: number },
): ParamSpec<number> & { readonly min: number; readonly max: number } {
  const { min, max } = o;
  return {
    ...base(o, "N"),
    type: `integer in [${min}, ${max}]`,
    min,
    max,
    list: false,
    check: (v) =>
      Number.isInteger(v) && (v as number) >= min && (v as number) <= max
        ? null
        : `an integer in [${min}, ${max}]`,
    resolve: (v) => v,
    parse: (values, flag) => {
      const v = values[0];
      if (!/^\d+$/.test(v)) throw new TypeError(`${flag} needs a non-negative integer, got "${v}"`);
      const x = Number(v);
      if (x > max) throw new RangeError(`${flag} must be at most ${max}, got ${v}`);
      if (x < min) throw new RangeError(`${flag} must be at least ${min}, got ${v}`);
      return x;
    },
    args: (v) => [String(v)],
    empty: () => false,
  };
}

/**
 * The command-line option of parameter `key`: kebab case, and `no-` before a switch that is on by
 * default.
 *
 * @example
 * ```ts
 * import { booleanParam, optionName } from "./param_kinds.ts";
 * import assert from "node:assert/strict";
 * assert.equal(optionName("humanEvalKey", booleanParam({ default: false, doc: "" })), "human-eval-key");
 * assert.equal(optionName("cache", booleanParam({ default: true, doc: "" })), "no-cache");
 * ```
 */
export function optionName(key: string, spec: ParamSpec<unknown>): string {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return spec.type === "true or false" && spec.default === true ? `no-${kebab}` : kebab;
}

/**
 * A parameter's default as the usage text and the options table show it: `on`/`off` for a
 * switch, `none` for no path or an empty list, else the value (a list's paths joined by spaces).
 *
 * @example
 * ```ts
 * import { defaultText, optionalPathParam, pathListParam } from "./param_kinds.ts";
 * import assert from "node:assert/strict";
 * assert.equal(defaultText(pathListParam({ default: ["a", "b"], doc: "" })), "a b");
 * assert.equal(defaultText(optionalPathParam({ default: null, doc: "" })), "none");
 * ```
 */
export function defaultText(spec: ParamSpec<unknown>): string {
  const d = spec.default;
  if (typeof d === "boolean") return d ? "on" : "off";
  if (d === null || (Array.isArray(d) && d.length === 0)) return "none";
  return Array.isArray(d) ? d.join(" ") : String(d);
}
