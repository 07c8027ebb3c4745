"""Surge alerts: weekly counts per admin1 × event type tested against their recent baselines,
and the crosswalk that ties an event's admin1 to the map's province polygons by code."""
