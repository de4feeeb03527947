"""A 340-city region for the QAP benchmark (bench/qap.sh): the 338 prefecture
cities with coordinates of ../shared/data/sources/china_prefecture_cities.csv
and two synthetic ones,
with lognormal scores and undirected "copatent" links drawn with a
probability falling with distance and rising within a province (seed 18).

usage: python3 bench/qap_region.py SOURCES_CSV > region340.json
"""
import csv
import json
import math
import random
import sys

random.seed(18)
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
cities = [{"id": r["adcode"], "name": r["name_zh"], "province": r["province_zh"],
           "lat": float(r["lat"]), "lon": float(r["lon"])} for r in rows if r["lat"] and r["lon"]]
while len(cities) < 340:  # the rows without coordinates (Sansha) give way to synthetic cities
    k = len(cities)
    cities.append({"id": f"99{k:04d}", "name": f"synthetic {k}", "province": "synthetic", "lat": 30 + k % 7, "lon": 100 + k % 11})
for c in cities:
    c["score"] = round(math.exp(3 + 1.1 * random.gauss(0, 1)), 3)


def km(a, b):
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b["lon"] - a["lon"]) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(h, 1)))


links = []
for i, a in enumerate(cities):
    for b in cities[:i]:
        p = 0.02 + 0.25 * (a["province"] == b["province"]) + 0.3 * 150 / (km(a, b) + 150)
        if random.random() < p:
            links.append({"source": a["id"], "target": b["id"], "weight": 1 + random.randint(0, 9), "kind": "copatent"})
json.dump({"name": "340 Chinese cities, synthetic copatents (bench/qap_region.py)", "cities": cities, "links": links},
          sys.stdout, ensure_ascii=False)
