#!/usr/bin/python3
"""Prints the NetworkX values graph/wholenetwork_test.go pins.

    /usr/bin/python3 graph/testdata/networkx_wholenetwork.py EDGES N DIRECTED [EDGES N DIRECTED ...]

EDGES holds "from to weight" a line, 0-based; path length is 1/weight, as
in collab. Averages and diameters are those of the largest component
(strongly connected when directed; the one holding the lowest node among
equals), where NetworkX defines them; global efficiency is NetworkX's
global_efficiency when undirected, else the same mean of 1/d over ordered
pairs from NetworkX's directed shortest path lengths. Each network's lines
are prefixed with its position in the arguments. Debian python3-networkx
(2.8.8 when written)."""
import sys
import networkx as nx


def show(case, path, n, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for line in open(path):
        a, b, w = line.split()
        G.add_edge(int(a), int(b), length=1.0 / float(w))
    comps = nx.strongly_connected_components(G) if directed else nx.connected_components(G)
    big = max(comps, key=lambda c: (len(c), -min(c)))
    H = G.subgraph(sorted(big))
    out = {"component": len(H)}
    if len(H) > 1:
        out["average_hops"] = nx.average_shortest_path_length(H)
        out["average_length"] = nx.average_shortest_path_length(H, weight="length")
        out["diameter_hops"] = max(nx.eccentricity(H).values())
        out["diameter_length"] = max(nx.eccentricity(H, sp=dict(nx.shortest_path_length(H, weight="length"))).values())
    if directed:
        pairs = n * (n - 1)
        out["global_efficiency"] = sum(1 / d for s, ds in nx.shortest_path_length(G) for t, d in ds.items() if t != s) / pairs
    else:
        out["global_efficiency"] = nx.global_efficiency(G)
    for k, v in out.items():
        print(case, k, repr(float(v)))


args = sys.argv[1:]
for case in range(len(args) // 3):
    path, n, directed = args[3 * case], int(args[3 * case + 1]), args[3 * case + 2] == "true"
    show(case, path, n, directed)
