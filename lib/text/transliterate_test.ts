import assert from "node:assert/strict";
import { transliterate } from "./transliterate.ts";

Deno.test("transliterate() spells every Russian and Kazakh letter in ASCII, both cases", () => {
  const ru = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  const kz = "әғқңөұүһі";
  const out = transliterate(ru + kz);
  assert.equal(out, "abvgdeyozhziyklmnoprstufkhtschshshchyeyuya" + "agqngouuhi");
  assert.match(transliterate((ru + kz).toUpperCase()), /^[A-Za-z]+$/);
  assert.equal(transliterate("ЁЖ"), "YoZh");
  assert.equal(transliterate("Базовая модель 14B"), "Bazovaya model 14B");
  assert.equal(transliterate("Салық кодексі"), "Salyq kodeksi");
  // Decomposed й (и + combining breve) is composed first.
  assert.equal(transliterate("и\u0306"), "y");
  assert.equal(transliterate("English, 中文"), "English, 中文");
});
