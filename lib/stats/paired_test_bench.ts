/**
 * Cost of one paired comparison (one paired bootstrap interval + one sign-flip test) at the
 * report's defaults (10,000 resamples and permutations), for 500 and 5,000 questions: the
 * report runs one per comparison × metric (32 runs × 5,000 questions is the target scale).
 * Run: `deno bench -A lib/stats/paired_test_bench.ts`.
 * @module
 */
import { pairedBootstrapCi } from "./paired_bootstrap.ts";
import { signFlipTest } from "./sign_flip.ts";
import { seededRandom } from "./rng.ts";

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Two runs' per-question scores: continuous (BERTScore-like) or binary (exact match-like). */
function runs(n: number, kind: "continuous" | "binary", shift: number) {
  const random = seededRandom(n + shift);
  const a = new Float64Array(n), b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = random();
    if (kind === "continuous") {
      a[i] = 0.8 + 0.05 * q + 0.02 * normal(random) + shift;
      b[i] = 0.8 + 0.05 * q + 0.02 * normal(random);
    } else {
      a[i] = random() < q + shift ? 1 : 0;
      b[i] = random() < q ? 1 : 0;
    }
  }
  return [a, b];
}

const OPTIONS = { resamples: 10_000, permutations: 10_000 };

for (const n of [500, 5000]) {
  for (
    const [name, kind, shift] of [
      ["continuous, no effect (Monte Carlo)", "continuous", 0],
      ["continuous, strong effect (normal; Monte-Carlo draw skipped)", "continuous", 0.01],
      ["binary (exact on the lattice)", "binary", 0.05],
    ] as const
  ) {
    const [a, b] = runs(n, kind, shift);
    Deno.bench({
      name: `n = ${n}, ${name}: paired bootstrap + sign flip`,
      group: `n = ${n}`,
      baseline: kind === "continuous" && shift === 0,
      fn() {
        pairedBootstrapCi(a, b, OPTIONS);
        signFlipTest(a, b, OPTIONS);
      },
    });
  }
  const [a, b] = runs(n, "continuous", 0);
  Deno.bench({
    name: `n = ${n}: paired bootstrap alone`,
    group: `n = ${n} parts`,
    fn() {
      pairedBootstrapCi(a, b, OPTIONS);
    },
  });
  Deno.bench({
    name: `n = ${n}: sign flip alone (Monte Carlo)`,
    group: `n = ${n} parts`,
    fn() {
      signFlipTest(a, b, OPTIONS);
    },
  });
}
