#!/usr/bin/python3
"""Prints NetworkX's sigma and omega of a network for seeds 0..SEEDS-1, the
spread graph/smallworld_test.go checks graph.SmallWorld against.

    /usr/bin/python3 graph/testdata/networkx_smallworld.py EDGES N SIGMA_NITER OMEGA_NITER NRAND SEEDS

EDGES holds "from to weight" a line, 0-based (weights are ignored, as
sigma and omega ignore them); the coefficients are those of the largest
connected component, nodes in index order. Debian python3-networkx (2.8.8
when written)."""
import sys
import networkx as nx

path, n = sys.argv[1], int(sys.argv[2])
sniter, oniter, nrand, seeds = (int(a) for a in sys.argv[3:7])
G = nx.Graph()
G.add_nodes_from(range(n))
for line in open(path):
    a, b, _ = line.split()
    G.add_edge(int(a), int(b))
big = max(nx.connected_components(G), key=lambda c: (len(c), -min(c)))
H = nx.Graph()
H.add_nodes_from(sorted(big))
H.add_edges_from(G.subgraph(big).edges())
print("sigma", " ".join(repr(nx.sigma(H, niter=sniter, nrand=nrand, seed=s)) for s in range(seeds)))
print("omega", " ".join(repr(nx.omega(H, niter=oniter, nrand=nrand, seed=s)) for s in range(seeds)))
