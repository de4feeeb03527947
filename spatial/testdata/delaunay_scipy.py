#!/usr/bin/env python3
"""Writes delaunay_points.txt (300 random points, seed 20) and, beside it,
delaunay_scipy.txt: each point's Delaunay neighbours by scipy.spatial.Delaunay
(Qhull), one line per point, for TestDelaunayMatchesScipy.
Run from spatial/testdata with Debian's python3 (python3-numpy python3-scipy):
    /usr/bin/python3 delaunay_scipy.py"""
import numpy as np
from scipy.spatial import Delaunay

rng = np.random.default_rng(20)
pts = rng.random((300, 2)) * [700.0, 600.0]
np.savetxt("delaunay_points.txt", pts, fmt="%.17g")
nb = [set() for _ in pts]
for a, b, c in Delaunay(pts).simplices:
    for i, j in ((a, b), (b, c), (c, a)):
        nb[i].add(int(j)); nb[j].add(int(i))
with open("delaunay_scipy.txt", "w") as f:
    for s in nb:
        f.write(" ".join(str(j) for j in sorted(s)) + "\n")
