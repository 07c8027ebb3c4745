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

// protomaps-leaflet drops a tile whose zoom is no longer the latest one asked for, without telling Leaflet it is
// done. When the map comes back to that zoom (the dashboard's own zoom to its events can do this in a few
// frames) Leaflet keeps the undrawn tile as current and it stays blank until the map moves: draw it again.
function redrawDroppedTiles(layer) {
  const render = layer.renderTile.bind(layer);
  layer.renderTile = (coords, tile, key, done = () => {}) => {
    let finished = false;
    return render(coords, tile, key, () => { finished = true; done(); }).then(() => {
      if (!finished && tile.key === key && layer._map && layer._tileZoom === coords.z) {
        return layer.renderTile(coords, tile, key, done);
      }
      return undefined;
    });
  };
}

// protomaps-leaflet, fetched once more if the page's own <script> failed to load it (a failed script is no
// page error: without this the map would quietly fall back to bare outlines for the whole visit).
async function protomapsLibrary() {
  if (window.protomapsL) return window.protomapsL;
  await new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = "vendor/protomaps-leaflet.js";
    script.onload = resolve;
    script.onerror = resolve;
    document.head.append(script);
  });
  return window.protomapsL;
}

// The basemap's settings, asked for again after a failure: a request refused while the server is busy must
// not leave the dashboard without its map for the whole visit.
async function basemapConfig(tries = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api("/api/basemap");
    } catch (err) {
      if (attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

// Adds the basemap under everything else. Resolves to what was drawn ("built", "built+extract") or to "none"
// when the install built no tiles (the caller then falls back to plain country outlines); the map's container
// carries the answer (data-basemap) and, for "none", why (data-basemap-problem), so a missing map says so.
export async function addBasemap(map) {
  const box = map.getContainer();
  const none = (why) => {
    box.dataset.basemapProblem = why;
    box.dataset.basemap = "none";
    console.warn(`sitrep: no basemap (${why}); drawing country outlines`);
    return "none";
  };
  let P, config;
  try {
    [P, config] = await Promise.all([protomapsLibrary(), basemapConfig()]);
  } catch (err) {
    return none(`/api/basemap: ${err.message}`);
  }
  if (!P) return none("protomaps-leaflet did not load");
  if (config.problem) toast(config.problem, true);
  if (!config.url) return none("the install built no basemap (run `make`)");
  const base = P.leafletLayer({
    url: config.url, maxDataZoom: config.max_zoom, paintRules: paintRules(P), labelRules: labelRules(P),
    attribution: config.attribution, backgroundColor: SEA, zIndex: 1,
  });
  redrawDroppedTiles(base);
  base.addTo(map);
  let drawn = "built";
  if (config.extract) {
    const extract = P.leafletLayer({
      url: config.extract.url, flavor: "light", lang: "en", attribution: config.extract.attribution, zIndex: 2,
    });
    extract.backgroundColor = undefined; // outside the extract's area the built map must show through
    redrawDroppedTiles(extract);
    extract.addTo(map);
    drawn = "built+extract";
  }
  box.dataset.basemap = drawn;
  return drawn;
}
