#!/usr/bin/env python3
"""Independent numpy implementation of collab/composite, for its tests.

    python3 composite_ref.py PANEL.csv INDICATORS SUBSYSTEMS SHIFT POOLED|PERYEAR

PANEL.csv has the header year,city,<indicator columns> and one row per
city-year. INDICATORS is "A,B,-C" (a leading "-": less is better),
SUBSYSTEMS "inn:A,B;eco:C,-D". Prints JSON: entropy and CRITIC weights per
normalisation group, the entropy and CRITIC indices (x100), TOPSIS closeness
(entropy weights) and, for the subsystems, U_k, C, T and D, all as
[year][city] arrays in the file's order of years and cities.

Written from the formulas (min-max with direction plus shift; entropy
e = -sum p ln p / ln n; CRITIC sigma (ddof=1) * sum(1 - r); TOPSIS on the
weighted min-max matrix; C = K (prod U / (sum U)^K)^(1/K), D = sqrt(C T)),
with numpy's own reductions, not a transcription of the Go code.
"""
import csv
import json
import sys

import numpy as np


def read_panel(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    years = sorted({int(r[0]) for r in body})
    cities = list(dict.fromkeys(r[1] for r in body))
    cols = header[2:]
    x = np.empty((len(years), len(cities), len(cols)))
    yi = {y: k for k, y in enumerate(years)}
    ci = {c: k for k, c in enumerate(cities)}
    for r in body:
        x[yi[int(r[0])], ci[r[1]], :] = [float(v) for v in r[2:]]
    return x, cols


def spec(s):
    names = [t.strip() for t in s.split(",")]
    return [n.lstrip("-") for n in names], np.array([n.startswith("-") for n in names])


def normalise(x, cost, shift):
    """x: (rows, m) pooled over the group."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    z = np.where(cost, (hi - x) / (hi - lo), (x - lo) / (hi - lo))
    return z + shift


def entropy_weights(z):
    p = z / z.sum(axis=0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / np.log(z.shape[0])
    d = 1.0 - e
    return d / d.sum()


def critic_weights(z):
    sd = z.std(axis=0, ddof=1)
    r = np.corrcoef(z, rowvar=False)
    c = sd * (1.0 - r).sum(axis=0)
    return c / c.sum()


def topsis(z, w):
    v = z * w
    dplus = np.sqrt(((v - v.max(axis=0)) ** 2).sum(axis=1))
    dminus = np.sqrt(((v - v.min(axis=0)) ** 2).sum(axis=1))
    return dminus / (dplus + dminus)


def by_group(x, per_year, fn):
    """Apply fn to each normalisation group's (rows, m) matrix; fn returns
    (weights, per-row values); reassemble rows as (T, n)."""
    t, n, _ = x.shape
    groups = [[k] for k in range(t)] if per_year else [list(range(t))]
    weights, out = [], np.empty((t, n))
    for g in groups:
        w, rows = fn(x[g].reshape(len(g) * n, -1))
        weights.append(w.tolist())
        out[g] = rows.reshape(len(g), n)
    return weights, out


def main():
    path, inds, subs, shift, mode = sys.argv[1:6]
    shift, per_year = float(shift), mode == "PERYEAR"
    x, cols = read_panel(path)
    names, cost = spec(inds)
    xi = x[:, :, [cols.index(n) for n in names]]

    def ent(m):
        z = normalise(m, cost, shift)
        w = entropy_weights(z)
        return w, 100.0 * (z @ w)

    def cri(m):
        z = normalise(m, cost, shift)
        w = critic_weights(z)
        return w, 100.0 * (z @ w)

    def top(m):
        z = normalise(m, cost, shift)
        w = entropy_weights(z)
        return w, topsis(z, w)

    out = {}
    out["entropy_weights"], e_idx = by_group(xi, per_year, ent)
    out["critic_weights"], c_idx = by_group(xi, per_year, cri)
    _, closeness = by_group(xi, per_year, top)
    out["entropy_index"], out["critic_index"], out["topsis"] = e_idx.tolist(), c_idx.tolist(), closeness.tolist()

    us = []
    for part in subs.split(";"):
        _, lst = part.split(":")
        sn, sc = spec(lst)
        xs = x[:, :, [cols.index(n) for n in sn]]

        def sub(m, sc=sc):
            z = normalise(m, sc, shift)
            w = entropy_weights(z)
            return w, z @ w

        us.append(by_group(xs, per_year, sub)[1])
    u = np.stack(us)  # (K, T, n)
    k = u.shape[0]
    c = k * (u.prod(axis=0) / u.sum(axis=0) ** k) ** (1.0 / k)
    t = u.mean(axis=0)
    out["U"] = u.tolist()
    out["C"], out["T"], out["D"] = c.tolist(), t.tolist(), np.sqrt(c * t).tolist()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
