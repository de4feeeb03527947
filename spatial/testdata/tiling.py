#!/usr/bin/env python3
"""Writes a synthetic boundary file for timing contiguity: a COLS x ROWS tiling of
quadrilaterals near Shanghai, inner corners moved at random, each edge carrying one
shared extra vertex (9 positions per ring), about one cell in three left out, as a
GeoJSON FeatureCollection of Polygons with "id" and "score" properties.

usage: tiling.py COLS ROWS [SEED] > tiling.geojson   (deterministic; standard library only)"""
import json, random, sys

cols, rows = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
size = 0.1 if cols * rows <= 10000 else 0.02
corner = [[None] * (rows + 1) for _ in range(cols + 1)]
for i in range(cols + 1):
    for j in range(rows + 1):
        dx = dy = 0.0
        if 0 < i < cols and 0 < j < rows:
            dx, dy = (rnd.random() - 0.5) * 0.6 * size, (rnd.random() - 0.5) * 0.6 * size
        corner[i][j] = (round(110 + i * size + dx, 7), round(25 + j * size + dy, 7))
mids = {}
def mid(i1, j1, i2, j2):
    key = (min(i1, i2), min(j1, j2), max(i1, i2), max(j1, j2))
    if key not in mids:
        (ax, ay), (bx, by) = corner[i1][j1], corner[i2][j2]
        t = 0.3 + 0.4 * rnd.random()
        mids[key] = (round(ax + t * (bx - ax), 7), round(ay + t * (by - ay), 7))
    return mids[key]
features = []
for i in range(cols):
    for j in range(rows):
        if rnd.randrange(3) == 0:
            continue
        ring = [corner[i][j], mid(i, j, i + 1, j), corner[i + 1][j], mid(i + 1, j, i + 1, j + 1),
                corner[i + 1][j + 1], mid(i + 1, j + 1, i, j + 1), corner[i][j + 1], mid(i, j + 1, i, j), corner[i][j]]
        features.append({"type": "Feature", "properties": {"id": f"t{i}_{j}", "score": round(rnd.expovariate(0.1), 3)},
                         "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}})
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout)
