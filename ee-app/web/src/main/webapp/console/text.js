// Text comparison for the review screen: which note sentences support a summary, which summary
// terms appear nowhere in the note, and a word diff. Pure functions (tested by text.test.mjs).

const STOP = new Set(("a an and are as at be been but by for from had has have he her his in is it its of on or " +
  "she that the their there they this to was were which who will with without not no pt patient").split(" "));
const WORD = /[\p{L}\p{N}]+(?:[.,'\-\/][\p{L}\p{N}]+)*/gu;

const norm = (w) => w.toLowerCase();
const isNumber = (w) => /\p{N}/u.test(w);
const LATERALITY = new Set(["left", "right", "bilateral", "l", "r"]);

/** Content tokens of a text: lower-case words without stop words; numbers always count. */
export function contentTokens(text) {
  return (text.match(WORD) || []).map(norm).filter((w) => isNumber(w) || (w.length > 2 && !STOP.has(w)) || LATERALITY.has(w));
}

/** Splits {@code note} into sentences (keeping every character) and marks those that share at
 * least two content tokens, or one number, with the summary. */
export function supportingSentences(note, summary) {
  const wanted = new Set(contentTokens(summary));
  const parts = [];
  const re = /[^.!?\n]*(?:[.!?]+|\n+|$)/g;
  let m;
  while ((m = re.exec(note)) !== null) {
    if (m[0] === "") { if (re.lastIndex >= note.length) break; re.lastIndex++; continue; }
    const tokens = new Set(contentTokens(m[0]));
    let shared = 0, numbers = 0;
    for (const t of tokens) if (wanted.has(t)) { shared++; if (isNumber(t)) numbers++; }
    parts.push({ text: m[0], supports: shared >= 2 || numbers >= 1 });
  }
  return parts;
}

/** A summary token is supported when the note has it, a word sharing its first five letters
 * (catheterisation ~ catheterization), or a word it abbreviates (cath ~ catheterization). Numbers
 * and laterality must match exactly. */
function supported(token, noteTokens, notePrefixes) {
  if (noteTokens.has(token)) return true;
  if (isNumber(token) || LATERALITY.has(token)) return false;
  if (token.length >= 6 && notePrefixes.has(token.slice(0, 5))) return true;
  if (token.length >= 4) for (const t of noteTokens) if (t.startsWith(token)) return true;
  return false;
}

/** Splits {@code summary} into parts, marking content terms that appear nowhere in the note. */
export function unsupportedTerms(note, summary) {
  const noteTokens = new Set((note.match(WORD) || []).map(norm));
  const notePrefixes = new Set([...noteTokens].filter((t) => t.length >= 5).map((t) => t.slice(0, 5)));
  const parts = [];
  let last = 0;
  for (const m of summary.matchAll(WORD)) {
    const w = norm(m[0]);
    const content = isNumber(w) || LATERALITY.has(w) || (w.length > 2 && !STOP.has(w));
    if (content && !supported(w, noteTokens, notePrefixes)) {
      if (m.index > last) parts.push({ text: summary.slice(last, m.index), unsupported: false });
      parts.push({ text: m[0], unsupported: true });
      last = m.index + m[0].length;
    }
  }
  if (last < summary.length) parts.push({ text: summary.slice(last), unsupported: false });
  return parts;
}

/** Word-level diff of {@code before} → {@code after}: parts {op: same|del|ins, text}. Falls back
 * to one del + one ins when the texts are too long for the quadratic table. */
export function wordDiff(before, after) {
  const a = before.split(/(\s+)/), b = after.split(/(\s+)/);
  if (a.length * b.length > 4_000_000) return [{ op: "del", text: before }, { op: "ins", text: after }];
  const n = a.length, m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
    L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  const push = (op, text) => { if (!text) return; const p = out[out.length - 1]; if (p && p.op === op) p.text += text; else out.push({ op, text }); };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { push("same", a[i]); i++; j++; }
    else if (L[i + 1][j] >= L[i][j + 1]) push("del", a[i++]);
    else push("ins", b[j++]);
  }
  while (i < n) push("del", a[i++]);
  while (j < m) push("ins", b[j++]);
  return out;
}
