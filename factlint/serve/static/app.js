// factlint's local page: lint the draft as it is typed, highlight findings, apply fixes.
// Offsets from the server ("from", "to") count UTF-16 code units, as JavaScript strings do.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { findings: [], linted: null, current: -1, maxBytes: Infinity, timer: 0, sequence: 0 };

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function draftName() {
  return $("name").textContent || "draft.txt";
}

async function call(path, text) {
  const body = JSON.stringify({ text, name: draftName(), date: $("date").value, pack: $("pack").value });
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body });
  let answer;
  try {
    answer = await response.json();
  } catch (error) {
    throw new Error(`the server answered ${response.status} without a message`);
  }
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

function tooLarge(text) {
  const size = new Blob([text]).size;
  if (size <= state.maxBytes) return null;
  return `The draft is ${(size / 1e6).toFixed(1)} MB, over this server's limit of ${(state.maxBytes / 1e6).toFixed(1)} MB: lint it with the factlint command instead.`;
}

async function lint(path = "/api/lint") {
  const text = $("draft").value;
  const sequence = ++state.sequence;
  const problem = tooLarge(text);
  if (problem) {
    show(null, [], problem);
    return;
  }
  status(path === "/api/fix" ? "Applying every fix…" : "Checking…");
  try {
    const answer = await call(path, text);
    if (sequence !== state.sequence) return; // a newer check is on its way
    if (path === "/api/fix") $("draft").value = answer.text;
    show(answer.text, answer.findings, null, answer.dateline);
    if (path === "/api/fix" && answer.unfixed) {
      status(`Applied every fix that agrees with the others; ${answer.unfixed} conflicting fix${answer.unfixed === 1 ? " is" : "es are"} left for you to choose.`);
    }
  } catch (error) {
    if (sequence === state.sequence) show(null, [], error.message);
  }
}

function show(text, findings, error, dateline = null) {
  state.linted = text;
  state.findings = findings;
  state.current = findings.length && state.current >= 0 ? Math.min(state.current, findings.length - 1) : -1;
  renderHighlights(text === null ? "" : text, findings); // a draft that failed is not drawn: it may be huge
  renderList(findings);
  $("apply-all").disabled = !findings.some((f) => f.fix !== null);
  $("dateline").textContent = dateline ? `${dateline.date} (${dateline.source})` : (error ? "" : "no dateline");
  const count = findings.length;
  $("count").textContent = count ? `${count} finding${count === 1 ? "" : "s"}` : "No findings";
  if (error) status(error, true);
  else status(count ? "Use n and p to move between findings." : "No findings.");
  markCurrent(false);
}

function renderHighlights(text, findings) {
  const view = $("highlighted");
  view.replaceChildren();
  const cuts = new Set([0, text.length]);
  findings.forEach((f) => { cuts.add(f.from); cuts.add(f.to); });
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const [start, end] = [points[k], points[k + 1]];
    const covering = findings.map((f, i) => i).filter((i) => findings[i].from <= start && end <= findings[i].to);
    const piece = text.slice(start, end);
    if (!covering.length) {
      view.append(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement("mark");
    const levels = covering.map((i) => findings[i].level);
    mark.className = levels.includes("error") ? "error" : levels.includes("warning") ? "warning" : "info";
    mark.dataset.findings = covering.join(" ");
    mark.title = covering.map((i) => `${findings[i].rule}: ${findings[i].message}`).join("\n");
    mark.tabIndex = -1;
    mark.textContent = piece;
    mark.addEventListener("click", () => select(covering[0]));
    view.append(mark);
  }
}

function renderList(findings) {
  const list = $("findings");
  list.replaceChildren();
  findings.forEach((f, i) => {
    const item = document.createElement("li");
    item.className = f.level;
    item.tabIndex = -1;
    item.dataset.index = i;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `${f.line}:${f.column} ${f.level} `;
    const rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = f.rule;
    const message = document.createElement("div");
    message.className = "message";
    message.textContent = f.message;
    item.append(where, rule, message);
    if (f.fix !== null) {
      const apply = document.createElement("button");
      apply.type = "button";
      apply.className = "apply";
      apply.textContent = `Apply: ${f.fix}`;
      apply.addEventListener("click", (event) => { event.stopPropagation(); applyOne(i); });
      item.append(apply);
    }
    item.addEventListener("click", () => select(i));
    list.append(item);
  });
}

function select(index) {
  state.current = index;
  markCurrent(true);
}

function markCurrent(focus) {
  document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
  const i = state.current;
  if (i < 0) return;
  const item = $("findings").children[i];
  const marks = [...document.querySelectorAll("#highlighted mark")].filter((m) => m.dataset.findings.split(" ").includes(String(i)));
  item?.classList.add("current");
  marks.forEach((m) => m.classList.add("current"));
  if (focus) {
    marks[0]?.scrollIntoView({ block: "center" });
    item?.scrollIntoView({ block: "nearest" });
    item?.focus({ preventScroll: true });
    const f = state.findings[i];
    status(`${i + 1} of ${state.findings.length}: ${f.line}:${f.column} ${f.rule}: ${f.message}`);
  }
}

function move(step) {
  const count = state.findings.length;
  if (!count) return;
  select(state.current < 0 ? (step > 0 ? 0 : count - 1) : (state.current + step + count) % count);
}

function applyOne(index) {
  const f = state.findings[index];
  const text = $("draft").value;
  if (!f || f.fix === null) return;
  if (text !== state.linted) {
    status("The draft changed since it was checked: check it again, then apply.", true);
    lint();
    return;
  }
  $("draft").value = text.slice(0, f.from) + f.fix + text.slice(f.to);
  state.current = index;
  lint();
}

function scheduleLint() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => lint(), 300);
}

async function openFile(file) {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    $("name").textContent = file.name;
    $("draft").value = text;
    lint();
  } catch (error) {
    show(null, [], `${file.name}: not a UTF-8 text draft`);
  }
}

async function copyDraft() {
  const text = $("draft").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    $("draft").select();
    document.execCommand("copy");
  }
  status("The draft is on the clipboard.");
}

function downloadDraft() {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([$("draft").value], { type: "text/plain;charset=utf-8" }));
  link.download = draftName();
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function onKey(event) {
  const typing = ["TEXTAREA", "INPUT", "SELECT"].includes(document.activeElement?.tagName);
  if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    move(event.key === "ArrowDown" ? 1 : -1);
  } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    if (event.key === "n" || event.key === "j") move(1);
    else if (event.key === "p" || event.key === "k") move(-1);
    else if (event.key === "a" && state.current >= 0) applyOne(state.current);
    else return;
    event.preventDefault();
  }
}

async function start() {
  try {
    const response = await fetch("/api/packs");
    const answer = await response.json();
    state.maxBytes = answer.max_bytes;
    for (const pack of answer.packs) $("pack").append(new Option(pack.label, pack.id));
  } catch (error) {
    status("Cannot reach the factlint server.", true);
  }
  $("draft").addEventListener("input", scheduleLint);
  $("date").addEventListener("change", () => lint());
  $("pack").addEventListener("change", () => lint());
  $("check").addEventListener("click", () => lint());
  $("apply-all").addEventListener("click", () => lint("/api/fix"));
  $("copy").addEventListener("click", copyDraft);
  $("download").addEventListener("click", downloadDraft);
  $("open").addEventListener("change", (event) => event.target.files[0] && openFile(event.target.files[0]));
  document.addEventListener("keydown", onKey);
  document.body.dataset.ready = "true";
}

start();
