#!/usr/bin/python3
"""Prints the NetworkX values pinned in graph/*_test.go.

Run with Debian's python3-networkx (2.8.8 when written):
    /usr/bin/python3 graph/testdata/networkx_reference.py
Path length is 1/weight, as in collab."""
import networkx as nx

def show(name, G):
    for e in G.edges(data=True):
        e[2]["length"] = 1.0 / e[2].get("weight", 1.0)
    print(f"== {name} (networkx {nx.__version__})")
    measures = {
        "betweenness": nx.betweenness_centrality(G, weight="length"),
        "closeness": nx.closeness_centrality(G, distance="length"),
        "harmonic": nx.harmonic_centrality(G, distance="length"),
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
        "eigenvector": nx.eigenvector_centrality(G, weight="weight", tol=1e-13, max_iter=100000),
    }
    for m, vals in measures.items():
        print(m, "{" + ", ".join(f"{n!r}: {vals[n]:.15g}" for n in G.nodes) + "}")

G = nx.Graph()
for line in open(__file__.rsplit("/", 1)[0] + "/florentine_edges.txt"):
    a, b = line.split()
    G.add_edge(a, b)
show("florentine", G)

W = nx.Graph()
W.add_weighted_edges_from([(0, 1, 4.0), (0, 2, 1.0), (1, 2, 2.0), (1, 3, 5.0), (2, 3, 8.0), (3, 4, 3.0), (4, 5, 0.5), (2, 5, 1.5)])
show("weighted6", W)

D = nx.Graph()  # two components and an isolated node
D.add_weighted_edges_from([(0, 1, 2.0), (1, 2, 1.0), (0, 2, 4.0), (3, 4, 1.0)])
D.add_node(5)
show("disconnected", D)
