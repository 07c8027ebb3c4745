// Weekly event counts as stacked bars by event type; dragging across weeks
// selects a date range (the brush), double-click clears it.
import { colourFor, clear } from "./util.js";

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const GAP_WEEKS = 26; // a run of data this far from the rest is a separate period

// The run of weeks (split at gaps longer than GAP_WEEKS) holding the most events, and the rest.
export function denseRange(byWeek) {
  const all = [...byWeek.keys()].sort();
  const total = (w) => byWeek.get(w).reduce((n, r) => n + r.count, 0);
  const runs = [];
  for (const w of all) {
    const run = runs[runs.length - 1];
    if (run && (new Date(w) - new Date(run[run.length - 1])) / 6048e5 <= GAP_WEEKS) run.push(w);
    else runs.push([w]);
  }
  let best = [];
  let bestCount = -1;
  for (const run of runs) {
    const n = run.reduce((sum, w) => sum + total(w), 0);
    if (n > bestCount) { best = run; bestCount = n; }
  }
  const outliers = all.filter((w) => !best.includes(w)).map((w) => ({ week: w, count: total(w) }));
  return { dense: best, outliers };
}

export function createTimeline(element, onBrush, outlierBox) {
  function showOutliers(outliers) {
    if (!outlierBox) return;
    outlierBox.textContent = outliers.length
      ? `Not plotted (far from the rest): ${outliers.map((o) => `week of ${o.week} (${o.count})`).join(", ")}`
      : "";
  }

  let weeks = [];
  let brush = null; // {from, to} indexes into weeks
  let dragStart = null;

  function draw(weekly, selected) {
    const byWeek = new Map();
    for (const row of weekly) {
      if (!byWeek.has(row.week)) byWeek.set(row.week, []);
      byWeek.get(row.week).push(row);
    }
    // Fill empty weeks so the axis is continuous, over the dense range only: weeks far
    // from the bulk of the data (a 1945 date among 2022's) are listed, not plotted.
    weeks = [];
    const { dense: known, outliers } = denseRange(byWeek);
    showOutliers(outliers);
    if (known.length) {
      for (let w = known[0]; w <= known[known.length - 1]; w = addDays(w, 7)) weeks.push(w);
    }
    clear(element);
    const width = element.clientWidth || 600;
    const height = element.clientHeight || 90;
    const pad = 16;
    const max = Math.max(1, ...weeks.map((w) => (byWeek.get(w) || []).reduce((n, r) => n + r.count, 0)));
    const barW = weeks.length ? (width - 2) / weeks.length : width;
    weeks.forEach((w, i) => {
      let y = height - pad;
      for (const row of (byWeek.get(w) || []).sort((a, b) => a.event_type.localeCompare(b.event_type))) {
        const h = (row.count / max) * (height - pad - 4);
        const rect = svg("rect", { x: 1 + i * barW, y: y - h, width: Math.max(1, barW - 1), height: h, fill: colourFor(row.event_type) });
        const title = svg("title", {});
        title.textContent = `week of ${w}: ${row.count} ${row.event_type}`;
        rect.append(title);
        element.append(rect);
        y -= h;
      }
    });
    if (weeks.length) {
      for (const [i, anchor] of [[0, "start"], [weeks.length - 1, "end"]]) {
        const label = svg("text", { x: anchor === "start" ? 2 : width - 2, y: height - 3, "text-anchor": anchor, class: "axis" });
        label.textContent = weeks[i];
        element.append(label);
      }
    }
    brush = null;
    if (selected && weeks.length) {
      const from = weeks.findIndex((w) => addDays(w, 6) >= selected.from);
      let to = weeks.length - 1;
      while (to > 0 && weeks[to] > selected.to) to--;
      if (from >= 0 && to >= from) brush = { from, to };
    }
    drawBrush();
  }

  function drawBrush() {
    element.querySelectorAll(".brush").forEach((n) => n.remove());
    if (!brush || !weeks.length) return;
    const width = element.clientWidth || 600;
    const barW = (width - 2) / weeks.length;
    element.append(svg("rect", {
      class: "brush", x: 1 + brush.from * barW, y: 0, width: (brush.to - brush.from + 1) * barW,
      height: (element.clientHeight || 90) - 14,
    }));
  }

  function indexAt(evt) {
    const box = element.getBoundingClientRect();
    const i = Math.floor(((evt.clientX - box.left) / box.width) * weeks.length);
    return Math.min(weeks.length - 1, Math.max(0, i));
  }

  element.addEventListener("mousedown", (evt) => {
    if (!weeks.length) return;
    dragStart = indexAt(evt);
    brush = { from: dragStart, to: dragStart };
    drawBrush();
  });
  element.addEventListener("mousemove", (evt) => {
    if (dragStart === null) return;
    const i = indexAt(evt);
    brush = { from: Math.min(dragStart, i), to: Math.max(dragStart, i) };
    drawBrush();
  });
  window.addEventListener("mouseup", () => {
    if (dragStart === null) return;
    dragStart = null;
    if (brush) onBrush({ from: weeks[brush.from], to: addDays(weeks[brush.to], 6) });
  });
  function clearBrush() { brush = null; drawBrush(); onBrush(null); }
  element.addEventListener("dblclick", clearBrush);

  return { draw, clearBrush };
}
