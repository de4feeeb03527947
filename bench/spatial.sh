#!/usr/bin/env bash
# Whole-process comparison of collab's spatial statistics with R spdep on the
# same generated regions (../shared/bench/gen.py N 1 8): kNN weights (k = 8),
# global Moran's I, and local Moran and Getis-Ord Gi* with 999 conditional
# permutations each. collab runs with --skip network, so that it computes
# what ../shared/bench/spdep_lisa.R computes (knearneigh, moran.test,
# localmoran_perm, localG_perm) and no more than that, plus a 999-permutation
# test of global Moran's I that spdep's script leaves out. hyperfine times both
# commands on each size and prints the ratio of medians.
#
# usage: bench/spatial.sh [SIZES...]      (default 1000 5000 20000)
# env:   SHARED  the project's shared folder (default ../shared)
#        OUT     where inputs, binary and hyperfine JSON go (default /tmp/collab-bench)
#        RUNS    runs per command (default 5, and 3 from 10,000 cities on)
# needs: go, hyperfine, Rscript with r-cran-spdep r-cran-jsonlite, python3-numpy python3-scipy
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=${OUT:-/tmp/collab-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 20000)
mkdir -p "$out"
go build -o "$out/collab" ./cmd/collab
for n in "${sizes[@]}"; do
	input="$out/region$n.json"
	[ -s "$input" ] || /usr/bin/python3 "$shared/bench/gen.py" "$n" 1 8 >"$input"
	runs=${RUNS:-$([ "$n" -ge 10000 ] && echo 3 || echo 5)}
	hyperfine --runs "$runs" --export-json "$out/spatial-$n.json" \
		-n collab "$out/collab analyze $input --skip network --weights knn:8 --permutations 999 --format json" \
		-n spdep "Rscript $shared/bench/spdep_lisa.R $input 8 999"
done
/usr/bin/python3 - "$out" "${sizes[@]}" <<'PY'
import json, statistics, sys
out, sizes = sys.argv[1], sys.argv[2:]
print("\n| cities | collab median (s) | spdep median (s) | spdep / collab |")
print("|---|---|---|---|")
for n in sizes:
    res = {r["command"]: r for r in json.load(open(f"{out}/spatial-{n}.json"))["results"]}
    c, s = res["collab"]["median"], res["spdep"]["median"]
    print(f"| {int(n):,} | {c:.3f} | {s:.2f} | {s / c:.1f} |")
PY
