// The selected province's (or country's) weekly events beside the baselines the surge test used
// (/api/alerts/trend): bars for the weekly count (red where the week surged), a solid line for the
// baseline (the larger of the 4- and 52-week averages), dashed for the 4-week and dotted for the
// 52-week average. One event type at a time, or all of them; chips switch between them.
import { clear, colourFor, el } from "./util.js";

const NS = "http://www.w3.org/2000/svg";
const SURGE = "#d7191c";

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createTrendChart(box) {
  let body = null;
  let chosen = null; // an event type, or null for all of them

  function seriesFor(type) {
    return (type && body.by_event_type.find((s) => s.event_type === type)) || body.total;
  }

  function plot(chart, series, weeks) {
    const width = chart.clientWidth || 390;
    const height = chart.clientHeight || 150;
    const left = 26, bottom = 16, top = 6;
    const max = Math.max(1, ...series.counts, ...series.baseline, ...series.avg_4w, ...series.avg_52w);
    const step = (width - left - 2) / weeks.length;
    const y = (v) => top + (1 - v / max) * (height - top - bottom);
    const x = (i) => left + i * step + step / 2;
    for (const tick of [0, Math.round(max / 2), Math.round(max)]) {
      chart.append(svg("line", { x1: left - 3, x2: width, y1: y(tick), y2: y(tick), class: "grid" }));
      chart.append(svg("text", { x: left - 5, y: y(tick) + 3, "text-anchor": "end", class: "axis" }, String(tick)));
    }
    const colour = series === body.total ? "#5b6473" : colourFor(series.event_type);
    series.counts.forEach((n, i) => {
      const bar = svg("rect", {
        x: left + i * step + 1, y: y(n), width: Math.max(1, step - 2), height: y(0) - y(n),
        fill: series.surge[i] ? SURGE : colour, class: series.surge[i] ? "bar surge" : "bar",
      });
      bar.append(svg("title", {}, `week of ${weeks[i]}: ${n} events; baseline ${series.baseline[i]} `
        + `(4-wk avg ${series.avg_4w[i]}, 52-wk avg ${series.avg_52w[i]})${series.surge[i] ? " — surge" : ""}`));
      chart.append(bar);
    });
    const line = (values, cls) => chart.append(svg("polyline", {
      points: values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" "), class: cls,
    }));
    line(series.avg_52w, "avg52");
    line(series.avg_4w, "avg4");
    line(series.baseline, "baseline");
    chart.append(svg("text", { x: left, y: height - 3, class: "axis" }, weeks[0]));
    chart.append(svg("text", { x: width - 2, y: height - 3, "text-anchor": "end", class: "axis" }, weeks[weeks.length - 1]));
  }

  function render() {
    clear(box);
    if (!body) { box.hidden = true; return; }
    box.hidden = false;
    box.append(el("h2", {}, `${body.place}: weekly events`));
    if (!body.weeks.length) { box.append(el("div", { class: "muted" }, "no dated events")); return; }
    const series = seriesFor(chosen);
    const chips = el("div", { class: "trend-chips" });
    for (const s of [body.total, ...body.by_event_type]) {
      const type = s === body.total ? null : s.event_type;
      chips.append(el("button", {
        type: "button", class: `chip${s === series ? " on" : ""}`, dataset: { type: type || "" },
        onclick: () => { chosen = type; render(); },
      }, type ? el("span", { class: "swatch", style: `background:${colourFor(type)}` }) : null, s.event_type,
      s.surge[s.surge.length - 1] ? el("strong", { class: "surge-mark" }, " ▲") : null));
    }
    box.append(chips);
    const chart = svg("svg", { id: "trend-chart", role: "img", "aria-label": `weekly ${series.event_type} with baselines` });
    box.append(chart);
    plot(chart, series, body.weeks);
    const last = series.counts.length - 1;
    box.append(el("div", { class: "muted trend-key" },
      `Week of ${body.weeks[last]}: ${series.counts[last]} vs baseline ${series.baseline[last]} `
      + `(4-wk avg ${series.avg_4w[last]}, 52-wk avg ${series.avg_52w[last]})${series.surge[last] ? " — a surge" : ""}. `
      + "Line: baseline; dashed: 4-wk avg; dotted: 52-wk avg; red bars: surge weeks."));
  }

  // trend: the /api/alerts/trend body and the place it is for; type: the event type to show first.
  function show(trend, place, type) {
    body = trend ? { ...trend, place } : null;
    if (type !== undefined) chosen = type;
    if (body && chosen && !body.by_event_type.some((s) => s.event_type === chosen)) chosen = null;
    render();
  }

  return { show };
}
