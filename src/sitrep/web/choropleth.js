// Provinces (Natural Earth admin-1, simplified at install time) shaded by events or
// fatalities for the current filters. Polygons and API rows meet on the GeoNames
// admin1 code (the server resolves each event's admin1 name to it), never on names.
// Only provinces with events (or a surge) are drawn: all 4,600 as SVG paths cost the
// first paint a second and every zoom a restyle. Their lines come from the basemap,
// which draws every province; drawing ours too gave two lines a few pixels apart
// once zoomed in (the two layers are simplified differently).
/* global L, topojson */
import { clear, el } from "./util.js";

const SHADES = ["#fff5eb", "#fdd0a2", "#fdae6b", "#f16913", "#a63603"];
const MAX_FILL_ZOOM = 8; // beyond this the fills hide the streets; the outlines stay

function breaks(values) {
  // Classes on a square-root scale: conflict counts are skewed, a linear scale paints one province.
  const top = Math.max(1, ...values);
  return SHADES.slice(1).map((_, i) => Math.max(1, Math.round(top * ((i + 1) / SHADES.length) ** 2)));
}

export function createChoropleth(map, { onPick, legendBox }) {
  map.createPane("provinces");
  map.getPane("provinces").style.zIndex = 420; // over the opaque countries (overlay pane, 400), under the events
  let layer = null;
  let totals = new Map();
  let alerted = new Set();
  let metric = "events";
  let cuts = [];
  let ownLines = true; // false once the basemap draws the province lines
  // TopoJSON geometries by code, turned into GeoJSON only when a province is first drawn (converting all
  // 4,600 up front held the page's first paint for a quarter of a second).
  let topo = null;
  const geometriesByCode = new Map();
  const shapesByCode = new Map();
  let drawnCodes = "";
  const ready = fetch("vendor/admin1.topo.json")
    .then((r) => r.json())
    .then((data) => {
      topo = data;
      for (const g of topo.objects[Object.keys(topo.objects)[0]].geometries) {
        const code = g.properties && g.properties.code;
        if (!code) continue;
        if (!geometriesByCode.has(code)) geometriesByCode.set(code, []);
        geometriesByCode.get(code).push(g);
      }
      layer = L.geoJSON(null, { pane: "provinces", style, onEachFeature: bind }).addTo(map);
    });

  function shapesOf(code) {
    if (!shapesByCode.has(code)) {
      shapesByCode.set(code, geometriesByCode.get(code).map((g) => topojson.feature(topo, g)));
    }
    return shapesByCode.get(code);
  }

  function value(feature) {
    const row = totals.get(feature.properties.code);
    return row ? row[metric] : 0;
  }

  function shade(v) {
    if (!v) return null;
    let i = 0;
    while (i < cuts.length && v >= cuts[i]) i++;
    return SHADES[i];
  }

  function style(feature) {
    const close = map.getZoom() > MAX_FILL_ZOOM;
    const fill = close ? null : shade(value(feature));
    const hot = alerted.has(feature.properties.code);
    // Close in, a surge is a soft band along the basemap's exact line, not a second, coarser line beside it.
    const hotLine = close && !ownLines ? { weight: 9, opacity: 0.3 } : { weight: 3, opacity: 1 };
    return {
      stroke: hot || ownLines, color: hot ? "#d7191c" : "#7c8594", weight: hot ? hotLine.weight : 0.5,
      opacity: hot ? hotLine.opacity : 0.7,
      fillColor: fill || "#000", fillOpacity: fill ? 0.65 : 0, className: "province",
    };
  }

  function bind(feature, shapeLayer) {
    shapeLayer.on("click", () => {
      const row = totals.get(feature.properties.code);
      if (row) onPick(row);
    });
    shapeLayer.bindTooltip(() => {
      const row = totals.get(feature.properties.code);
      const name = row ? row.admin1 : feature.properties.name;
      return row ? `${name}: ${row.events} events, ${row.fatalities} fatalities` : `${name}: no events`;
    }, { sticky: true });
  }

  function drawLegend() {
    const box = clear(legendBox);
    const lows = [1, ...cuts];
    box.append(el("div", {}, `Provinces by ${metric}`));
    SHADES.slice(1).forEach((colour, i) => {
      const upper = i + 1 < lows.length ? lows[i + 1] - 1 : null;
      const label = upper === null || upper < lows[i] ? `${lows[i]}+` : `${lows[i]}–${upper}`;
      box.append(el("div", { class: "legend-row" }, el("span", { class: "legend-box", style: `background:${colour}` }), label));
    });
    box.append(el("div", { class: "legend-row" }, el("span", { class: "legend-box alerted" }), "surge this week"));
  }

  function restyle() {
    if (!layer) return;
    layer.setStyle(style);
    // Leaflet sets className only when a path is created: mark surges on the elements themselves.
    layer.eachLayer((shape) => {
      const node = shape.getElement && shape.getElement();
      if (node) node.classList.toggle("alerted", alerted.has(shape.feature.properties.code));
    });
  }

  // The provinces to draw: those with events under the filters, and the surging ones.
  function drawShapes() {
    const codes = [...new Set([...totals.keys(), ...alerted])].filter((c) => geometriesByCode.has(c)).sort();
    const key = codes.join("|");
    if (key === drawnCodes) return;
    drawnCodes = key;
    layer.clearLayers();
    layer.addData({ type: "FeatureCollection", features: codes.flatMap(shapesOf) });
  }

  async function update(rows, alertRows, which) {
    await ready;
    metric = which || metric;
    totals = new Map();
    for (const r of rows) {
      if (!r.polygon) continue; // an admin1 the crosswalk cannot place: still in the table, not on the map
      const seen = totals.get(r.polygon);
      if (seen) { seen.events += r.events; seen.fatalities += r.fatalities; } else totals.set(r.polygon, { ...r });
    }
    alerted = new Set(alertRows.map((a) => a.polygon).filter(Boolean));
    cuts = breaks([...totals.values()].map((r) => r[metric]));
    drawShapes();
    restyle();
    drawLegend();
    document.body.dataset.provinces = String(totals.size);
  }

  map.on("zoomend", restyle);
  // The basemap draws every province's line: keep ours only for surges (and when there is no basemap).
  function useBasemapLines(drawn) {
    ownLines = !drawn;
    restyle();
  }

  return { update, ready, useBasemapLines, setMetric: (m) => { metric = m; cuts = breaks([...totals.values()].map((r) => r[m])); restyle(); drawLegend(); } };
}
