#!/usr/bin/python3
"""Whole-process comparison of collab with igraph, graph-tool, NetworkX and R spdep.

usage: bench/compare.py [--sizes 1000,5000,20000] [--runs 3] [--peers ig,gt,nx,spdep]
                        [--scaling 1000,2000,5000,10000,20000] [--large]

For each size it generates a region with ../shared/bench/gen.py (N cities, links to each
city's K = 8 nearest neighbours with gravity weights; cached in bench/.cache), then RUNS
times, interleaved so that the machine's load falls on everyone alike:

  collab analyze FILE --edges links --weights knn:8 --format json --timings [--betweenness-sample all]
      every measure (centrality, structure, 999-permutation Moran, LISA and Gi*,
      spillover, the pattern; with --exact the shortest-path measures are exact at
      every size, else sampled above 10,000 cities); the whole process is timed, and --timings gives the
      centrality stage (betweenness, closeness and harmonic closeness from one
      shortest-path pass, plus PageRank and eigenvector centrality);
  ../shared/bench/anchors.py FILE ig,gt[,nx]
      igraph's and graph-tool's betweenness and closeness on the same links, path
      length 1/weight, each function call timed alone (NetworkX only up to 1,000
      cities: it takes minutes beyond);
  bench/gt_betweenness.py FILE
      graph-tool's betweenness alone as a whole process (interpreter, imports,
      reading the links the same way), timed as collab's whole process is;
  ../shared/bench/spdep_lisa.R FILE 8 999
      R spdep: kNN weights, Moran's I, localmoran_perm and localG_perm, 999
      permutations.

It prints the median of each figure, the ratios the performance targets are stated in,
and, with --scaling, the exponent b of collab's time ~ n^b fitted over those sizes (least
squares on the logarithms), for the whole process and each stage, with each size's stages
and peak memory.

--large is the 100,000-city case: the default study (no --exact) at 1,000, 5,000, 20,000
and 100,000 cities, RUNS times each, with every stage, the peak memory (the maximum
resident set size, as /usr/bin/time -v reports it) and the fitted exponents from 1,000 to
100,000 cities; against the targets (under 30 s and 1 GiB at 100,000 cities); then
igraph's community_multilevel alone on the links at 20,000 and 100,000 cities (a function
call, timed as anchors.py times it), and the spillover potential of spatial.PotentialWithin
checked city by city against the exact sum at 20,000 cities (go test -run
TestPotentialWithinAtScale, which prints the worst relative error). Needs python3-numpy, python3-scipy (gen.py), python3-igraph,
python3-graph-tool, python3-networkx, r-cran-spdep, r-cran-jsonlite, and Go.
"""
import argparse, math, os, re, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("COLLAB_SHARED_BENCH", os.path.join(ROOT, "..", "shared", "bench"))
PY = "/usr/bin/python3"


def run(cmd, out=None):
    """Runs cmd and returns its wall time, its peak memory in MiB and its output.
    With out, its standard output goes to that file, as a user's `> FILE` sends it:
    captured here instead, collab's 220 MB of JSON at 100,000 cities cost the
    timing Python's own reading and decoding of it (about 2 s)."""
    t = time.perf_counter()
    if out is None:
        p = subprocess.run(["/usr/bin/time", "-f", "maxrss %M"] + cmd, capture_output=True, text=True)
    else:
        with open(out, "w") as f:
            p = subprocess.run(["/usr/bin/time", "-f", "maxrss %M"] + cmd, stdout=f, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    rss = re.search(r"maxrss (\d+)", p.stderr)
    return wall, int(rss.group(1)) / 1024 if rss else float("nan"), p


def region(n):
    os.makedirs(os.path.join(HERE, ".cache"), exist_ok=True)
    path = os.path.join(HERE, ".cache", f"region{n}.json")
    if not os.path.exists(path):
        with open(path + ".tmp", "w") as f:
            subprocess.run([PY, os.path.join(SHARED, "gen.py"), str(n), "1", "8"], stdout=f, check=True)
        os.rename(path + ".tmp", path)
    return path


EXTRA = []  # --exact adds --betweenness-sample all


def collab(binary, path):
    out = os.path.join(os.path.dirname(path), "results.json")
    wall, rss, p = run([binary, "analyze", path, "--edges", "links", "--weights", "knn:8", "--format", "json", "--timings"] + EXTRA, out)
    figures = {"collab analyze (whole process)": wall, "collab peak memory MiB": rss}
    for line in p.stderr.splitlines():
        m = re.match(r"collab: timing (.+) ([0-9.]+)s$", line)
        if m and m.group(1) != "total":
            figures[f"collab stage {m.group(1)}"] = float(m.group(2))
    return figures


def anchors(path, libs):
    _, _, p = run([PY, os.path.join(SHARED, "anchors.py"), path, ",".join(libs)])
    figures = {}
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in ("betweenness", "closeness"):
            figures[f"{parts[0]} {parts[1]}"] = float(parts[2])
    return figures


def graph_tool_whole(path):
    wall, _, _ = run([PY, os.path.join(HERE, "gt_betweenness.py"), path])
    return {"graph-tool betweenness (whole process)": wall}


def spdep(path):
    wall, _, _ = run(["Rscript", os.path.join(SHARED, "spdep_lisa.R"), path, "8", "999"])
    return {"spdep (whole process)": wall}


def ratios(med):
    out = []
    def r(a, b, label):
        if a in med and b in med and med[b] > 0:
            out.append((label, med[a] / med[b]))
    for lib in ("graph-tool", "igraph", "networkx"):
        if f"{lib} betweenness" in med and f"{lib} closeness" in med:
            med[f"{lib} betweenness+closeness"] = med[f"{lib} betweenness"] + med[f"{lib} closeness"]
            r("collab stage centrality", f"{lib} betweenness+closeness",
              f"collab centrality / {lib} betweenness+closeness")
        r("collab analyze (whole process)", f"{lib} betweenness", f"collab analyze / {lib} betweenness alone")
    r("collab analyze (whole process)", "graph-tool betweenness (whole process)",
      "collab analyze / graph-tool betweenness, both whole processes")
    r("collab analyze (whole process)", "spdep (whole process)", "collab analyze / spdep localmoran_perm+localG_perm")
    return out


def measure(binary, n, runs, peers):
    path = region(n)
    samples = {}
    for _ in range(runs):
        got = collab(binary, path)
        libs = [l for l in ("ig", "gt") if l in peers] + (["nx"] if "nx" in peers and n <= 1000 else [])
        if libs:
            got.update(anchors(path, libs))
        if "gt" in peers:
            got.update(graph_tool_whole(path))
        if "spdep" in peers:
            got.update(spdep(path))
        for k, v in got.items():
            samples.setdefault(k, []).append(v)
    return {k: statistics.median(v) for k, v in samples.items()}, samples


IGRAPH_LOUVAIN = """
import json, sys, time
import igraph as ig
data = json.load(open(sys.argv[1]))
ids = {c["id"]: i for i, c in enumerate(data["cities"])}
g = ig.Graph(n=len(ids), edges=[(ids[l["source"]], ids[l["target"]]) for l in data["links"]])
g.es["weight"] = [float(l["weight"]) for l in data["links"]]
t = time.perf_counter(); c = g.community_multilevel(weights="weight")
print(f"igraph louvain {time.perf_counter() - t:.3f} modularity {g.modularity(c, weights='weight'):.6f}")
"""


def igraph_louvain(path):
    _, _, p = run([PY, "-c", IGRAPH_LOUVAIN, path])
    m = re.search(r"igraph louvain ([0-9.]+) modularity ([0-9.]+)", p.stdout)
    return {"igraph community_multilevel call": float(m.group(1)), "igraph modularity": float(m.group(2))}


def potential_check():
    p = subprocess.run(["go", "test", "./spatial", "-run", "TestPotentialWithinAtScale", "-v", "-count", "1"],
                       cwd=ROOT, capture_output=True, text=True)
    lines = [l.strip() for l in p.stdout.splitlines() if "worst relative error" in l or l.startswith(("ok", "FAIL", "---"))]
    return p.returncode, lines


def scaling(binary, sizes, runs, targets=False):
    stages = {}
    for n in sizes:
        med, samples = measure(binary, n, runs, [])
        print(f"  scaling {n:6d} cities ({runs} runs, medians):")
        for k in sorted(med):
            print(f"    {k:48s} {med[k]:10.3f}   runs: {', '.join(f'{x:.3f}' for x in samples[k])}")
            if k != "collab peak memory MiB":
                stages.setdefault(k, []).append((n, med[k]))
        if targets and n == max(sizes):
            whole, mem = med["collab analyze (whole process)"], med["collab peak memory MiB"]
            print(f"    target at {n} cities: whole {whole:.1f} s (target < 30 s: {'met' if whole < 30 else 'NOT met'}), "
                  f"peak {mem:.0f} MiB (target < 1024 MiB: {'met' if mem < 1024 else 'NOT met'})")
    for what, pts in stages.items():
        pts = [(n, t) for n, t in pts if t > 0]
        if len(pts) >= 2:
            print(f"  fitted exponent of {what}: time ~ n^{fit(pts):.2f} ({pts[0][0]} to {pts[-1][0]} cities)")


def fit(points):
    """Least-squares slope of log(time) on log(n)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", default="ig,gt,nx,spdep")
    ap.add_argument("--scaling", default="", help="sizes for the fitted exponent (collab only)")
    ap.add_argument("--exact", action="store_true", help="exact shortest-path measures at every size (--betweenness-sample all)")
    ap.add_argument("--large", action="store_true", help="the 100,000-city case (see above)")
    a = ap.parse_args()
    if a.exact:
        EXTRA.append("--betweenness-sample")
        EXTRA.append("all")
    binary = os.path.join(ROOT, "bin", "collab")
    subprocess.run(["go", "build", "-o", binary, "./cmd/collab"], cwd=ROOT, check=True)
    for n in [int(s) for s in a.sizes.split(",") if s]:
        med, samples = measure(binary, n, a.runs, a.peers.split(","))
        print(f"\n## {n} cities, {a.runs} runs: medians (seconds; memory in MiB)")
        for k in sorted(med):
            print(f"  {k:48s} {med[k]:10.3f}   runs: {', '.join(f'{x:.3f}' for x in samples[k])}")
        for label, value in ratios(med):
            print(f"  ratio {label:60s} {value:6.3f}")
    if a.scaling:
        scaling(binary, [int(s) for s in a.scaling.split(",")], a.runs)
    if a.large:
        print(f"\n## the 100,000-city case: the default study, {a.runs} runs")
        scaling(binary, [1000, 5000, 20000, 100000], a.runs, targets=True)
        for n in (20000, 100000):
            got = [igraph_louvain(region(n)) for _ in range(a.runs)]
            for k in got[0]:
                print(f"  {n} cities: {k:40s} {statistics.median(g[k] for g in got):10.3f}")
        rc, lines = potential_check()
        print("  spatial.PotentialWithin against the exact sum, 20,000 cities (go test):")
        for l in lines:
            print("    " + l)
        if rc != 0:
            sys.exit("the potential check failed")


if __name__ == "__main__":
    main()
