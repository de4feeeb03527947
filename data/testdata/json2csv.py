#!/usr/bin/env python3
"""Writes a collab JSON dataset with single scores (such as /work/shared/bench/gen.py's) as a
cities CSV and a links CSV, for timing the CSV reader against the JSON one (docs/PERFORMANCE.md).

usage: json2csv.py IN.json CITIES.csv LINKS.csv   (standard library only)"""
import csv, json, sys

ds = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "province", "lat", "lon", "score"])
    for c in ds["cities"]:
        w.writerow([c["id"], c["name"], c.get("province", ""), c["lat"], c["lon"], c["score"]])
with open(sys.argv[3], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "weight"])
    for l in ds.get("links", []):
        w.writerow([l["source"], l["target"], repr(l.get("weight", 1))])
