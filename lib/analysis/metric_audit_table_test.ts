import assert from "node:assert/strict";
import { legacyDefaultNote, type MetricAuditRow } from "./metric_audit_table.ts";

const row = (cited: number, n: number) =>
  ({
    run: "ft",
    language: "kz",
    n,
    refs_with_citation_legacy: cited,
    refs_with_citation_v2: cited,
    citation_accuracy: 0.9,
  }) as unknown as MetricAuditRow;

Deno.test("legacyDefaultNote() says 'mostly that default' only when more than half the references have no legacy citation", () => {
  assert.match(
    legacyDefaultNote(row(7, 115), "Kazakh"),
    /on the other 108 \(94%\).*, so it is mostly that default\.$/,
  );
  assert.doesNotMatch(legacyDefaultNote(row(32, 36), "Kazakh"), /mostly/);
  assert.doesNotMatch(legacyDefaultNote(row(18, 36), "Kazakh"), /mostly/); // exactly half
  assert.equal(
    legacyDefaultNote(row(36, 36), "Kazakh"),
    "In run ft, 36 of 36 Kazakh references have a citation the legacy extractor finds (36 by the v2 extractor).",
  );
});
