"""Reference values for the dynamics tests, from numpy and scipy alone.

Run with Debian's python3 (python3-numpy, python3-scipy):

    /usr/bin/python3 testdata/reference.py

It prints one JSON object: "quantiles" (mapclassify Quantiles bins), "lisa"
(the LISA Markov test of joint moves), "kde" (the Gaussian KDE of the 1929
relative incomes), "spatial_quantile" (the spatial Markov chain of per-year
quintiles and its homogeneity tests). giddy and mapclassify are not packaged in
Debian; these reproduce their definitions from numpy/scipy primitives
(mapclassify.classifiers.quantile: np.unique of scipy.stats.scoreatpercentile
at np.arange(100/k, 100 + 100/k, 100/k); giddy.markov.LISA_Markov's chi_2).
"""
import csv
import json

import numpy as np
from scipy import stats

rows = list(csv.reader(open("testdata/usjoin.csv")))
pci = np.array([[float(v) for v in r[2:]] for r in rows[1:]])  # (n states, t years)
n, T = pci.shape


def weights():
    lines = open("testdata/states48.gal").read().split("\n")
    W = np.zeros((n, n))
    for k in range(1, 2 * n, 2):
        i = int(lines[k].split()[0])
        for j in lines[k + 1].split():
            W[i, int(j)] = 1
    return W / W.sum(axis=1, keepdims=True)  # libpysal transform "r"


def quantile_bins(y, k):
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    return np.unique(np.array([stats.scoreatpercentile(y, pct) for pct in p]))


def markov_p(c):
    """Row-normalised transition counts of c (observations, periods)."""
    classes = list(np.unique(c))
    k = len(classes)
    counts = np.zeros((k, k))
    for t in range(c.shape[1] - 1):
        for a, b in zip(c[:, t], c[:, t + 1]):
            counts[classes.index(a), classes.index(b)] += 1
    return counts / counts.sum(axis=1, keepdims=True)


def lisa():
    W = weights()
    y = pci.T  # (t, n), as LISA_Markov holds it
    z = y - y.mean(axis=1, keepdims=True)
    zl = z @ W.T
    q = np.where(z > 0, np.where(zl > 0, 1, 4), np.where(zl > 0, 2, 3))  # esda's quadrants
    trans = np.zeros((4, 4))
    for t in range(T - 1):
        for a, b in zip(q[t], q[t + 1]):
            trans[a - 1, b - 1] += 1
    A = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 1, 0, 0]])
    ylag = y @ W.T
    out = {"transitions": trans.tolist()}
    for name, axis in (("intended", 1), ("giddy_axes", 0)):
        # intended: each year's mean, moves over time (observations = states);
        # giddy_axes: giddy's code, y.mean(axis=0) on the (t, n) array and
        # Markov on (t, n), i.e. each state's mean over time and "moves"
        # between consecutive states within a year.
        ybar = y.mean(axis=axis, keepdims=True)
        rc, rlc = y / ybar < 1.0, ylag / ybar < 1.0
        if axis == 1:
            rc, rlc = rc.T, rlc.T
        kp = A @ np.kron(markov_p(rc), markov_p(rlc)) @ A.T
        e = np.diag(trans.sum(axis=1)) @ kp
        x2 = ((trans - e) ** 2 / np.where(e == 0, 1, e)).sum()
        out[name] = {"expected": e.tolist(), "chi2": x2, "p": stats.chi2.sf(x2, 9)}
    return out


def quantiles():
    rpci = pci / pci.mean(axis=0)
    return {
        "per_year_5": [quantile_bins(pci[:, t], 5).tolist() for t in range(T)],
        "pooled_5": quantile_bins(rpci.flatten(), 5).tolist(),
        "per_year_3": [quantile_bins(pci[:, t], 3).tolist() for t in range(T)],
        "ties_4": quantile_bins(np.array([1, 1, 1, 1, 2, 3, 3, 3.0]), 4).tolist(),
    }


def spatial_quantile():
    """Spatial Markov of per-year quintiles of pci with per-year quintiles
    of its lag (giddy's Spatial_Markov(pci, w, fixed=False, k=5, m=5)), and
    the homogeneity statistics of Bickenbach and Bode written with numpy."""
    W = weights()
    y = pci.T  # (t, n)
    ly = y @ W.T
    classes = np.array([np.searchsorted(quantile_bins(r, 5), r, side="left") for r in y])
    lags = np.array([np.searchsorted(quantile_bins(r, 5), r, side="left") for r in ly])
    M = np.zeros((5, 5, 5))
    for t in range(T - 1):
        for i in range(n):
            M[lags[t, i], classes[t, i], classes[t + 1, i]] += 1
    pooled = M.sum(axis=0)
    p = pooled / np.maximum(pooled.sum(axis=1, keepdims=True), 1)
    Q = LR = 0.0
    for m in M:
        nm = m.sum(axis=1, keepdims=True)
        pm = m / np.maximum(nm, 1)
        ok = p > 0
        Q += (nm * np.where(ok, (pm - p) ** 2 / np.where(ok, p, 1), 0)).sum()
        both = (m > 0) & ok
        LR += (m * np.log(np.where(both, pm, 1) / np.where(both, p, 1))).sum()
    LR *= 2
    a = (pooled > 0).sum(axis=1)
    b = (M.sum(axis=2) > 0).sum(axis=0)
    dof = int(((b - 1) * (a - 1))[b > 0].sum())
    return {"counts": M.tolist(), "q": Q, "lr": LR, "dof": dof,
            "q_p": stats.chi2.sf(Q, dof), "lr_p": stats.chi2.sf(LR, dof)}


def kde():
    x = pci[:, 0] / pci[:, 0].mean()
    h = 0.9 * min(x.std(ddof=1), stats.iqr(x) / 1.34) * len(x) ** -0.2
    grid = np.array([0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1])
    # gaussian_kde's kernel covariance is the data's (ddof=1) times factor^2.
    f = stats.gaussian_kde(x, bw_method=h / x.std(ddof=1))
    return {"bandwidth": h, "grid": grid.tolist(), "density": f(grid).tolist()}


print(json.dumps({"quantiles": quantiles(), "lisa": lisa(), "kde": kde(), "spatial_quantile": spatial_quantile()}))
