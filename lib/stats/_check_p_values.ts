/** Throws a RangeError when a p-value is outside [0, 1] (NaN is allowed: a test not run). */
export function checkPValues(p: readonly number[], where: string): void {
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (typeof x !== "number") {
      throw new TypeError(`${where}: p-value ${i} must be a number, got ${typeof x}`);
    }
    if (!Number.isNaN(x) && !(x >= 0 && x <= 1)) {
      throw new RangeError(`${where}: p-value ${i} must be in [0, 1], got ${x}`);
    }
  }
}
