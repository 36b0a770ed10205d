import assert from "node:assert/strict";
import { checkFindings, checkNames, sizeSmallNextToFineTuning } from "./check_findings.ts";
import { studyVariants } from "./study_variants.ts";

const truth = (name: string) => studyVariants().find((v) => v.name === name)!.truth;

// The sentences below are the forms `lib/analysis/findings.ts` writes, with the study-like
// variant's numbers; each test flips one claim and expects the parser to reject it.
const FT_TRUE =
  "- **What fine-tuning changed.** In the primary family (3 tests of BERTScore F1, Holm-adjusted " +
  "at α = 0.05), fine-tuning raised BERTScore F1 from ModelA 1B base to ModelA 1B FT: 68.3% → 78.0% " +
  "(+9.8 points [+9.7, +9.8], 95% interval; Holm p < 0.001); raised BERTScore F1 from ModelA 3B base " +
  "to ModelA 3B FT: 70.2% → 81.9% (+11.7 points [+11.7, +11.8], 95% interval; Holm p < 0.001). " +
  "Means and differences are paired, on the 80 questions where both runs define the metric.";
const ALSO_TRUE =
  "- **Also changed by fine-tuning (exploratory; ModelA 1B FT and ModelA 3B FT against their base " +
  "runs):** chrF +85.6, +85.6 (2 significantly higher after BH; paired, on the 80 questions where " +
  "both runs define the metric); Hallucination rate (v2) −100.0 points, −100.0 points (2 " +
  "significantly lower after BH; paired, on the 65 questions where both runs define the metric).";
const SIZE_TRUE =
  "- **Model size among the fine-tuned models.** 1 of 1 pairwise difference in BERTScore F1 is " +
  "significant in the primary family: ModelA 3B FT − ModelA 1B FT +3.9 points [+3.9, +4.0] (paired, " +
  "on the 80 questions where both runs define the metric). The largest size difference is +3.9 " +
  "points; the fine-tuning differences are +9.8 points (ModelA 1B FT, higher), +11.7 points " +
  "(ModelA 3B FT, higher).";
const EXT_TRUE =
  "- **Against the external models (exploratory).** Of 4 comparisons of the fine-tuned runs " +
  "(ModelA 1B FT and ModelA 3B FT) with the external run (RefX) in BERTScore F1 and chrF (paired, " +
  "on the 80 questions where both runs define the metric; BH-adjusted at α = 0.05), the fine-tuned " +
  "run is significantly better in 4, significantly worse in 0 and not significantly different in 0 " +
  "(e.g. ModelA 1B FT − RefX: BERTScore F1 +3.9 points).";
const study = truth("study_like");
const KZ_TRUE =
  "- **Artefact: Kazakh citation accuracy.** The study's citation accuracy is 1.0 when its " +
  "(Russian-only) extractor finds no citation in the reference, which is the case for " +
  `${study.kazakhReferencesWithoutCitation} of ${study.kazakhReferences} distinct Kazakh references (${
    (100 * study.kazakhReferencesWithoutCitation / study.kazakhReferences).toFixed(1)
  }%); most of the study's Kazakh citation accuracy is therefore that default, not a measurement.`;
const ALL_TRUE = [FT_TRUE, ALSO_TRUE, SIZE_TRUE, EXT_TRUE, KZ_TRUE].join("\n");

/** The problems of single bullets (a bullet the data calls for and `md` lacks is not counted). */
const messages = (md: string, name = "study_like") =>
  checkFindings(md, truth(name)).map((p) => p.message).filter((m) => !/^missing/.test(m));

Deno.test("checkFindings() accepts true findings of the study-like variant", () => {
  assert.deepEqual(checkFindings(ALL_TRUE, study), []);
});

Deno.test("checkFindings() rejects a flipped verdict or direction of fine-tuning", () => {
  // The same sentences on data where fine-tuning hurt, or changed nothing.
  assert.ok(messages(FT_TRUE, "ft_hurts").some((m) => /"raised" from ModelA 1B base/.test(m)));
  assert.ok(messages(FT_TRUE, "no_effect").some((m) => /not significant/.test(m)));
  // "lowered" where it raised; "from a → b" downwards.
  assert.ok(messages(FT_TRUE.replace("fine-tuning raised", "fine-tuning lowered")).length);
  assert.ok(messages(FT_TRUE.replace("68.3% → 78.0%", "78.0% → 68.3%")).length);
  // A fine-tuning effect left out, or in a form the parser cannot read.
  const one = FT_TRUE.replace(/; raised BERTScore F1 from ModelA 3B.*?Holm p < 0\.001\)/, "");
  assert.ok(
    messages(one).some((m) => /states 1 fine-tuning effects/.test(m)),
    messages(one).join(),
  );
  const odd = FT_TRUE.replace("; raised BERTScore F1 from", "; bumped BERTScore F1 from");
  assert.ok(messages(odd).some((m) => /cannot read 1 stated effect/.test(m)));
  // The number of shared questions.
  assert.ok(messages(FT_TRUE.replace("on the 80 questions", "on the 60 questions")).length);
});

Deno.test("checkFindings() requires a bullet about fine-tuning that says when runs share no question", () => {
  const t = truth("disjoint_questions");
  // Silence is false: the data has a fine-tuned/base pair and a fine-tuned/external pair.
  const silent = checkFindings("", t).map((p) => p.message);
  assert.ok(silent.some((m) => /missing/.test(m)) && silent.length === 2, silent.join());
  const said =
    "- **What fine-tuning changed.** In the primary family (1 test of BERTScore F1, Holm-adjusted at " +
    "α = 0.05), fine-tuning could not be compared from ModelA 1B base to ModelA 1B FT (the runs share " +
    "no question).\n- **Against the external models (exploratory).** ModelA 1B FT and RefX share no " +
    "question, so they cannot be compared.";
  assert.deepEqual(checkFindings(said, t), []);
  // ... and it is false where they do share questions.
  assert.ok(messages(said.split("\n")[0]).some((m) => /could not be compared/.test(m)));
});

Deno.test("checkFindings() checks the counts of significant tests", () => {
  assert.ok(
    messages(
      ALSO_TRUE.replace("2 significantly higher", "1 significantly higher, 1 not significant"),
    ).length,
  );
  assert.ok(messages(ALSO_TRUE.replace("chrF +85.6, +85.6", "chrF −85.6, −85.6")).length);
  assert.ok(
    messages(ALSO_TRUE.replace("2 significantly lower", "2 not significant"), "study_like").length,
  );
  assert.deepEqual(
    messages(
      ALSO_TRUE.replace(/\(2 significantly (higher|lower)/g, "(2 not significant"),
      "ties_zeros",
    )
      .filter((m) => /after BH/.test(m)),
    [],
  );
  // The size count, and a size difference listed as significant where it is not.
  assert.ok(messages(SIZE_TRUE.replace("1 of 1 pairwise", "0 of 1 pairwise")).length);
  assert.ok(messages(SIZE_TRUE, "ties_zeros").some((m) => /"1 of 1" significant/.test(m)));
  // External counts, and the example's direction.
  assert.ok(
    messages(
      EXT_TRUE.replace(
        "better in 4, significantly worse in 0",
        "better in 3, significantly worse in 1",
      ),
    ).length,
  );
  assert.ok(
    messages(EXT_TRUE.replace("BERTScore F1 +3.9 points)", "BERTScore F1 −3.9 points)")).length,
  );
  assert.ok(messages(EXT_TRUE, "no_effect").some((m) => /better in 4/.test(m)));
});

Deno.test("checkFindings() applies the written rules for 'small next to', 'at no size' and 'most'", () => {
  const small = SIZE_TRUE.replace(
    /; the fine-tuning differences.*$/,
    ", small next to the effect of fine-tuning (at most 25% of the smallest fine-tuning difference, +9.8 points).",
  );
  assert.ok(sizeSmallNextToFineTuning(study, "bertscore_f1"));
  assert.deepEqual(messages(small), []);
  assert.ok(!sizeSmallNextToFineTuning(truth("no_effect"), "bertscore_f1"));
  assert.ok(messages(small, "no_effect").some((m) => /small next to/.test(m)));
  // "at no size" where fine-tuning did change it.
  const noSize = SIZE_TRUE.replace(
    /; the fine-tuning differences.*$/,
    "; fine-tuning changed BERTScore F1 significantly at no size, so there is no fine-tuning effect to set it against.",
  );
  assert.ok(messages(noSize).some((m) => /at no size/.test(m)));
  // A fine-tuning difference called "higher" where it is lower.
  assert.ok(messages(SIZE_TRUE.replace("(ModelA 3B FT, higher)", "(ModelA 3B FT, lower)")).length);
  // "most" with a quarter.
  const few = truth("ft_hurts");
  assert.ok(few.kazakhReferencesWithoutCitation / few.kazakhReferences <= 0.5);
  const kzFew = KZ_TRUE.replace(
    /\d+ of \d+ distinct Kazakh references \([\d.]+%\)/,
    `${few.kazakhReferencesWithoutCitation} of ${few.kazakhReferences} distinct Kazakh references (${
      (100 * few.kazakhReferencesWithoutCitation / few.kazakhReferences).toFixed(1)
    }%)`,
  );
  assert.ok(checkFindings(kzFew, few).some((p) => /"most"/.test(p.message)));
  // A count or a percent that is off.
  assert.ok(messages(KZ_TRUE.replace(/case for \d+/, "case for 3")).length);
  assert.ok(messages(KZ_TRUE.replace(/\([\d.]+%\)/, "(12.0%)")).length);
});

Deno.test("checkFindings() flags a bullet it cannot read that states a verdict, and ignores plain prose", () => {
  const t = truth("study_like");
  const problems = checkFindings("- **Something new.** ModelA is significantly better.", t);
  assert.ok(problems.some((p) => /unrecognised finding/.test(p.message)));
  assert.deepEqual(
    checkFindings(ALL_TRUE + "\n- **Data.** 80 questions.\nSome paragraph that is significant.", t),
    [],
  );
});

Deno.test("checkNames() flags models and sizes the data does not have, and nothing else", () => {
  const t = truth("study_like");
  assert.deepEqual(checkNames("ModelA 1B FT and ModelA 3B base against RefX (refx)", t), []);
  assert.deepEqual(
    checkNames("the Qwen3 models generated locally\nGPT-4o rows are API calls; 14B", t).map((p) =>
      p.name
    ),
    ["Qwen3", "GPT-4o", "14B"],
  );
});
