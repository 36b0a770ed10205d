/**
 * Private test helpers: deterministic long texts (2,400 words) and a seeded generator.
 * @module
 */

/** `n` distinct words `<stem>1 … <stem>n`, space-separated. */
export function distinctWords(stem: string, n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => `${stem}${from + i}`);
}

/** A small seeded linear congruential generator returning integers in [0, m). */
export function lcg(seed: number): (m: number) => number {
  let s = seed >>> 0;
  return (m) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % m;
  };
}
