/**
 * Private: the parameter count of a `.safetensors` file, read from its header only.
 * @module
 */

/**
 * Sum over the tensors of a safetensors file of the product of their shapes. The format starts
 * with an unsigned 64-bit little-endian header length, then a JSON header mapping tensor names to
 * `{dtype, shape, data_offsets}` (plus an optional `__metadata__` entry); only those bytes are read.
 *
 * @throws {SyntaxError} when the header is not a safetensors header, naming the file.
 */
export async function safetensorsParameterCount(path: string): Promise<number> {
  const file = await Deno.open(path, { read: true });
  try {
    const head = new Uint8Array(8);
    if ((await readFully(file, head)) < 8) {
      throw new SyntaxError(
        `Cannot read safetensors file "${path}": shorter than its 8-byte header length`,
      );
    }
    const length = new DataView(head.buffer).getBigUint64(0, true);
    if (length < 2n || length > 100_000_000n) {
      throw new SyntaxError(
        `Cannot read safetensors file "${path}": header length ${length} is not plausible`,
      );
    }
    const bytes = new Uint8Array(Number(length));
    if ((await readFully(file, bytes)) < bytes.length) {
      throw new SyntaxError(`Cannot read safetensors file "${path}": the header is cut short`);
    }
    let header: unknown;
    try {
      header = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new SyntaxError(`Cannot read safetensors file "${path}": the header is not valid JSON`);
    }
    if (typeof header !== "object" || header === null || Array.isArray(header)) {
      throw new SyntaxError(
        `Cannot read safetensors file "${path}": the header is not a JSON object`,
      );
    }
    let total = 0;
    for (const [name, entry] of Object.entries(header)) {
      if (name === "__metadata__") continue;
      const shape = (entry as { shape?: unknown })?.shape;
      if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
        throw new SyntaxError(
          `Cannot read safetensors file "${path}": tensor "${name}" has no valid shape`,
        );
      }
      total += shape.reduce((a: number, b: number) => a * b, 1);
    }
    return total;
  } finally {
    file.close();
  }
}

async function readFully(file: Deno.FsFile, into: Uint8Array): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const n = await file.read(into.subarray(done));
    if (n === null) break;
    done += n;
  }
  return done;
}
