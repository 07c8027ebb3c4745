// The map: an offline basemap (Natural Earth countries from the world-atlas npm
// package, no tile server) and clustered event markers coloured by event type
// and sized by fatalities.
/* global L, topojson */
import { colourFor } from "./util.js";

export function createMap(onSelect) {
  // No tiles: zoom is capped where the 1:50m country outlines still look right.
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 10 }).setView([25, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas");
  const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
  map.addLayer(clusters);

  fetch("vendor/countries-50m.json")
    .then((r) => r.json())
    .then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        style: { color: "#8a8f98", weight: 0.6, fillColor: "#eceae4", fillOpacity: 1 },
        interactive: false,
      }).addTo(map).bringToBack();
    })
    .catch(() => { /* a map without the basemap still shows events */ });

  function show(events) {
    clusters.clearLayers();
    const markers = [];
    for (const e of events) {
      if (e.latitude === null || e.longitude === null || e.latitude === undefined) continue;
      const size = Math.round(10 + 5 * Math.sqrt(Math.max(0, e.fatalities || 0)));
      const icon = L.divIcon({
        className: "event-marker",
        html: `<span style="width:${size}px;height:${size}px;background:${colourFor(e.event_type)}"></span>`,
        iconSize: [size, size],
      });
      const marker = L.marker([e.latitude, e.longitude], { icon, title: `${e.event_date || ""} ${e.event_type || ""}` });
      marker.on("click", () => onSelect(e.event_id));
      markers.push(marker);
    }
    clusters.addLayers(markers);
    if (markers.length) {
      const bounds = clusters.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
    }
  }

  function focus(event) {
    if (event && event.latitude !== null && event.longitude !== null && event.latitude !== undefined) {
      map.setView([event.latitude, event.longitude], Math.max(map.getZoom(), 7));
    }
  }

  return { map, show, focus };
}
