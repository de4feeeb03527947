#!/usr/bin/python3
"""igraph's Louvain (community_multilevel) on a weighted edge list, for
graph's Leiden tests and benchmarks:

    /usr/bin/python3 graph/testdata/igraph_multilevel.py EDGES N [RUNS] [RESOLUTION]

EDGES holds "from to weight" a line, nodes 0..N-1, undirected. Runs
community_multilevel RUNS times (default 10) after random.seed(1) (igraph
draws its node order from Python's random module) and prints, one per line:
the best modularity of the runs (igraph's own modularity, weighted, at
RESOLUTION, default 1) and the median seconds of one call. With RUNS 1,
the whole process (/usr/bin/time) is what graph's TestLeidenProcess is
compared with. Debian python3-igraph."""
import random
import statistics
import sys
import time

import igraph

path, n = sys.argv[1], int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
gamma = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
edges, weights = [], []
with open(path) as f:
    for line in f:
        a, b, w = line.split()
        edges.append((int(a), int(b)))
        weights.append(float(w))
g = igraph.Graph(n=n, edges=edges)
g.es["weight"] = weights
random.seed(1)
best, times = None, []
for _ in range(runs):
    t = time.perf_counter()
    cl = g.community_multilevel(weights="weight", resolution=gamma)
    times.append(time.perf_counter() - t)
    # Graph.modularity of python-igraph 0.10.2 drops its resolution argument;
    # GraphBase.modularity, the C function itself, keeps it.
    q = igraph.GraphBase.modularity(g, cl.membership, weights="weight", resolution=gamma)
    best = q if best is None else max(best, q)
print(repr(best))
print(f"{statistics.median(times):.4f}")
