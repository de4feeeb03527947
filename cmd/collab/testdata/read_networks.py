"""Read collab's network files with NetworkX and igraph, as their users do.

    /usr/bin/python3 cmd/collab/testdata/read_networks.py DIR

DIR is a `collab analyze --out DIR` directory. Prints one JSON object: for
each reader, the number of nodes and every edge as [source id, target id,
weight], ids being the city ids of results.json (Pajek numbers its vertices
1..n in the cities' order; NetworkX keys a Pajek graph by label, so the
vertex number is read back from its "id" attribute). The Go test
(formats_test.go) compares them with results.json's links.

Needs Debian's python3-networkx, python3-igraph, python3-pygraphviz and
python3-pydot.
"""

import json
import os
import sys

import igraph
import networkx as nx


def edges_of_nx(g, key=lambda n: n):
    return [[key(u), key(v), float(d.get("weight", "nan"))] for u, v, d in g.edges(data=True)]


def main(path):
    with open(os.path.join(path, "results.json"), encoding="utf-8") as f:
        ids = [c["id"] for c in json.load(f)["cities"]]
    out = {}

    g = nx.read_gexf(os.path.join(path, "network.gexf"))
    out["networkx read_gexf"] = {"nodes": g.number_of_nodes(), "edges": edges_of_nx(g)}

    g = nx.read_graphml(os.path.join(path, "network.graphml"))
    out["networkx read_graphml"] = {"nodes": g.number_of_nodes(), "edges": edges_of_nx(g)}

    g = nx.read_pajek(os.path.join(path, "network.net"))
    number = {n: ids[int(d["id"]) - 1] for n, d in g.nodes(data=True)}
    out["networkx read_pajek"] = {"nodes": g.number_of_nodes(), "edges": edges_of_nx(g, number.get)}

    dot = os.path.join(path, "network.dot")
    g = nx.drawing.nx_agraph.read_dot(dot)
    out["networkx nx_agraph.read_dot"] = {"nodes": g.number_of_nodes(), "edges": edges_of_nx(g)}
    # pydot takes 78 s for the 5,000-city map (1.8 s through pygraphviz):
    # read smaller maps only.
    if os.path.getsize(dot) < 1_000_000:
        g = nx.nx_pydot.read_dot(dot)
        unquote = lambda n: n[1:-1] if n.startswith('"') else n
        out["networkx nx_pydot.read_dot"] = {"nodes": g.number_of_nodes(), "edges": edges_of_nx(g, unquote)}

    h = igraph.Graph.Read_GraphML(os.path.join(path, "network.graphml"))
    out["igraph Read_GraphML"] = {
        "nodes": h.vcount(),
        "edges": [[h.vs[e.source]["id"], h.vs[e.target]["id"], e["weight"]] for e in h.es],
    }

    h = igraph.Graph.Read_Pajek(os.path.join(path, "network.net"))
    out["igraph Read_Pajek"] = {
        "nodes": h.vcount(),
        "edges": [[ids[e.source], ids[e.target], e["weight"]] for e in h.es],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
