#!/usr/bin/python3
"""graph-tool's weighted betweenness as a whole process, for a like-for-like timing.

usage: bench/gt_betweenness.py DATASET.json

Reads the dataset's links exactly as ../shared/bench/anchors.py does (path length
1/weight), computes graph-tool's betweenness and nothing else, and prints the largest
value. bench/compare.py times the whole process (interpreter start, imports, reading,
the computation), as it times collab analyze; anchors.py times the function call alone."""
import json, sys
import numpy as np
from graph_tool import Graph
from graph_tool.centrality import betweenness  # not graph_tool.all: its drawing modules slow the start

data = json.load(open(sys.argv[1]))
ids = {c["id"]: i for i, c in enumerate(data["cities"])}
E = [(ids[l["source"]], ids[l["target"]]) for l in data["links"]]
g = Graph(directed=False); g.add_vertex(len(ids)); g.add_edge_list(E)
length = g.new_edge_property("double"); length.a = np.array([1.0 / float(l["weight"]) for l in data["links"]])
vertex, _ = betweenness(g, weight=length)
print(f"graph-tool betweenness: largest {vertex.a.max():.6g} over {len(ids)} cities")
