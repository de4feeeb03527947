"""Disparity filter (Serrano, Boguna and Vespignani 2009) written from the
paper with numpy, independently of collab's Go: reads "u v w" lines of an
undirected weighted network on stdin and prints, per line, the link's
alpha = min over its ends of 1 - (k-1) * integral_0^p (1-x)^(k-2) dx, the
integral taken numerically (the paper's eq. 2), with p = w / s and k the
end's degree; an end of degree 1 gives 1.

    /usr/bin/python3 graph/testdata/disparity.py < links.txt
"""
import sys

import numpy as np

edges = [line.split() for line in sys.stdin if line.strip()]
u = np.array([int(e[0]) for e in edges])
v = np.array([int(e[1]) for e in edges])
w = np.array([float(e[2]) for e in edges])
n = int(max(u.max(), v.max())) + 1
k = np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
s = np.bincount(u, weights=w, minlength=n) + np.bincount(v, weights=w, minlength=n)


def alpha(node, weight):
    deg = k[node]
    if deg < 2:
        return 1.0
    p = weight / s[node]
    x = np.linspace(0.0, p, 20001)
    integral = np.trapezoid((1 - x) ** (deg - 2), x) if hasattr(np, "trapezoid") else np.trapz((1 - x) ** (deg - 2), x)
    return 1 - (deg - 1) * integral


for a, b, weight in zip(u, v, w):
    print(repr(min(alpha(a, weight), alpha(b, weight))))
