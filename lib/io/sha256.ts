/**
 * SHA-256 of files and bytes, as lowercase hex, for provenance records.
 * @module
 */
import { createHash } from "node:crypto";
import { fromRoot } from "./paths.ts";

/**
 * Hex SHA-256 of bytes or a UTF-8 string.
 * @example
 * ```ts
 * import { sha256Hex } from "./sha256.ts";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   await sha256Hex("abc"),
 *   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
 * );
 * ```
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Hex SHA-256 of a file's bytes, read in chunks: memory stays small whatever the file's size.
 *
 * @example
 * ```ts
 * import { sha256File, sha256Hex } from "./sha256.ts";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, "abc");
 * assert.equal(await sha256File(path), await sha256Hex("abc"));
 * await Deno.remove(path);
 * ```
 */
export async function sha256File(path: string): Promise<string> {
  path = fromRoot(path); // relative paths: to the repository root
  const hash = createHash("sha256");
  const file = await Deno.open(path);
  try {
    for await (const chunk of file.readable) hash.update(chunk);
  } finally {
    try {
      file.close();
    } catch { /* the stream closed it */ }
  }
  return hash.digest("hex");
}
