#!/usr/bin/python3
"""Prints the reference values of the structure measures pinned in
graph/structure_test.go: clustering, core numbers, Burt's constraint and
effective size, modularity, and directed closeness and betweenness, from
NetworkX (Debian python3-networkx, 2.8.8 when written) and igraph
(python3-igraph, 0.10), and a dense SciPy least-squares fit of Borgatti
and Everett's continuous core-periphery model (L-BFGS-B).

    /usr/bin/python3 graph/testdata/networkx_structure.py

Values are printed as Go slice literals, in node order. Path length is
1/weight, as in collab."""
import os

import igraph as ig
import networkx as nx
import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))


def golist(values):
    return "[]float64{" + ", ".join(f"{v:.15g}" for v in values) + "}"


def show(name, G, partition):
    nodes = list(G.nodes)
    print(f"== {name} (networkx {nx.__version__}, igraph {ig.__version__})")
    for e in G.edges(data=True):
        e[2]["length"] = 1.0 / e[2]["weight"]
    measures = {
        "clusteringWeighted": nx.clustering(G, weight="weight"),
        "clusteringBinary": nx.clustering(G),
        "constraint": nx.constraint(G, weight="weight"),
        "effectiveSize": nx.effective_size(G, weight="weight"),
        "core": nx.core_number(G),
    }
    if G.is_directed():
        measures["betweenness"] = nx.betweenness_centrality(G, weight="length")
        measures["closeness"] = nx.closeness_centrality(G, distance="length")
        measures["harmonic"] = nx.harmonic_centrality(G, distance="length")
    for m, vals in measures.items():
        print(f"{m}: {golist(vals[v] for v in nodes)}")
    print("averageClusteringWeighted:", f"{nx.average_clustering(G, weight='weight'):.15g}")
    q = nx.community.modularity(G, partition, weight="weight")
    print("modularity (networkx):", f"{q:.15g}")
    # igraph as a second, independent implementation.
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges], directed=G.is_directed())
    g.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    membership = [0] * len(nodes)
    for c, members in enumerate(partition):
        for v in members:
            membership[index[v]] = c
    print("modularity (igraph):", f"{g.modularity(membership, weights='weight'):.15g}")
    print("core (igraph):", g.coreness(mode="all"))
    print("constraint (igraph):", golist(g.constraint(weights="weight")))
    if not G.is_directed():
        print("clusteringBinary (igraph):", golist(g.transitivity_local_undirected(mode="zero")))
    core_periphery(G, nodes)


def core_periphery(G, nodes):
    """Borgatti and Everett's continuous model fitted densely: the c >= 0
    minimising sum_{i != j} (a_ij - c_i c_j)^2 by SciPy's L-BFGS-B from
    the node strengths; its fit, the correlation of a_ij and c_i c_j over i != j; and
    the best discrete split of the nodes ranked by coreness (core-core pairs
    1, periphery-periphery 0, the rest ignored)."""
    A = nx.to_numpy_array(G, nodelist=nodes, weight="weight")
    n = len(nodes)
    off = ~np.eye(n, dtype=bool)

    def residual(c):
        r = np.where(off, A - np.outer(c, c), 0.0)
        return (r ** 2).sum(), -2 * (r + r.T) @ c

    strength = A.sum(axis=1)
    res = minimize(residual, strength / np.sqrt(strength.sum()), jac=True, method="L-BFGS-B",
                   bounds=[(0, None)] * n, options={"ftol": 1e-16, "gtol": 1e-14, "maxiter": 100000})
    c = res.x / res.x.max()
    print("corenessFit:", f"{np.corrcoef(A[off], np.outer(c, c)[off])[0, 1]:.15g}", "residual:", f"{res.fun:.15g}")
    print("coreness:", golist(c))
    order = sorted(range(n), key=lambda i: (-c[i], i))
    best, best_k = None, 0
    for k in range(2, n - 1):
        core = np.zeros(n, dtype=bool)
        core[order[:k]] = True
        cc = np.outer(core, core) & off
        pp = np.outer(~core, ~core) & off
        cells = np.concatenate([A[cc], A[pp]])
        ideal = np.concatenate([np.ones(cc.sum()), np.zeros(pp.sum())])
        with np.errstate(invalid="ignore"):  # NaN when the cells do not vary
            r = np.corrcoef(cells, ideal)[0, 1]
        if best is None or r > best + 1e-12:
            best, best_k = r, k
    print("coreFit:", f"{best:.15g}", "core:", sorted(order[:best_k]))


flor = nx.Graph()
for line in open(os.path.join(HERE, "florentine_edges.txt")):
    u, v = line.split()
    flor.add_edge(u, v, weight=1.0)
medici = {"Medici", "Acciaiuoli", "Barbadori", "Ridolfi", "Tornabuoni", "Albizzi", "Salviati", "Pazzi", "Ginori"}
show("florentine", flor, [medici, set(flor) - medici])

karate = nx.Graph()
karate.add_nodes_from(range(34))
for line in open(os.path.join(HERE, "karate_edges.txt")):
    u, v, w = line.split()
    karate.add_edge(int(u), int(v), weight=float(w))
karate_club = nx.karate_club_graph()
clubs = [{v for v in karate_club if karate_club.nodes[v]["club"] == club} for club in ("Mr. Hi", "Officer")]
show("karate", karate, clubs)

D = nx.DiGraph()
D.add_nodes_from(range(7))
D.add_weighted_edges_from([(0, 1, 3), (1, 0, 1), (1, 2, 2), (2, 0, 4), (2, 3, 1), (3, 4, 5), (4, 3, 2),
                           (4, 5, 1.5), (5, 3, 1), (5, 6, 2), (6, 2, 0.5), (0, 3, 2.5)])
show("digraph7", D, [{0, 1, 2}, {3, 4, 5, 6}])

print("== barbell_graph(3, 0) (NetworkX test_quality.py)")
B = nx.barbell_graph(3, 0)
for part in ([{0, 1, 2}, {3, 4, 5}], [{0, 1, 4}, {2, 3, 5}]):
    print(part, f"{nx.community.modularity(B, part):.15g}", "=", f"{nx.community.modularity(B, part) * 196:.15g}/196")
