"""Writes a collab CSV of R x C cities on a lattice (default 140 x 143 =
20,020, 0.05 degrees apart) with rook neighbours and a spatial Durbin
process y = (I - rho W)^-1 (1 + 2 x - Wx + e), rho = 0.5, W the rook
weights row-standardised, x and e standard normal (seed 3), for the
whole-process run of collab model at 20,000 cities (bench/model.sh).
Run: /usr/bin/python3 large.py OUT.csv [R C]"""
import sys

import numpy as np


def main():
    out = sys.argv[1]
    r, c = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (140, 143)
    n = r * c
    nb = [[] for _ in range(n)]
    for i in range(r):
        for j in range(c):
            k = i * c + j
            if j + 1 < c:
                nb[k].append(k + 1)
                nb[k + 1].append(k)
            if i + 1 < r:
                nb[k].append(k + c)
                nb[k + c].append(k)
    rng = np.random.default_rng(3)
    x = rng.standard_normal(n)
    e = rng.standard_normal(n)

    def lag(v):
        return np.array([v[l].mean() for l in nb])

    b = 1 + 2 * x - lag(x) + e
    y = b.copy()
    for _ in range(200):
        y = b + 0.5 * lag(y)
    with open(out, "w") as f:
        f.write("id,lat,lon,y,x,neighbors\n")
        for k in range(n):
            i, j = divmod(k, c)
            f.write("c%d,%.4f,%.4f,%.12g,%.12g,%s\n" % (k, 25 + 0.05 * i, 110 + 0.05 * j, y[k], x[k], ";".join("c%d" % m for m in nb[k])))


main()
