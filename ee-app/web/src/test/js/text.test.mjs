// Unit tests of the console's text comparison: node --test ee-app/web/src/test/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { supportingSentences, unsupportedTerms, wordDiff } from "../../main/webapp/console/text.js";

const NOTE = "58-year-old man with chest pain. ECG: ST elevation in V2-V4. Given aspirin 300 mg.\nPlan: emergent catheterization.";

test("supportingSentences keeps every character and marks the sentences the summary uses", () => {
  const parts = supportingSentences(NOTE, "Anterior STEMI on ECG with ST elevation; aspirin 300 mg.");
  assert.equal(parts.map((p) => p.text).join(""), NOTE);
  const marked = parts.filter((p) => p.supports).map((p) => p.text.trim());
  assert.deepEqual(marked, ["ECG: ST elevation in V2-V4.", "Given aspirin 300 mg."]);
});

test("unsupportedTerms flags drugs, numbers and laterality absent from the note", () => {
  const parts = unsupportedTerms(NOTE, "Given aspirin 325 mg and heparin; left heart cath.");
  const flagged = parts.filter((p) => p.unsupported).map((p) => p.text);
  assert.deepEqual(flagged, ["325", "heparin", "left", "heart"]);
  assert.equal(parts.map((p) => p.text).join(""), "Given aspirin 325 mg and heparin; left heart cath.");
});

test("unsupportedTerms accepts a shared stem (catheterization ~ catheterisation)", () => {
  assert.equal(unsupportedTerms(NOTE, "Emergent catheterisation.").some((p) => p.unsupported), false);
});

test("unsupportedTerms treats markup as plain words", () => {
  const parts = unsupportedTerms("<script>alert(1)</script>", "<script>alert(1)</script>");
  assert.equal(parts.some((p) => p.unsupported), false);
});

test("wordDiff marks deletions and insertions and rebuilds both texts", () => {
  const d = wordDiff("Anterior STEMI, PCI, pain free.", "Anterior STEMI; emergent cath.");
  assert.equal(d.filter((p) => p.op !== "ins").map((p) => p.text).join(""), "Anterior STEMI, PCI, pain free.");
  assert.equal(d.filter((p) => p.op !== "del").map((p) => p.text).join(""), "Anterior STEMI; emergent cath.");
  assert.ok(d.some((p) => p.op === "del") && d.some((p) => p.op === "ins"));
});
