/**
 * Private: map the tokens (or characters) of two sequences to dense integer ids shared by both,
 * the form the n-gram and LCS engines work on.
 * @module
 */

/** Two id sequences and the size of their joint alphabet. */
export interface Interned {
  a: Int32Array;
  b: Int32Array;
  alphabet: number;
}

/** Interns two token lists into shared dense ids `0..alphabet-1`. */
export function internTokens(a: readonly string[], b: readonly string[]): Interned {
  const ids = new Map<string, number>();
  const map = (tokens: readonly string[]) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let id = ids.get(tokens[i]);
      if (id === undefined) ids.set(tokens[i], id = ids.size);
      out[i] = id;
    }
    return out;
  };
  const ia = map(a);
  const ib = map(b);
  return { a: ia, b: ib, alphabet: Math.max(1, ids.size) };
}

let bmpIds = new Int32Array(0x10000);
let bmpStamp = new Int32Array(0x10000);
let bmpGen = 0;

/** Interns the code points of two strings into shared dense ids (Python-style characters). */
export function internChars(a: string, b: string): Interned {
  const astral = new Map<number, number>();
  if (++bmpGen === 0x7fffffff) {
    bmpIds = new Int32Array(0x10000);
    bmpStamp = new Int32Array(0x10000);
    bmpGen = 1;
  }
  let size = 0;
  const ids = {
    get(cp: number): number | undefined {
      if (cp < 0x10000) return bmpStamp[cp] === bmpGen ? bmpIds[cp] : undefined;
      return astral.get(cp);
    },
    set(cp: number, id: number) {
      if (cp < 0x10000) {
        bmpStamp[cp] = bmpGen;
        bmpIds[cp] = id;
      } else astral.set(cp, id);
      size++;
    },
    get size() {
      return size;
    },
  };
  const map = (s: string) => {
    const out = new Int32Array(s.length);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      let id = ids.get(cp);
      if (id === undefined) ids.set(cp, id = ids.size);
      out[n++] = id;
    }
    return out.subarray(0, n);
  };
  const ia = map(a);
  const ib = map(b);
  return { a: ia, b: ib, alphabet: Math.max(1, ids.size) };
}
