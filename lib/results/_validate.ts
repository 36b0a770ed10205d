/**
 * JSON Schema validation with Ajv, turning Ajv's first error into a message that names the file,
 * the JSON path (`detailed_results[17].prediction`) and what was expected.
 * @module
 */
import Ajv2020 from "ajv/2020";
import type { ErrorObject, ValidateFunction } from "ajv";

// deno-lint-ignore no-explicit-any
const ajv = new (Ajv2020 as any)({ allErrors: false, strict: false });
const compiled = new Map<object, ValidateFunction>();

/** Converts an Ajv instance path (`/a/0/b`) to a JSON path (`a[0].b`). */
export function jsonPath(instancePath: string): string {
  if (instancePath === "") return "(root)";
  let out = "";
  for (const raw of instancePath.split("/").slice(1)) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function at(base: string, key: string): string {
  if (base === "(root)") return key;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${base}.${key}`
    : `${base}[${JSON.stringify(key)}]`;
}

/** One sentence for an Ajv error, e.g. `detailed_results[3].prediction is missing`. */
export function explain(error: ErrorObject, data: unknown): string {
  const path = jsonPath(error.instancePath);
  // deno-lint-ignore no-explicit-any
  const params = error.params as any;
  let value: unknown = data;
  for (const raw of error.instancePath.split("/").slice(1)) {
    // deno-lint-ignore no-explicit-any
    value = (value as any)?.[raw.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  switch (error.keyword) {
    case "required":
      return `${at(path, params.missingProperty)} is missing`;
    case "additionalProperties":
      return `${at(path, params.additionalProperty)} is not an allowed field`;
    case "type":
      return `${path} must be ${params.type}, got ${describe(value)}`;
    case "const":
      return `${path} must be ${JSON.stringify(params.allowedValue)}, got ${describe(value)}`;
    case "enum":
      return `${path} must be one of ${
        params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")
      }, got ${describe(value)}`;
    default:
      return `${path} ${error.message ?? "is invalid"}`;
  }
}

/**
 * Validates `data` against `schema`; throws a `TypeError` naming `file` and the first problem.
 */
export function validate(schema: object, data: unknown, file: string, what = "result file"): void {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema) as ValidateFunction;
    compiled.set(schema, fn);
  }
  if (!fn(data)) {
    const errors = fn.errors ?? [];
    // Prefer a concrete error over the umbrella error of an anyOf.
    const error = errors.find((e) => e.keyword !== "anyOf") ?? errors[0];
    throw new TypeError(
      `Cannot load ${what} "${file}": ${error ? explain(error, data) : "invalid"}`,
    );
  }
}
