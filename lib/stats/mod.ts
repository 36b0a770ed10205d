/**
 * Statistics on typed arrays: seeded resampling, bootstrap intervals, paired tests (sign flip,
 * t, McNemar), effect sizes, power and minimum detectable effects, multiplicity adjustment,
 * agreement and correlation, and the distributions behind them.
 * @module
 */
export * from "./adjust_p_values.ts";
export * from "./benjamini_hochberg.ts";
export * from "./bootstrap.ts";
export * from "./cohens_dz.ts";
export * from "./extent.ts";
export * from "./holm.ts";
export * from "./krippendorff_alpha.ts";
export * from "./mcnemar.ts";
export * from "./noncentral_t.ts";
export * from "./normal.ts";
export * from "./paired_bootstrap.ts";
export * from "./paired_differences.ts";
export * from "./paired_power.ts";
export * from "./paired_t.ts";
export * from "./quantile.ts";
export * from "./rng.ts";
export * from "./sign_flip.ts";
export * from "./spearman.ts";
export * from "./student_t.ts";
