// The offline basemap: vector tiles built at install time (`make`: GeoNames places, Natural Earth land,
// coasts, borders, provinces, lakes and rivers), drawn on canvas by protomaps-leaflet with the system's
// fonts, so no glyph or tile comes from the internet. A user's own OpenStreetMap extract (SITREP_BASEMAP)
// is drawn over it with Protomaps' light style for street detail.
/* global protomapsL */
import { api, toast } from "./util.js";

const SEA = "#b9d3e6";
const LAND = "#f3f1eb";
const INK = "#3a3a3a";
const HALO = "rgba(255,255,255,0.9)";

function paintRules(P) {
  const kind = (k) => (z, f) => f.props.kind === k;
  return [
    { dataLayer: "land", symbolizer: new P.PolygonSymbolizer({ fill: LAND }) },
    { dataLayer: "lakes", symbolizer: new P.PolygonSymbolizer({ fill: SEA }) },
    { dataLayer: "rivers", symbolizer: new P.LineSymbolizer({ color: "#9fc1dc", width: (z) => (z < 7 ? 0.7 : 1.4) }) },
    { dataLayer: "boundaries", filter: kind("coast"), symbolizer: new P.LineSymbolizer({ color: "#8fb0c8", width: 0.7 }) },
    { dataLayer: "boundaries", filter: kind("province"),
      symbolizer: new P.LineSymbolizer({ color: "#b5a7c2", width: (z) => (z < 7 ? 0.6 : 1), dash: [4, 3] }) },
    { dataLayer: "boundaries", filter: kind("country"),
      symbolizer: new P.LineSymbolizer({ color: "#8c7d9c", width: (z) => (z < 5 ? 0.8 : 1.6) }) },
  ];
}

function labelRules(P) {
  // bigger towns first: the labeller keeps the first label of a crowded spot
  const byPopulation = (a, b) => (b.capital - a.capital) || (b.pop - a.pop);
  const size = (z, f) => (f.props.capital || f.props.rank + 2 <= z ? 13 : 11);
  return [
    { dataLayer: "places", filter: (z, f) => f.props.rank <= z, sort: byPopulation,
      symbolizer: new P.CenteredTextSymbolizer({
        labelProps: ["name"], fill: INK, stroke: HALO, width: 2.5,
        font: (z, f) => `${f && f.props.capital ? 600 : 400} ${f ? size(z, f) : 11}px sans-serif`,
      }) },
    { dataLayer: "regions", sort: () => 0,
      symbolizer: new P.CenteredTextSymbolizer({
        labelProps: ["name"], fill: "#7d6e8c", stroke: HALO, width: 2, font: "italic 11px sans-serif",
        textTransform: "uppercase",
      }) },
  ];
}

// Adds the basemap under everything else; resolves to true when tiles are drawn, false when the install
// built none (the caller then falls back to plain country outlines).
export async function addBasemap(map) {
  const P = window.protomapsL;
  let config;
  try {
    config = await api("/api/basemap");
  } catch {
    return false;
  }
  if (config.problem) toast(config.problem, true);
  if (!P || !config.url) return false;
  const base = P.leafletLayer({
    url: config.url, maxDataZoom: config.max_zoom, paintRules: paintRules(P), labelRules: labelRules(P),
    attribution: config.attribution, backgroundColor: SEA, zIndex: 1,
  });
  base.addTo(map);
  map.getContainer().dataset.basemap = "built";
  if (config.extract) {
    const extract = P.leafletLayer({
      url: config.extract.url, flavor: "light", lang: "en", attribution: config.extract.attribution, zIndex: 2,
    });
    extract.backgroundColor = undefined; // outside the extract's area the built map must show through
    extract.addTo(map);
    map.getContainer().dataset.basemap = "built+extract";
  }
  return true;
}
