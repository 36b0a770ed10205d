/**
 * Private: length of the longest common subsequence of two integer sequences, in
 * O(|a|·|b|) time and O(min(|a|,|b|)) memory (one row of the dynamic-programming table).
 * @module
 */

let row = new Int32Array(1024);

/** Length of the longest common subsequence of `a` and `b`. */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = b.length;
  if (m === 0) return 0;
  if (row.length < m + 1) row = new Int32Array(2 * (m + 1));
  const prev = row;
  prev.fill(0, 0, m + 1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    let diag = 0; // prev[j-1] of the row above
    for (let j = 1; j <= m; j++) {
      const up = prev[j];
      let v;
      if (b[j - 1] === x) v = diag + 1;
      else {
        const left = prev[j - 1];
        v = up > left ? up : left;
      }
      diag = up;
      prev[j] = v;
    }
  }
  return prev[m];
}
