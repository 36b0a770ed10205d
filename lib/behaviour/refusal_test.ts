import assert from "node:assert/strict";
import { isRefusal } from "./refusal.ts";

Deno.test("isRefusal() recognises Russian, Kazakh and English refusals and no-information answers", () => {
  const refusals = [
    "К сожалению, я не являюсь юристом и не могу давать правовые консультации.",
    "Ваш вопрос не содержит контекста, поэтому я не могу дать точный ответ.",
    "Нет информации о мерах безопасности для делегации.",
    "В вопросе недостаточно информации для ответа.",
    "Я не располагаю сведениями о данном приказе.",
    "Извините, но я не могу ответить на этот вопрос.",
    "Кешіріңіз, бұл сұраққа жауап бере алмаймын.",
    "Өкінішке орай, бұл туралы ақпарат жоқ.",
    "Мен заңгер емеспін, сондықтан кеңес бере алмаймын.",
    "Бұл бұйрық туралы мәлімет жоқ.",
    "I cannot provide legal advice. Please consult a qualified attorney.",
    "I don't know.\n\nI don't know.",
    "I'm sorry, but I can't help with that.",
    "As an AI, I am not able to give legal opinions.",
    // After a reasoning trace, the answer itself is judged.
    "Okay, the user asks about a decree.\n</think>\n\nК сожалению, у меня нет доступа к тексту приказа.",
  ];
  for (const t of refusals) assert.equal(isRefusal(t), true, t);
});

Deno.test("isRefusal() leaves legal statements of what a party cannot do, and advice to see a lawyer, alone", () => {
  const answers = [
    "Работники не могут быть уволены в период отпуска (ст. 52 ТК РК).",
    "Если в реестре нет сведений о собственнике, участок считается бесхозяйным.",
    "Салық органы ақпарат жоқ болса, тексеру тағайындайды.",
    "Жұмыс беруші жұмыскерді демалыс кезінде жұмыстан шығара алмайды.",
    "Согласно статье 250 НК РК доход учитывается по рыночной стоимости. Рекомендуем обратиться к юристу.",
    "The employer cannot dismiss an employee on leave (Article 52).",
    "Okay, the user is asking whether I cannot... wait.", // a trace, not a refusal
  ];
  for (const t of answers) assert.equal(isRefusal(t), false, t);
  // The phrase must start within the window.
  const late = "Ответ по существу. ".repeat(20) + "Я не могу дать больше деталей.";
  assert.equal(isRefusal(late), false);
  assert.equal(isRefusal(late, { window: 400 }), true);
});
