// The ClinSum reviewers' console: a small single-page app over the REST API.
// Safety rules: every piece of data is inserted with textContent (never innerHTML), nothing is
// kept in browser storage, and URLs carry only numeric ids.
import { supportingSentences, unsupportedTerms, wordDiff } from "./text.js";

const API = new URL("api/", document.baseURI).pathname;
const state = { user: null, csrf: null, pollTimer: null };

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(method, path, { json, form, body, type, headers = {} } = {}) {
  const h = { "X-Requested-With": "clinsum-console", Accept: "application/json", ...headers };
  if (method !== "GET" && state.csrf) h["X-CSRF-Token"] = state.csrf;
  let payload = body;
  if (json !== undefined) { h["Content-Type"] = "application/json"; payload = JSON.stringify(json); }
  if (form) { h["Content-Type"] = "application/x-www-form-urlencoded"; payload = new URLSearchParams(form); }
  if (type) h["Content-Type"] = type;
  const r = await fetch(API + path, { method, headers: h, body: payload, credentials: "same-origin", cache: "no-store" });
  const text = await r.text();
  let data = null;
  if (text && (r.headers.get("Content-Type") || "").includes("json")) data = JSON.parse(text);
  if (r.status === 401 && path !== "session") { sessionEnded(); throw new ApiError(401, data); }
  if (!r.ok) throw new ApiError(r.status, data);
  return { data, etag: r.headers.get("ETag"), status: r.status };
}

// ---- DOM helpers: text always goes in as text -------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
const view = () => document.getElementById("view");
function show(...nodes) { view().replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined)); }
function toast(message) {
  const t = document.getElementById("toast");
  t.textContent = message; t.classList.add("show");
  clearTimeout(toast.timer); toast.timer = setTimeout(() => t.classList.remove("show"), 2500);
}
const fmt = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const has = (...roles) => state.user && roles.some((r) => state.user.roles.includes(r));
const stateBadge = (s) => el("span", { class: `state ${s}` }, s);
function problemText(e) {
  const errs = (e.problem && e.problem.errors) || [];
  return errs.length ? `${e.message} (${errs.map((x) => `${x.field}: ${x.message}`).join("; ")})` : e.message;
}

// ---- Session ----------------------------------------------------------------------------------
async function loadSession() {
  try {
    const { data } = await api("GET", "session");
    state.user = data; state.csrf = data.csrfToken;
  } catch (e) { state.user = null; state.csrf = null; }
}

function sessionEnded() {
  state.user = null; state.csrf = null;
  showLogin("Your session has ended. Sign in again.");
}

function showLogin(message = "") {
  stopPolling();
  document.querySelector(".top").hidden = true;
  view().replaceChildren();
  document.getElementById("login").hidden = false;
  document.getElementById("login-error").textContent = message;
  document.getElementById("username").focus();
}

async function signIn(ev) {
  ev.preventDefault();
  const f = ev.target;
  try {
    await api("POST", "session", { form: { username: f.username.value, password: f.password.value } });
    f.password.value = "";
    await loadSession();
    if (!state.user) throw new Error("sign-in failed");
    startApp();
  } catch (e) {
    document.getElementById("login-error").textContent = "Wrong user name or password.";
  }
}

async function signOut() {
  try { await api("DELETE", "session"); } catch (e) { /* already gone */ }
  state.user = null; state.csrf = null;
  location.hash = "";
  showLogin("You are signed out.");
}

function startApp() {
  document.getElementById("login").hidden = true;
  const top = document.querySelector(".top");
  top.hidden = false;
  document.getElementById("who-name").textContent = state.user.username;
  document.getElementById("who-roles").textContent = state.user.roles.join(", ");
  for (const a of top.querySelectorAll("nav a")) {
    a.hidden = !a.dataset.roles.split(" ").some((r) => state.user.roles.includes(r));
  }
  if (!location.hash || location.hash === "#/") {
    location.hash = has("reviewer") ? "#/queue" : has("admin") ? "#/jobs" : "#/patients";
  } else route();
}

// ---- Router -----------------------------------------------------------------------------------
const routes = [
  [/^#\/queue$/, queueView], [/^#\/review\/(\d+)$/, reviewView], [/^#\/patients$/, patientsView],
  [/^#\/patients\/(\d+)$/, patientView], [/^#\/groups$/, groupsView], [/^#\/jobs$/, jobsView],
  [/^#\/models$/, modelsView], [/^#\/import$/, importView],
];

async function route() {
  if (!state.user) return;
  stopPolling();
  const hash = location.hash || "#/queue";
  for (const a of document.querySelectorAll("nav a")) {
    a.toggleAttribute("aria-current", hash.startsWith(a.getAttribute("href")));
    if (hash.startsWith(a.getAttribute("href"))) a.setAttribute("aria-current", "page");
  }
  for (const [re, fn] of routes) {
    const m = hash.match(re);
    if (m) {
      try { await fn(...m.slice(1)); } catch (e) { if (e.status !== 401) show(el("p", { class: "error", role: "alert" }, problemText(e))); }
      document.getElementById("main").focus({ preventScroll: true });
      return;
    }
  }
  show(el("div", { class: "empty" }, "Nothing here."));
}

// ---- Review queue -----------------------------------------------------------------------------
const queueFilters = { state: "GENERATED", patientId: "", noteType: "", modelVersion: "", from: "", to: "", page: 0 };

async function queueView() {
  const f = queueFilters;
  const q = new URLSearchParams({ size: "50", page: String(f.page) });
  for (const k of ["state", "patientId", "noteType", "modelVersion"]) if (f[k]) q.set(k, f[k]);
  if (f.from) q.set("from", new Date(f.from).toISOString());
  if (f.to) q.set("to", new Date(f.to).toISOString());
  const [{ data: page }, { data: counts }] = await Promise.all([api("GET", `summaries?${q}`), api("GET", "summaries/counts")]);
  const input = (name, label, type = "text") => el("div", {}, el("label", { for: `f-${name}` }, label),
    el("input", { id: `f-${name}`, type, value: f[name], onchange: (e) => { f[name] = e.target.value; f.page = 0; queueView(); } }));
  const stateSelect = el("select", { id: "f-state", onchange: (e) => { f.state = e.target.value; f.page = 0; queueView(); } },
    ["", "GENERATED", "APPROVED", "EDITED", "REJECTED"].map((s) => el("option", { value: s, selected: s === f.state }, s || "any")));
  const rows = page.items.map((s) => el("tr", {
    class: "clickable", tabindex: "0", "data-id": s.id,
    onclick: () => (location.hash = `#/review/${s.id}`),
    onkeydown: (e) => { if (e.key === "Enter") location.hash = `#/review/${s.id}`; },
  }, el("td", {}, String(s.id)), el("td", {}, s.patientId), el("td", {}, s.noteType),
     el("td", {}, `${s.modelId} ${s.modelVersion}`), el("td", {}, fmt(s.createdAt)), el("td", {}, stateBadge(s.state)),
     el("td", {}, s.text.length > 120 ? s.text.slice(0, 120) + "…" : s.text)));
  show(
    el("h1", {}, "Review queue"),
    el("div", { class: "counts", "aria-label": "Summaries by state" },
      Object.entries(counts).map(([k, v]) => el("span", { class: "count" }, el("b", {}, String(v)), k.toLowerCase()))),
    el("div", { class: "filters" }, el("div", {}, el("label", { for: "f-state" }, "State"), stateSelect),
      input("patientId", "Patient"), input("noteType", "Note type"), input("modelVersion", "Model version"),
      input("from", "From", "date"), input("to", "To", "date")),
    page.items.length
      ? el("table", { id: "queue" }, el("thead", {}, el("tr", {}, ["#", "Patient", "Note type", "Model", "Generated", "State", "Summary"].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows))
      : el("div", { class: "empty" }, "No summaries match. Nothing waits for review."),
    pager(page, (p) => { f.page = p; queueView(); }),
  );
}

function pager(page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page.page === 0, onclick: () => go(page.page - 1) }, "Previous"),
    `Page ${page.page + 1} of ${pages} · ${page.total} in all`,
    el("button", { type: "button", disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1) }, "Next"));
}

// ---- Review screen ----------------------------------------------------------------------------
async function reviewView(id) {
  const { data: s, etag } = await api("GET", `summaries/${id}`);
  const version = etag;
  const note = el("div", { class: "note-text", id: "note-text", tabindex: "0", "aria-label": "Source note" });
  const phi = s.phi || [];
  // Either the sentences that support the summary, or the PHI that de-identification would mask.
  const renderNote = (showPhi) => {
    note.replaceChildren();
    if (!showPhi) {
      for (const part of supportingSentences(s.noteText, s.text)) note.append(part.supports ? el("mark", {}, part.text) : document.createTextNode(part.text));
      return;
    }
    let at = 0;
    for (const span of phi) {
      if (span.start > at) note.append(document.createTextNode(s.noteText.slice(at, span.start)));
      note.append(el("span", { class: "phi", title: span.category, "data-category": span.category }, s.noteText.slice(span.start, span.end)));
      at = span.end;
    }
    note.append(document.createTextNode(s.noteText.slice(at)));
  };
  renderNote(false);
  const summary = el("div", { class: "summary-text", id: "summary-text" });
  const flagged = unsupportedTerms(s.noteText, s.text);
  for (const part of flagged) {
    summary.append(part.unsupported ? el("span", { class: "flag", title: "Not found in the note" }, part.text) : document.createTextNode(part.text));
  }
  const flagCount = flagged.filter((p) => p.unsupported).length;
  const workArea = el("div", { id: "work-area" });
  const busy = (on) => document.querySelectorAll("#review-actions button").forEach((b) => (b.disabled = on));

  async function act(kind, payload) {
    busy(true);
    try {
      const { data } = await api("POST", `summaries/${id}/${kind}`, { json: payload, headers: { "If-Match": version } });
      toast(`Summary ${id} ${data.state.toLowerCase()}`);
      await next();
    } catch (e) {
      busy(false);
      if (e.status === 412) {
        const { data: current } = await api("GET", `summaries/${id}`);
        workArea.replaceChildren(el("div", { class: "conflict", role: "alert", id: "conflict" },
          el("strong", {}, "Someone else changed this summary while you were reviewing it. "),
          `It is now ${current.state.toLowerCase()} by ${current.reviewer || "—"}: `, el("q", {}, current.text),
          el("div", { class: "actions" }, el("button", { type: "button", onclick: () => reviewView(id) }, "Reload it"))));
      } else {
        workArea.replaceChildren(el("p", { class: "error", role: "alert" }, problemText(e)));
      }
    }
  }

  function editForm() {
    const area = el("textarea", { id: "edit-text", "aria-label": "Corrected summary" });
    area.value = s.text;
    const diff = el("div", { class: "diff", id: "diff", "aria-label": "Changes against the generated text" });
    const comment = el("input", { id: "edit-comment", "aria-label": "Comment (optional)", placeholder: "Comment (optional)" });
    const redraw = () => {
      diff.replaceChildren(...wordDiff(s.generatedText, area.value).map((p) =>
        p.op === "same" ? document.createTextNode(p.text) : el(p.op === "del" ? "del" : "ins", {}, p.text)));
    };
    area.addEventListener("input", redraw); redraw();
    workArea.replaceChildren(el("h2", {}, "Edit"), area, el("p", { class: "legend" }, "Changes against the generated text:"), diff, comment,
      el("div", { class: "actions" }, el("button", { class: "primary", type: "button", id: "save-edit", onclick: () => act("edit", { text: area.value, comment: comment.value || null }) }, "Save edit"),
        el("button", { type: "button", onclick: () => workArea.replaceChildren() }, "Cancel")));
    area.focus();
  }

  function rejectForm() {
    const reason = el("textarea", { id: "reject-reason", "aria-label": "Reason for rejecting" });
    workArea.replaceChildren(el("h2", {}, "Reject"), el("label", { for: "reject-reason" }, "Why is this summary unusable?"), reason,
      el("div", { class: "actions" }, el("button", { class: "bad", type: "button", id: "confirm-reject", onclick: () => act("reject", { reason: reason.value }) }, "Reject"),
        el("button", { type: "button", onclick: () => workArea.replaceChildren() }, "Cancel")));
    reason.focus();
  }

  async function next() {
    const { data } = await api("GET", "summaries?state=GENERATED&size=2");
    const other = data.items.find((x) => String(x.id) !== String(id));
    if (other) location.hash = `#/review/${other.id}`;
    else location.hash = "#/queue";
  }

  const canReview = has("reviewer");
  show(
    el("h1", {}, `Summary ${s.id} · patient ${s.patientId}`),
    el("p", { class: "meta" }, `${s.noteType} · ${s.backend} ${s.modelId} ${s.modelVersion} · generated ${fmt(s.createdAt)} · `, stateBadge(s.state),
      s.reviewer ? ` by ${s.reviewer} ${fmt(s.reviewedAt)}` : ""),
    el("div", { class: "review" },
      el("section", { class: "panel", "aria-labelledby": "note-h" }, el("h2", { id: "note-h" }, "Note"),
        el("p", { class: "legend" }, el("mark", {}, "Highlighted"), " sentences support the summary. ",
          el("label", {}, el("input", { type: "checkbox", id: "show-phi", onchange: (e) => renderNote(e.target.checked) }),
            ` Show the ${phi.length} PHI span${phi.length === 1 ? "" : "s"} de-identification masks`, phi.length ? el("span", { class: "phi" }, "like this") : null)),
        note),
      el("section", { class: "panel", "aria-labelledby": "sum-h" }, el("h2", { id: "sum-h" }, "Summary"), summary,
        el("p", { class: "legend", id: "flag-legend" }, flagCount
          ? [el("span", { class: "flag" }, `${flagCount} term${flagCount > 1 ? "s" : ""}`), " not found in the note: check them."]
          : "Every term of the summary appears in the note."),
        s.reviewComment ? el("p", { class: "meta" }, `Comment: ${s.reviewComment}`) : null,
        canReview ? el("div", { class: "actions", id: "review-actions" },
          el("button", { class: "ok", type: "button", id: "approve", onclick: () => act("approve", {}) }, "Approve ", el("kbd", {}, "a")),
          el("button", { type: "button", id: "edit", onclick: editForm }, "Edit ", el("kbd", {}, "e")),
          el("button", { class: "bad", type: "button", id: "reject", onclick: rejectForm }, "Reject ", el("kbd", {}, "r")),
          el("button", { type: "button", id: "next", onclick: next }, "Next ", el("kbd", {}, "n"))) : null,
        workArea)));
  reviewView.keys = canReview ? { a: () => act("approve", {}), e: editForm, r: rejectForm, n: next } : {};
}

document.addEventListener("keydown", (e) => {
  if (!location.hash.startsWith("#/review/") || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "Escape") { const w = document.getElementById("work-area"); if (w) w.replaceChildren(); return; }
  const t = e.target.tagName;
  if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
  const fn = reviewView.keys && reviewView.keys[e.key];
  if (fn) { e.preventDefault(); fn(); }
});

// ---- Patients ---------------------------------------------------------------------------------
let patientPrefix = "";
async function patientsView(page = 0) {
  const q = new URLSearchParams({ size: "50", page: String(page) });
  if (patientPrefix) q.set("prefix", patientPrefix);
  const { data } = await api("GET", `patients?${q}`);
  show(el("h1", {}, "Patients"),
    el("div", { class: "filters" }, el("div", {}, el("label", { for: "p-prefix" }, "Patient id starts with"),
      el("input", { id: "p-prefix", value: patientPrefix, onchange: (e) => { patientPrefix = e.target.value; patientsView(0); } }))),
    data.items.length ? el("table", {}, el("thead", {}, el("tr", {}, ["Patient", "Notes", "Summaries", "First seen"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, data.items.map((p) => el("tr", { class: "clickable", tabindex: "0", onclick: () => (location.hash = `#/patients/${p.id}`),
        onkeydown: (e) => { if (e.key === "Enter") location.hash = `#/patients/${p.id}`; } },
        el("td", {}, p.patientId), el("td", {}, String(p.notes)), el("td", {}, String(p.summaries)), el("td", {}, fmt(p.createdAt))))))
      : el("div", { class: "empty" }, "No patients yet: import notes first."),
    pager(data, patientsView));
}

async function patientView(number) {
  // The URL holds ClinSum's patient number only; the hospital's identifier never goes in a URL.
  const { data: patient } = await api("GET", `patients/by-number/${number}`);
  const pid = encodeURIComponent(patient.patientId);
  const { data: notes } = await api("GET", `notes?patientId=${pid}&size=500`);
  let summaries = new Map();
  if (has("reviewer", "admin")) {
    const { data } = await api("GET", `summaries?patientId=${pid}&size=500`);
    summaries = new Map(data.items.map((s) => [s.noteId, s]));
  }
  const group = await optional(`patients/by-number/${number}/group`);
  const items = [...notes.items].sort((a, b) => (a.recordedAt || a.createdAt).localeCompare(b.recordedAt || b.createdAt));
  show(el("h1", {}, `Patient ${patient.patientId}`),
    el("p", { class: "meta", id: "patient-meta" }, `${patient.notes} notes · ${patient.summaries} summaries · group: `,
      group ? el("a", { href: "#/groups", id: "patient-group" }, group.group.number === 0 ? "fits no group" : `${group.group.number}. ${group.group.label}`) : "not grouped yet"),
    items.length ? el("ol", { class: "timeline", "aria-label": "Notes over time" }, items.map((n) => {
      const s = summaries.get(n.id);
      return el("li", {}, el("div", {}, el("strong", {}, fmt(n.recordedAt || n.createdAt)), ` · ${n.noteType}`, n.authorRole ? ` · ${n.authorRole}` : ""),
        s ? el("div", {}, stateBadge(s.state), " ", el("a", { href: `#/review/${s.id}` }, s.text))
          : el("div", { class: "meta" }, n.summaryState ? `summary ${n.summaryState.toLowerCase()}` : "no summary yet"));
    })) : el("div", { class: "empty" }, "No notes."));
}

// ---- Groups -----------------------------------------------------------------------------------
const GROUP_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];
const groupColor = (n) => (n === 0 ? "#c7c7c7" : GROUP_COLORS[(n - 1) % GROUP_COLORS.length]);
const MAP_POINTS = 5000;

async function optional(path) {
  try { return (await api("GET", path)).data; } catch (e) { if (e.status === 404) return null; throw e; }
}

async function groupsView(selected = null) {
  const [grouping, job] = await Promise.all([optional("groupings/latest"), optional("groupings/job")]);
  const running = job && (job.status === "QUEUED" || job.status === "RUNNING");
  const parts = [el("h1", {}, "Patient groups")];
  if (has("reviewer", "admin")) parts.push(regroupForm(running));
  if (job) parts.push(groupJobStatus(job, grouping));
  if (!grouping) {
    parts.push(el("div", { class: "empty", id: "groups-empty" }, has("reviewer", "admin")
      ? "No groupings yet. Patients are grouped by their summaries: summarize notes, then regroup."
      : "No groupings yet. A reviewer or an admin starts one once notes are summarized."));
    show(parts);
  } else {
    parts.push(el("p", { class: "meta", id: "grouping-meta" },
      `Version ${grouping.id} · ${grouping.patients} patients in ${grouping.groupCount} groups · ${grouping.algorithm} on ${grouping.model} · `
      + `silhouette ${grouping.silhouette.toFixed(3)} · ${fmt(grouping.createdAt)} by ${grouping.createdBy}`));
    for (const note of grouping.notes) parts.push(el("p", { class: "legend" }, note));
    const map = el("div", { id: "group-map" }, el("p", { class: "meta" }, "Drawing the map…"));
    const members = el("div", { id: "group-members" });
    const table = el("table", { id: "groups" }, el("thead", {}, el("tr", {}, ["", "Group", "Patients", "Cohesion"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, grouping.groups.map((g) => el("tr", { class: "clickable", tabindex: "0", "data-group": g.number,
        onclick: () => groupMembers(grouping, g, members), onkeydown: (e) => { if (e.key === "Enter") groupMembers(grouping, g, members); } },
        el("td", {}, swatch(g.number)), el("td", {}, g.number === 0 ? "Ungrouped " + g.label : `${g.number}. ${g.label}`),
        el("td", {}, String(g.size)), el("td", {}, g.cohesion.toFixed(3))))));
    parts.push(el("div", { class: "groups-layout" }, el("div", {}, table, members), map));
    show(parts);
    drawGroupMap(grouping, map);
    const first = selected === null ? null : grouping.groups.find((g) => g.number === selected);
    if (first) groupMembers(grouping, first, members);
  }
  if (running) state.pollTimer = setTimeout(() => groupsView(selected), 1500);
}

function swatch(number) {
  const s = el("span", { class: "swatch", "aria-hidden": "true" });
  s.style.background = groupColor(number);
  return s;
}

function regroupForm(running) {
  const algorithm = el("select", { id: "regroup-algorithm" }, el("option", { value: "kmeans" }, "k-means"), el("option", { value: "hdbscan" }, "HDBSCAN"));
  const k = el("input", { id: "regroup-k", type: "number", min: "2", max: "200", placeholder: "auto" });
  const go = async () => {
    const q = new URLSearchParams({ algorithm: algorithm.value });
    if (k.value && algorithm.value === "kmeans") q.set("k", k.value);
    try { await api("POST", `groupings?${q}`); toast("Regrouping started"); } catch (e) { toast(problemText(e)); }
    groupsView();
  };
  return el("div", { class: "filters" },
    el("div", {}, el("label", { for: "regroup-algorithm" }, "Algorithm"), algorithm),
    el("div", {}, el("label", { for: "regroup-k" }, "Groups (k-means)"), k),
    el("div", { class: "actions" }, el("button", { class: "primary", type: "button", id: "regroup", disabled: running, onclick: go }, running ? "Regrouping…" : "Regroup patients")));
}

function groupJobStatus(job, grouping) {
  const pct = Math.round(job.progress * 100);
  if (job.status === "QUEUED" || job.status === "RUNNING") {
    const bar = el("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": pct, "aria-label": "Grouping progress" }, el("div", {}));
    bar.firstChild.style.width = `${pct}%`;
    return el("div", { id: "group-job", class: "legend" }, `Grouping job ${job.id} ${job.status.toLowerCase()}: ${job.processed} / ${job.total} summaries embedded `, bar, ` ${pct}%`);
  }
  if (job.status === "FAILED" && (!grouping || grouping.jobId !== job.id)) {
    return el("p", { id: "group-job", class: "error", role: "alert" }, `Grouping job ${job.id} failed: ${job.error || "no reason recorded"}`);
  }
  return null;
}

async function groupMembers(grouping, group, target) {
  const { data } = await api("GET", `groupings/${grouping.id}/members?group=${group.number}&size=200`);
  target.replaceChildren(el("h2", {}, group.number === 0 ? "Ungrouped patients" : `Group ${group.number}: ${group.label}`),
    el("p", { class: "meta" }, `${data.total} ${data.total === 1 ? "patient" : "patients"}, most typical first` + (data.total > data.items.length ? ` (first ${data.items.length} shown)` : "")),
    el("table", { id: "group-member-list" }, el("thead", {}, el("tr", {}, ["Patient", "Similarity to the group"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, data.items.map((m) => el("tr", {}, el("td", {}, el("a", { href: `#/patients/${m.patientNumber}` }, m.patientId)), el("td", {}, m.similarity.toFixed(3)))))));
}

async function drawGroupMap(grouping, target) {
  const points = [];
  for (let page = 0; points.length < Math.min(grouping.patients, MAP_POINTS); page++) {
    const { data } = await api("GET", `groupings/${grouping.id}/members?size=500&page=${page}`);
    points.push(...data.items);
    if (!data.items.length) break;
  }
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs) => { const e = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
  const w = 560, h = 420, pad = 12;
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x) => pad + ((x - minX) / (maxX - minX || 1)) * (w - 2 * pad);
  const sy = (y) => h - pad - ((y - minY) / (maxY - minY || 1)) * (h - 2 * pad);
  const labels = new Map(grouping.groups.map((g) => [g.number, g.label]));
  const root = svg("svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", role: "img", id: "group-scatter",
    "aria-label": `Map of ${points.length} patients coloured by group: nearby points have similar summaries` });
  for (const p of points) {
    const c = svg("circle", { cx: sx(p.x).toFixed(1), cy: sy(p.y).toFixed(1), r: points.length > 1000 ? 2.5 : 4, fill: groupColor(p.group), "fill-opacity": "0.8", "data-group": p.group });
    const t = document.createElementNS(NS, "title");
    t.textContent = `${p.patientId}: ${p.group === 0 ? "ungrouped" : `${p.group}. ${labels.get(p.group)}`}`;
    c.append(t);
    c.addEventListener("click", () => (location.hash = `#/patients/${p.patientNumber}`));
    root.append(c);
  }
  target.replaceChildren(el("h2", {}, "Map"), root,
    el("p", { class: "legend" }, `Each point is a patient, placed by the first two principal components of their summaries' embedding`
      + (grouping.patients > points.length ? ` (${points.length} of ${grouping.patients} shown)` : "") + ". Hover for the patient, click to open."));
}

// ---- Jobs -------------------------------------------------------------------------------------
async function jobsView() {
  const { data } = await api("GET", "jobs?size=50");
  const admin = has("admin");
  // Admins see at once when the model cannot be loaded, and why (it recovers by itself once fixed).
  const backend = admin ? (await api("GET", "backend")).data : null;
  const control = async (path) => {
    try { await api("POST", path); toast("Done"); } catch (e) { toast(problemText(e)); }
    jobsView();
  };
  const rows = data.items.map((j) => el("tr", { "data-job": j.id },
    el("td", {}, String(j.id)), el("td", {}, j.kind), el("td", {}, stateBadge(j.status)),
    el("td", {}, el("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": Math.round(j.progress * 100), "aria-label": `Job ${j.id} progress` },
      el("div", { style: null })), `${Math.round(j.progress * 100)}%`),
    el("td", {}, `${j.processed} / ${j.total}`), el("td", {}, String(j.succeeded)), el("td", {}, String(j.failed)),
    el("td", { title: "Executions started; more than one means it was interrupted and resumed" }, String(j.launches)),
    el("td", {}, j.createdBy), el("td", {}, fmt(j.startedAt)), el("td", {}, j.error || ""),
    el("td", {}, admin && j.kind === "SUMMARIZE" && (j.status === "RUNNING" || j.status === "QUEUED") ? el("button", { type: "button", onclick: () => control(`jobs/${j.id}/stop`) }, "Stop") : null,
      admin && j.kind === "SUMMARIZE" && (j.status === "FAILED" || j.status === "STOPPED") ? el("button", { type: "button", onclick: () => control(`jobs/${j.id}/restart`) }, "Restart") : null,
      j.failed > 0 ? el("button", { type: "button", onclick: () => jobErrors(j.id) }, "Errors") : null)));
  // Width set through the CSSOM (the CSP forbids inline style attributes).
  rows.forEach((r, i) => { r.querySelector(".progress > div").style.width = `${Math.round(data.items[i].progress * 100)}%`; });
  show(el("h1", {}, "Jobs"),
    backend && !backend.available ? el("p", { class: "error", role: "alert", id: "backend-unavailable" },
      `Summarization is unavailable: ${backend.reason}`) : null,
    admin ? el("div", { class: "actions" }, el("button", { class: "primary", type: "button", id: "start-job", onclick: () => control("jobs/summarize") }, "Summarize all pending notes")) : null,
    data.items.length ? el("table", { id: "jobs" }, el("thead", {}, el("tr", {}, ["#", "Kind", "Status", "Progress", "Processed", "Succeeded", "Failed", "Runs", "By", "Started", "Error", ""].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows))
      : el("div", { class: "empty" }, "No jobs yet."),
    el("div", { id: "job-errors" }));
  if (data.items.some((j) => j.status === "RUNNING" || j.status === "QUEUED")) state.pollTimer = setTimeout(jobsView, 1500);
}

async function jobErrors(id) {
  const { data } = await api("GET", `jobs/${id}/errors?size=200`);
  document.getElementById("job-errors").replaceChildren(el("h2", {}, `Errors of job ${id} (${data.total})`), errorTable(data.items));
}

function errorTable(errors) {
  return el("table", { class: "errors" }, el("thead", {}, el("tr", {}, ["Row", "Note", "Field", "Where", "Problem"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, errors.map((e) => el("tr", {}, el("td", {}, e.row ?? ""), el("td", {}, e.noteId ?? ""), el("td", {}, e.field ?? ""), el("td", {}, e.location ?? ""), el("td", {}, e.message)))));
}

function stopPolling() { clearTimeout(state.pollTimer); state.pollTimer = null; }

// ---- Models -----------------------------------------------------------------------------------
async function modelsView() {
  const { data } = await api("GET", "models");
  show(el("h1", {}, "Models"),
    el("p", { class: "legend" }, "ROUGE here compares each generated summary with the text reviewers kept (an approval scores 1, an edit scores the overlap with the correction): how much of a model's output survives review."),
    data.length ? [rougeChart(data),
      el("table", { id: "models" }, el("thead", {}, el("tr", {}, ["Backend", "Model", "Version", "Summaries", "Waiting", "Approved", "Edited", "Rejected", "ROUGE-1", "ROUGE-2", "ROUGE-L"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, data.map((m) => el("tr", {}, [m.backend, m.modelId, m.modelVersion, m.summaries, m.generated, m.approved, m.edited, m.rejected,
          ...[m.rouge1, m.rouge2, m.rougeL].map((x) => (x === null || x === undefined ? "—" : x.toFixed(3)))].map((c) => el("td", {}, String(c)))))))]
      : el("div", { class: "empty" }, "No summaries yet."),
    el("h2", {}, "Training loss"),
    el("div", { class: "empty" }, "No training runs have reported to this server. Fine-tuning reports (clinsum finetune) draw their loss curves in their own HTML report."));
}

function rougeChart(models) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs, text) => { const e = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text !== undefined) e.textContent = text; return e; };
  const w = 640, h = 40 + models.length * 70, left = 220, barW = w - left - 60;
  const root = svg("svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", role: "img", "aria-label": "ROUGE agreement per model version", id: "rouge-chart" });
  const colors = { "ROUGE-1": "#0b5cad", "ROUGE-2": "#7c3aed", "ROUGE-L": "#1a7f37" };
  models.forEach((m, i) => {
    const y = 20 + i * 70;
    root.append(svg("text", { x: 0, y: y + 26 }, `${m.modelId} ${m.modelVersion}`));
    [["ROUGE-1", m.rouge1], ["ROUGE-2", m.rouge2], ["ROUGE-L", m.rougeL]].forEach(([name, v], j) => {
      const val = v ?? 0;
      root.append(svg("rect", { x: left, y: y + j * 18, width: Math.max(1, val * barW), height: 14, fill: colors[name] }));
      root.append(svg("text", { x: left + val * barW + 6, y: y + j * 18 + 11 }, `${name} ${v === null || v === undefined ? "—" : v.toFixed(2)}`));
    });
  });
  return root;
}

// ---- Import -----------------------------------------------------------------------------------
async function importView() {
  const file = el("input", { id: "import-file", type: "file", accept: ".csv,.jsonl,text/csv" });
  const mode = el("select", { id: "import-mode" }, el("option", { value: "valid" }, "Store the valid rows"), el("option", { value: "all" }, "All rows or none"));
  const out = el("div", { id: "import-report", "aria-live": "polite" });
  const run = async () => {
    if (!file.files.length) { out.replaceChildren(el("p", { class: "error" }, "Choose a file first.")); return; }
    const f = file.files[0];
    const format = f.name.toLowerCase().endsWith(".jsonl") ? "jsonl" : "csv";
    out.replaceChildren(el("p", {}, `Importing ${f.name}…`));
    let report;
    try {
      ({ data: report } = await api("POST", `notes/import?format=${format}&mode=${mode.value}&source=console`, { body: f, type: format === "csv" ? "text/csv" : "application/x-ndjson" }));
    } catch (e) {
      if (e.status !== 422) { out.replaceChildren(el("p", { class: "error", role: "alert" }, problemText(e))); return; }
      report = e.problem;
    }
    out.replaceChildren(el("p", { id: "import-summary" }, `${report.rows} rows read · ${report.inserted} stored · ${report.duplicates} duplicates · ${report.rejected} rejected`
      + (report.committed ? "" : " · nothing was stored")),
      report.errors.length ? errorTable(report.errors) : el("p", {}, "No errors."));
  };
  show(el("h1", {}, "Import notes"),
    el("p", { class: "legend" }, "CSV or JSON Lines with the columns patient_id, note_type and note (and optionally note_id, author_role, source, recorded_at)."),
    el("label", { for: "import-file" }, "File"), file, el("label", { for: "import-mode" }, "When some rows are invalid"), mode,
    el("div", { class: "actions" }, el("button", { class: "primary", type: "button", id: "import-run", onclick: run }, "Import")), out);
}

// ---- Start ------------------------------------------------------------------------------------
window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("login-form").addEventListener("submit", signIn);
  document.getElementById("sign-out").addEventListener("click", signOut);
  await loadSession();
  if (state.user) startApp(); else showLogin();
});
