import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { assertSnapshot } from "../testing/assert_snapshot.ts";
import { FRAME_DOC_PATH, frameDoc } from "./frame_doc.ts";

Deno.test("docs/frame.md is the table frameDoc() generates from FRAME_COLUMNS", async () => {
  await assertSnapshot(frameDoc(), join(REPO_ROOT, FRAME_DOC_PATH));
});
