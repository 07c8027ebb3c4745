// Small helpers shared by the dashboard modules. Every piece of text that came
// from an article or the API goes into the page as a text node (never HTML),
// so an article containing markup shows that markup as text.

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};

export function colourFor(eventType) {
  return TYPE_COLOURS[eventType] || "#34495e";
}

// el("div", {class: "x", onclick: fn}, "text", childNode, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function toast(message, isError = false) {
  const box = document.getElementById("toast");
  box.textContent = message;
  box.className = isError ? "error" : "";
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

export async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

// Text with highlighted ranges: spans = [{start, end, className, title, dataset}]
// relative to text. Overlaps are handled by cutting the text at every boundary
// and giving each piece the classes of all ranges covering it.
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
    if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
    const mark = el("mark", {
      class: [...new Set(covering.map((s) => s.className))].join(" "),
      title: covering.map((s) => s.title).filter(Boolean).join(" · "),
    }, piece);
    for (const s of covering) if (s.dataset) Object.assign(mark.dataset, s.dataset);
    frag.append(mark);
  }
  return frag;
}

export function fmt(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}
