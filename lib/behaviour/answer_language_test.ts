import assert from "node:assert/strict";
import { answerLanguage, countScripts, questionLanguage } from "./answer_language.ts";
import { isWrongLanguage, wrongLanguage } from "./wrong_language.ts";

Deno.test("countScripts() counts Cyrillic (and Kazakh-specific), Latin and other letters, not digits or marks", () => {
  // С а л ы қ = 5 Cyrillic, 1 Kazakh (қ); Tax = 3 Latin; 税 = 1 other; 65 and ", " are not letters.
  assert.deepEqual(countScripts("Салық, Tax 65 税"), {
    cyrillic: 5,
    kazakh: 1,
    latin: 3,
    other: 1,
  });
  assert.deepEqual(countScripts(""), { cyrillic: 0, kazakh: 0, latin: 0, other: 0 });
});

Deno.test("answerLanguage() labels Russian, Kazakh, English, other and mixed answers", () => {
  assert.equal(answerLanguage("Работодатель обязан предоставить отпуск (статья 88 ТК РК)."), "ru");
  assert.equal(answerLanguage("Жұмыс беруші еңбек демалысын беруге міндетті (ЕК 88-бабы)."), "kz");
  assert.equal(answerLanguage("The employer must grant annual leave under Article 88."), "en");
  // Latin letters but no common English word: another language.
  assert.equal(answerLanguage("Arbeitgeber muss Urlaub gewähren."), "other");
  assert.equal(answerLanguage("雇主必须给予年假。"), "other");
  assert.equal(answerLanguage("  \n### 12 ###"), "other");
  // 20 Latin letters (Okay, the, user, asks, think) and 33 Cyrillic: neither reaches 80% of 53.
  assert.equal(
    answerLanguage("Okay, the user asks.\n</think>\nОтпуск составляет двадцать четыре дня"),
    "mixed",
  );
  // A Russian sentence and a Kazakh one: 4 Kazakh letters (ә, і, і, і) among 79 Cyrillic = 0.051 >= 0.03.
  assert.equal(
    answerLanguage(
      "Согласно статье 88 Трудового кодекса отпуск составляет двадцать четыре дня. Бұл әрине міндетті.",
    ),
    "kz",
  );
  // One Kazakh word in a long Russian text: 2 Kazakh letters (қ, қ) in 120 = 0.017, between the
  // thresholds; the Russian function word "в" and no Kazakh one make it ru.
  assert.equal(
    answerLanguage(
      "Согласно статье 88 Трудового кодекса Республики Казахстан ежегодный трудовой отпуск составляет в общем случае двадцать четыре дня (Қазақстан).",
    ),
    "ru",
  );
  // Without any function word it stays mixed: 2 Kazakh letters in 96 = 0.021.
  assert.equal(
    answerLanguage(
      "Ежегодный оплачиваемый трудовой отпуск двадцать четыре календарных дня согласно Трудовому кодексу (Қазақстан)",
    ),
    "mixed",
  );
  // 2 Kazakh letters (і, і) in 89 = 0.022, function words of both (по, и; бойынша): mixed.
  assert.equal(
    answerLanguage(
      "Согласно статье 250 налогового кодекса доходы учитываются по рыночной стоимости и заттай кірістер бойынша",
    ),
    "mixed",
  );
});

Deno.test("questionLanguage() reads instruction and input together", () => {
  const generic = "Ответь на вопрос по казахстанскому законодательству.";
  assert.equal(
    questionLanguage({ instruction: generic, input: "Еңбек демалысы қанша күн?" }),
    "kz",
  );
  assert.equal(questionLanguage({ instruction: generic, input: "Сколько дней отпуска?" }), "ru");
  assert.equal(questionLanguage({ instruction: "How many days of leave?", input: null }), "en");
});

Deno.test("wrong_language: the answer's label differs from the question's; mixed questions accept Russian and Kazakh", () => {
  const table: [
    Parameters<typeof isWrongLanguage>[0],
    Parameters<typeof isWrongLanguage>[1],
    boolean,
  ][] = [
    ["ru", "ru", false],
    ["kz", "kz", false],
    ["ru", "kz", true],
    ["kz", "ru", true],
    ["en", "ru", true],
    ["en", "kz", true],
    ["mixed", "ru", true],
    ["mixed", "kz", true],
    ["other", "ru", true],
    ["ru", "mixed", false],
    ["kz", "mixed", false],
    ["mixed", "mixed", false],
    ["en", "mixed", true],
    ["en", "en", false],
    ["ru", "en", true],
    ["ru", "other", false],
  ];
  for (const [a, q, want] of table) assert.equal(isWrongLanguage(a, q), want, `${a} for ${q}`);
  const kz = { instruction: "Еңбек демалысы қанша күн?", input: "" };
  assert.equal(wrongLanguage({ ...kz, prediction: "Отпуск составляет 24 календарных дня." }), true);
  assert.equal(wrongLanguage({ ...kz, prediction: "Еңбек демалысы 24 күнтізбелік күн." }), false);
  assert.equal(wrongLanguage({ ...kz, prediction: "Okay, let me recall the Labour Code." }), true);
  assert.equal(wrongLanguage({ ...kz, prediction: "### ###" }), false); // empty instead
});
