#!/usr/bin/python3
"""Whole-process comparison of collab with igraph, graph-tool, NetworkX and R spdep.

usage: bench/compare.py [--sizes 1000,5000,20000] [--runs 3] [--peers ig,gt,nx,spdep]

For each size it generates a region with ../shared/bench/gen.py (K = 8 nearest
neighbours, gravity weights; cached in bench/.cache), then, RUNS times and
interleaved so that machine load falls on everyone alike:
  - collab analyze FILE --edges links --weights knn:8 --format json --timings
    (every measure, 999 permutations; the whole process is timed, and
    --timings gives the shortest-path pass: betweenness + closeness);
  - anchors.py FILE ig,gt[,nx]: igraph's and graph-tool's betweenness and
    closeness on the same links, path length 1/weight (NetworkX only up to
    1,000 cities: it takes minutes beyond);
  - spdep_lisa.R FILE 8 999: R spdep's kNN weights, Moran's I and
    localmoran_perm with 999 permutations.
It prints the median of each figure and the ratios the performance targets
are stated in (docs/PERFORMANCE.md). Needs python3-igraph, python3-graph-tool,
python3-networkx, python3-numpy, python3-scipy, r-cran-spdep, r-cran-jsonlite.
"""
import argparse, os, re, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("COLLAB_SHARED_BENCH", os.path.join(ROOT, "..", "shared", "bench"))
PY = "/usr/bin/python3"


def run(cmd, **kw):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    return time.perf_counter() - t, p


def region(n):
    os.makedirs(os.path.join(HERE, ".cache"), exist_ok=True)
    path = os.path.join(HERE, ".cache", f"region{n}.json")
    if not os.path.exists(path):
        with open(path, "w") as f:
            subprocess.run([PY, os.path.join(SHARED, "gen.py"), str(n), "1", "8"], stdout=f, check=True)
    return path


def collab(binary, path):
    wall, p = run([binary, "analyze", path, "--edges", "links", "--weights", "knn:8", "--format", "json", "--timings"])
    figures = {"collab analyze (whole process)": wall}
    for line in p.stderr.splitlines():
        m = re.match(r"collab: timing (\S+) ([0-9.]+)s", line)
        if m:
            figures[f"collab {m.group(1)}"] = float(m.group(2))
    return figures


def anchors(path, libs):
    _, p = run([PY, os.path.join(SHARED, "anchors.py"), path, ",".join(libs)])
    figures = {}
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in ("betweenness", "closeness", "pagerank", "clustering", "louvain"):
            figures[f"{parts[0]} {parts[1]}"] = float(parts[2])
    return figures


def spdep(path):
    wall, p = run(["Rscript", os.path.join(SHARED, "spdep_lisa.R"), path, "8", "999"])
    figures = {"spdep (whole process)": wall}
    for line in p.stdout.splitlines():
        m = re.match(r"(localmoran_perm|localG_perm|moran.test|n=\d+ knn weights).*?([0-9.]+)s$", line)
        if m:
            figures[f"spdep {m.group(1).split()[-1] if m.group(1).startswith('n=') else m.group(1)}"] = float(m.group(2))
    return figures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", default="ig,gt,nx,spdep")
    a = ap.parse_args()
    peers = a.peers.split(",")
    binary = os.path.join(ROOT, "bin", "collab")
    subprocess.run(["go", "build", "-o", binary, "./cmd/collab"], cwd=ROOT, check=True)
    for n in [int(s) for s in a.sizes.split(",")]:
        path = region(n)
        samples = {}
        for _ in range(a.runs):
            got = collab(binary, path)
            libs = [l for l in ("ig", "gt") if l in peers] + (["nx"] if "nx" in peers and n <= 1000 else [])
            if libs:
                got.update(anchors(path, libs))
            if "spdep" in peers:
                got.update(spdep(path))
            for k, v in got.items():
                samples.setdefault(k, []).append(v)
        med = {k: statistics.median(v) for k, v in samples.items()}
        print(f"\n## {n} cities ({a.runs} runs, medians, seconds)")
        for k in sorted(med):
            print(f"  {k:40s} {med[k]:9.3f}   (runs: {', '.join(f'{x:.3f}' for x in samples[k])})")
        ratios(med)


def ratios(med):
    def r(a, b, label):
        if a in med and b in med and med[b] > 0:
            print(f"  ratio {label:60s} {med[a] / med[b]:6.3f}")
    paths = med.get("collab shortest-paths")
    if paths is not None:
        for lib in ("graph-tool", "igraph"):
            if f"{lib} betweenness" in med:
                med[f"{lib} betweenness+closeness"] = med[f"{lib} betweenness"] + med[f"{lib} closeness"]
                r("collab shortest-paths", f"{lib} betweenness+closeness", f"collab betweenness+closeness / {lib} betweenness+closeness")
    for lib in ("graph-tool", "igraph"):
        r("collab analyze (whole process)", f"{lib} betweenness", f"collab analyze (whole process) / {lib} betweenness alone")
    r("collab analyze (whole process)", "spdep (whole process)", "collab analyze (whole process) / spdep (whole process)")


if __name__ == "__main__":
    main()
