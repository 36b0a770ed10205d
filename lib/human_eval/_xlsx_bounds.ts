/**
 * Checks an XLSX file's ZIP container before it is parsed, so that a small file that inflates to
 * gigabytes (a "zip bomb") is refused instead of exhausting memory.
 * @module
 */
import JSZip from "jszip";

/** JSZip's documented `internalStream` (its type declarations leave it out). */
interface StreamHelper {
  on(event: "data", callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", callback: (error: Error) => void): StreamHelper;
  on(event: "end", callback: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}
type Streamable = { internalStream(type: "uint8array"): StreamHelper };

/** Bounds on an XLSX file's content. */
export const XLSX_LIMITS = Object.freeze({
  /**
   * Bytes all entries may inflate to, together: 64 MiB. A filled rating sheet of a few thousand
   * answers inflates to a few MiB; the bound leaves a wide margin and keeps the parse's memory
   * (several times the content) well under a gigabyte.
   */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Entries (files) in the container: an XLSX workbook holds a few dozen. */
  maxEntries: 10_000,
});

/**
 * Refuses `bytes` (an XLSX file) when its ZIP container holds more than `maxEntries` entries or
 * inflates to more than `maxUncompressedBytes`. Every entry is inflated as a stream and counted,
 * not trusted from the sizes the container declares (which a crafted file can fake); inflation
 * stops at the bound, so the check itself never holds more than one chunk.
 *
 * @param bytes The file's content.
 * @param file The file's name, for messages.
 * @throws {RangeError} naming the file and the bound exceeded.
 * @throws {SyntaxError} when the container cannot be read.
 */
export async function checkXlsxBounds(
  bytes: Uint8Array,
  file: string,
  limits: { maxUncompressedBytes: number; maxEntries: number } = XLSX_LIMITS,
): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new SyntaxError(
      `Cannot read expert-evaluation sheet "${file}": not a readable XLSX file (${
        (error as Error).message
      })`,
    );
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries) {
    throw new RangeError(
      `Cannot read expert-evaluation sheet "${file}": its XLSX container holds ${entries.length} entries, more than the ${limits.maxEntries} a workbook may have; it is refused unread`,
    );
  }
  let total = 0;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const stream = (entry as unknown as Streamable).internalStream("uint8array");
      let stopped = false;
      stream
        .on("data", (chunk: Uint8Array) => {
          if (stopped) return;
          total += chunk.length;
          if (total > limits.maxUncompressedBytes) {
            stopped = true;
            stream.pause();
            reject(
              new RangeError(
                `Cannot read expert-evaluation sheet "${file}": its XLSX content inflates to more than ${
                  mib(limits.maxUncompressedBytes)
                } (at entry "${entry.name}"), far more than a rating sheet holds; it is refused unread`,
              ),
            );
          }
        })
        .on("error", (error: Error) => {
          if (stopped) return;
          stopped = true;
          reject(
            new SyntaxError(
              `Cannot read expert-evaluation sheet "${file}": not a readable XLSX file (entry "${entry.name}": ${error.message})`,
            ),
          );
        })
        .on("end", () => {
          if (!stopped) resolve();
        })
        .resume();
    });
  }
}
