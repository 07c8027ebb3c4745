// The dashboard's entry point: filters, loading, the event table; the map,
// timeline and panels live in their own modules.
import { api, clear, colourFor, el, fmt, toast, TYPE_COLOURS } from "./util.js";
import { createMap } from "./map.js";
import { createChoropleth } from "./choropleth.js";
import { createTimeline } from "./timeline.js";
import { createPanel } from "./panel.js";
import { createTrendChart } from "./trend.js";

const LIST_FIELDS = "event_id|event_date|event_type|sub_event_type|actor1|actor2|location|admin1|country|latitude|longitude|fatalities|review_status";
const LIST_LIMIT = 1000; // the table; the map gets every event from /api/map
const TABLE_ROWS = 300;

const state = { codebook: null, meta: null, canonical: false, brush: null };
const form = document.getElementById("filter-form");
const $ = (id) => document.getElementById(id);

// A token in the URL fragment (#token=…, as `make demo` prints) is kept for the session only.
(function tokenFromFragment() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem("sitrep-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  $("token").value = sessionStorage.getItem("sitrep-token") || "";
  $("reviewer").value = localStorage.getItem("sitrep-reviewer") || "";
})();
$("token").addEventListener("change", () => sessionStorage.setItem("sitrep-token", $("token").value));
$("reviewer").addEventListener("change", () => localStorage.setItem("sitrep-reviewer", $("reviewer").value));

export function credentials() {
  return { token: $("token").value.trim(), reviewer: $("reviewer").value.trim() };
}

function filterParams({ withDates = true } = {}) {
  const p = new URLSearchParams();
  p.set("canonical", state.canonical ? "true" : "false");
  const from = $("filter-from").value;
  const to = $("filter-to").value;
  if (withDates && (from || to)) {
    p.set("event_date", `${from || "0001-01-01"}|${to || "9999-12-31"}`);
    p.set("event_date_where", "BETWEEN");
  }
  for (const [name, id] of [["country", "filter-country"], ["admin1", "filter-admin1"], ["event_type", "filter-event-type"], ["actor", "filter-actor"]]) {
    const value = $(id).value.trim();
    if (value) p.set(name, value);
  }
  return p;
}

const mapView = createMap((id) => panel.openEvent(id));
// A province picked on the map or from a surge: filter to it; a surge's chart opens on the surging event type.
function pickProvince(row, eventType = null) {
  $("filter-country").value = row.country || "";
  $("filter-admin1").value = row.admin1 || "";
  state.trendType = eventType;
  refresh();
}
const trendChart = createTrendChart($("province-trend"));
const choropleth = createChoropleth(mapView.map, { onPick: pickProvince, legendBox: $("province-legend") });
$("choropleth-metric").addEventListener("change", () => choropleth.setMetric($("choropleth-metric").value));
const timeline = createTimeline($("timeline"), (range) => {
  $("filter-from").value = range ? range.from : "";
  $("filter-to").value = range ? range.to : "";
  $("brush-label").textContent = range ? `${range.from} → ${range.to}` : "";
  $("clear-brush").hidden = !range;
  state.brush = range;
  refresh({ keepTimeline: true });
}, $("timeline-outliers"));
$("clear-brush").addEventListener("click", () => timeline.clearBrush());
const panel = createPanel({ credentials, onChanged: () => refresh({ keepTimeline: true }), codebook: () => state.codebook, focus: (e) => mapView.focus(e) });

function renderTable(events) {
  const body = clear($("event-table").querySelector("tbody"));
  for (const e of events.slice(0, TABLE_ROWS)) {
    const row = el("tr", { dataset: { eventId: e.event_id }, onclick: () => panel.openEvent(e.event_id), tabindex: 0 },
      el("td", {}, fmt(e.event_date)),
      el("td", {}, el("span", { class: "swatch", style: `background:${colourFor(e.event_type)}` }), fmt(e.event_type)),
      el("td", {}, fmt(e.sub_event_type)),
      el("td", {}, fmt(e.actor1)),
      el("td", {}, fmt(e.actor2)),
      el("td", {}, [e.location, e.admin1, e.country].filter(Boolean).join(", ") || "—"),
      el("td", { class: "num" }, fmt(e.fatalities)),
      el("td", { class: "num", title: (e.sources || []).join(", ") }, e.sources ? String(e.sources.length) : "1"),
      el("td", {}, e.review_status ? el("span", { class: `status ${e.review_status}` }, e.review_status) : ""));
    row.addEventListener("keydown", (evt) => { if (evt.key === "Enter") panel.openEvent(e.event_id); });
    body.append(row);
  }
  $("table-more").textContent = events.length > TABLE_ROWS ? `showing ${TABLE_ROWS} of ${events.length} (narrow the filters to see the rest)` : `${events.length} events`;
}

function renderTrend(change) {
  const box = clear($("trend"));
  if (!change) { box.textContent = "—"; return; }
  const pct = (v) => (v === null ? "n/a" : `${v > 0 ? "+" : ""}${v}%`);
  box.append(el("div", {}, `Week of ${change.week}: ${change.total.count} events`),
    el("div", { class: "muted" }, `vs 4-week avg ${change.total.avg_4w} (${pct(change.total.change_4w_pct)}), 52-week avg ${change.total.avg_52w} (${pct(change.total.change_52w_pct)})`));
  const list = el("ul", { class: "trend-list" });
  for (const t of change.by_event_type) {
    if (!t.count && !t.avg_4w) continue;
    list.append(el("li", {}, el("span", { class: "swatch", style: `background:${colourFor(t.event_type)}` }), `${t.event_type}: ${t.count} (${pct(t.change_4w_pct)} vs 4w)`));
  }
  box.append(list);
}

function renderAlerts(body) {
  const list = clear($("alerts"));
  $("alerts-head").textContent = body.week
    ? `Week of ${body.week}: ${body.alerts.length} of ${body.tested} province × type cells above their averages`
    : "no dated events";
  for (const a of body.alerts) {
    const item = el("li", { class: "alert", tabindex: 0, dataset: { admin1: a.admin1 }, title: `p = ${a.p_value} (${a.model.replace("_", " ")})`,
      onclick: () => pickProvince(a, a.event_type) },
    el("span", { class: "swatch", style: `background:${colourFor(a.event_type)}` }),
    el("strong", {}, `${a.admin1}, ${a.country}`), ` — ${a.event_type}: ${a.count} `,
    el("span", { class: "muted" }, `(4-wk avg ${a.avg_4w}, 52-wk avg ${a.avg_52w})`));
    list.append(item);
  }
}

function fillDatalists(stats) {
  const countries = [...new Set(stats.by_admin1.map((r) => r.country).filter(Boolean))];
  clear($("countries")).append(...countries.map((c) => el("option", { value: c })));
  clear($("admin1s")).append(...stats.by_admin1.filter((r) => r.admin1).map((r) => el("option", { value: r.admin1 }, r.country || "")));
  clear($("actors")).append(...stats.by_actor.map((r) => el("option", { value: r.actor })));
}

let generation = 0;
export async function refresh({ keepTimeline = false } = {}) {
  const mine = ++generation;
  const params = filterParams();
  params.set("limit", String(LIST_LIMIT));
  params.set("total", "true");
  params.set("fields", state.canonical ? `${LIST_FIELDS}|sources` : LIST_FIELDS);
  try {
    const timelineParams = filterParams({ withDates: false });
    timelineParams.set("top", "100");
    // A selected province or country gets its trend: the weeks up to the end of the date filter, if any.
    const place = [$("filter-admin1").value.trim(), $("filter-country").value.trim()].filter(Boolean).join(", ");
    const trendParams = filterParams({ withDates: false });
    if ($("filter-to").value) trendParams.set("week", $("filter-to").value);
    const [events, stats, provinces, alerts, trend, world] = await Promise.all([
      api(`/api/events?${params}`),
      api(`/api/stats?${timelineParams}`),
      api(`/api/admin1?${filterParams()}`),
      api(`/api/alerts?${filterParams()}`),
      place ? api(`/api/alerts/trend?${trendParams}`) : null,
      api(`/api/map?${mapView.worldParams(filterParams())}`),
    ]);
    if (mine !== generation) return; // a newer refresh is on its way
    // The map first: its view and its cells' request go out before the panels below are drawn.
    const mapShown = mapView.show(filterParams(), world);
    // A brush or a review leaves the weekly bars as they are (they ignore the date
    // filter); redrawing them under the pointer would break a double-click.
    if (!keepTimeline || !state.timelineDrawn) {
      fillDatalists(stats);
      timeline.draw(stats.weekly, state.brush);
      state.timelineDrawn = true;
    }
    renderTrend(stats.change);
    renderAlerts(alerts);
    trendChart.show(trend, place, state.trendType);
    state.trendType = undefined; // a later refresh keeps the type the analyst chose
    renderTable(events.data);
    $("summary").textContent = `${events.total ?? events.count} ${state.canonical ? "deduplicated" : "per-article"} events shown · ${state.meta.counts.articles} articles`;
    await Promise.all([mapShown, choropleth.update(provinces.data, alerts.alerts, $("choropleth-metric").value)]);
    document.body.dataset.loaded = "true";
  } catch (err) {
    toast(`Could not load events: ${err.message}`, true);
  }
}

async function start() {
  let backdrop;
  try {
    // The basemap joins the map before the first refresh moves it (a layer added mid-zoom is a race to avoid).
    [state.meta, state.codebook, backdrop] = await Promise.all([api("/api/meta"), api("/api/codebook"), mapView.backdrop]);
  } catch (err) {
    toast(`The API is not answering: ${err.message}`, true);
    return;
  }
  choropleth.useBasemapLines(backdrop !== "none");
  state.canonical = state.meta.canonical_default;
  $("canonical").checked = state.canonical;
  $("canonical").disabled = !state.meta.counts.canonical_events;
  const select = $("filter-event-type");
  for (const t of state.codebook.choices.event_type) select.append(el("option", { value: t }, t));
  const legend = $("legend");
  for (const [t, c] of Object.entries(TYPE_COLOURS)) legend.append(el("li", {}, el("span", { class: "swatch", style: `background:${c}` }), t));
  await refresh();
}

form.addEventListener("submit", (evt) => {
  evt.preventDefault();
  state.brush = $("filter-from").value || $("filter-to").value ? { from: $("filter-from").value || "0001-01-01", to: $("filter-to").value || "9999-12-31" } : null;
  $("brush-label").textContent = "";
  refresh();
});
$("reset-filters").addEventListener("click", () => { form.reset(); state.brush = null; $("brush-label").textContent = ""; refresh(); });
$("canonical").addEventListener("change", () => { state.canonical = $("canonical").checked; refresh(); });

start();
