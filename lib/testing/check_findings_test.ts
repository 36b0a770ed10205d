import assert from "node:assert/strict";
import { checkFindings, checkNames, sizeSmallNextToFineTuning } from "./check_findings.ts";
import { studyVariants } from "./study_variants.ts";

const truth = (name: string) => studyVariants().find((v) => v.name === name)!.truth;

const FT_TRUE =
  "- **What fine-tuning changed.** In the primary family (3 tests of BERTScore F1, Holm-adjusted " +
  "at α = 0.05), LoRA fine-tuning raised ModelA 1B base → ModelA 1B FT from 68.4% to 78.2% (+9.7 points " +
  "[+9.7, +9.8], paired 95% interval; Holm p < 0.001); raised ModelA 3B base → ModelA 3B FT from 70.4% to " +
  "82.1% (+11.7 points [+11.6, +11.8], paired 95% interval; Holm p < 0.001).";

Deno.test("checkFindings() accepts true findings of the study-like variant", () => {
  assert.deepEqual(checkFindings(FT_TRUE, truth("study_like")), []);
});

Deno.test("checkFindings() rejects a verdict, a direction or a count that the truth contradicts", () => {
  // "raised" where fine-tuning hurt, and "from a to b" upwards.
  const hurt = checkFindings(FT_TRUE, truth("ft_hurts"));
  assert.ok(hurt.some((p) => /"raised" ModelA 1B base/.test(p.message)), JSON.stringify(hurt));
  // "raised" where nothing changed.
  assert.ok(
    checkFindings(FT_TRUE, truth("no_effect")).some((p) => /not significant/.test(p.message)),
  );
  // A fine-tuning effect left out.
  const one = FT_TRUE.replace(/; raised ModelA 3B.*$/, ".");
  assert.ok(
    checkFindings(one, truth("study_like")).some((p) =>
      /states 1 fine-tuning effects/.test(p.message)
    ),
  );
  // Counts of significant tests.
  const also =
    "- **Also changed by fine-tuning (exploratory, by size ModelA 1B FT, ModelA 3B FT):** chrF +85.6, " +
    "+85.6 (1 of 2 significant after BH).";
  assert.deepEqual(checkFindings(also.replace("1 of 2", "2 of 2"), truth("study_like")), []);
  assert.ok(checkFindings(also, truth("study_like")).some((p) => /truth 2 of 2/.test(p.message)));
  assert.ok(
    checkFindings(
      also.replace(/\+85\.6/g, "−85.6").replace("1 of 2", "2 of 2"),
      truth("study_like"),
    ).length,
  );
});

Deno.test("checkFindings() applies the written rules for 'small next to' and 'mostly'", () => {
  const sizes =
    "- **Model size among the fine-tuned models.** 1 of 1 pairwise differences in BERTScore F1 are " +
    "significant in the primary family: ModelA 3B FT − ModelA 1B FT +3.9 points [+3.8, +4.0]. The largest size " +
    "difference is +3.9 points, small next to the effect of fine-tuning.";
  assert.ok(sizeSmallNextToFineTuning(truth("study_like"), "bertscore_f1"));
  assert.deepEqual(checkFindings(sizes, truth("study_like")), []);
  assert.ok(!sizeSmallNextToFineTuning(truth("no_effect"), "bertscore_f1"));
  assert.ok(checkFindings(sizes, truth("no_effect")).some((p) => /small next to/.test(p.message)));
  const t = truth("study_like");
  const kz =
    `- **Artefact: Kazakh citation accuracy.** … which is the case for ${t.kazakhReferencesWithoutCitation} ` +
    `of ${t.kazakhReferences} Kazakh references; the published Kazakh citation accuracy mostly measures that default.`;
  assert.ok(t.kazakhReferencesWithoutCitation / t.kazakhReferences > 0.5);
  assert.deepEqual(checkFindings(kz, t), []);
  const few = truth("ft_hurts");
  const kzFew =
    `- **Artefact: Kazakh citation accuracy.** … which is the case for ${few.kazakhReferencesWithoutCitation} ` +
    `of ${few.kazakhReferences} Kazakh references; the published Kazakh citation accuracy mostly measures that default.`;
  assert.ok(checkFindings(kzFew, few).some((p) => /"mostly"/.test(p.message)));
});

Deno.test("checkFindings() flags a bullet it cannot read that states a verdict, and ignores plain prose", () => {
  const t = truth("study_like");
  assert.equal(checkFindings("- **Something new.** ModelA is significantly better.", t).length, 1);
  assert.deepEqual(
    checkFindings("- **Data.** 80 questions.\nSome paragraph that is significant.", t),
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
