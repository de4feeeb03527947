"""Read collab's GIS files with geopandas and say what it sees.

Usage: /usr/bin/python3 geopandas_layers.py PATH[|LAYER]...

For each file (a GeoJSON file, or a GeoPackage and a layer name after
"|"), prints the number of rows, the geometry types and the dtype of
each column, as one JSON object on the last line.
"""
import json
import sys

import geopandas

out = []
for arg in sys.argv[1:]:
    path, _, layer = arg.partition("|")
    frame = geopandas.read_file(path, layer=layer) if layer else geopandas.read_file(path)
    out.append({"source": arg, "rows": len(frame),
                "geometry": sorted(set(frame.geom_type.dropna())),
                "dtypes": {c: str(t) for c, t in frame.dtypes.items() if c != "geometry"}})
print(json.dumps(out))
