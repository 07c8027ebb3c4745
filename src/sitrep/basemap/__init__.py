"""The offline basemap: vector tiles built at install time from packaged GeoNames and Natural Earth data."""
