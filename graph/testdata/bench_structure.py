#!/usr/bin/python3
"""Times NetworkX and igraph on the structure measures of graph/, on the links
of a collab dataset, and writes those links as the edge list that
graph's BenchmarkStructure reads from $COLLAB_BENCH_LINKS:

    /usr/bin/python3 graph/testdata/bench_structure.py DATASET.json LINKS.txt [REPEATS] [nx,ig]

DATASET.json comes from ../shared/bench/gen.py. Prints one line per library
and measure: the median seconds of REPEATS runs (default 3), timing the
computation only, not the loading. Debian python3-networkx, python3-igraph."""
import json
import statistics
import sys
import time

data = json.load(open(sys.argv[1]))
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
which = sys.argv[4].split(",") if len(sys.argv) > 4 else ["nx", "ig"]
ids = {c["id"]: i for i, c in enumerate(data["cities"])}
n = len(ids)
edges = [(ids[l["source"]], ids[l["target"]], float(l["weight"])) for l in data["links"]]
with open(sys.argv[2], "w") as f:
    for u, v, w in edges:
        f.write(f"{u} {v} {w!r}\n")
print(f"cities {n} links {len(edges)}", flush=True)


def timed(lib, label, fn):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    print(f"{lib} {label} {statistics.median(times):.4f}", flush=True)


if "nx" in which:
    import networkx as nx
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    timed("networkx", "ClusteringWeighted", lambda: nx.clustering(G, weight="weight"))
    timed("networkx", "ClusteringBinary", lambda: nx.clustering(G))
    timed("networkx", "CoreNumbers", lambda: nx.core_number(G))
    timed("networkx", "StructuralHoles",
          lambda: (nx.constraint(G, weight="weight"), nx.effective_size(G, weight="weight")))
    timed("networkx", "Louvain", lambda: nx.community.louvain_communities(G, weight="weight", seed=1))
if "ig" in which:
    import igraph as ig
    g = ig.Graph(n=n, edges=[(u, v) for u, v, _ in edges])
    g.es["weight"] = [w for _, _, w in edges]
    timed("igraph", "ClusteringBinary", lambda: g.transitivity_local_undirected(mode="zero"))
    timed("igraph", "CoreNumbers", lambda: g.coreness())
    timed("igraph", "Constraint", lambda: g.constraint(weights="weight"))
    timed("igraph", "Louvain", lambda: g.community_multilevel(weights="weight"))
