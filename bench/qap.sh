#!/usr/bin/env bash
# Whole-process comparison of `collab qap` (MRQAP, double semi-partialling)
# with R sna's netlm(nullhyp = "qapspp") on the same 340-city region and the
# same three predictors (distance, same province, score gap), y the
# synthetic copatent links of bench/qap_region.py. Each command runs RUNS
# times; the wall and CPU (user + sys) seconds of each run are printed, and
# their medians. netlm's time grows linearly with its permutations (one lm
# fit per permutation and term), so it is timed at R_REPS (default 100 and
# 200) and extrapolated to 2000 by the line through the two medians.
#
# usage: bench/qap.sh
# env:   SHARED  the project's shared folder (default ../shared)
#        OUT     where the region, binary and timings go (default /tmp/collab-bench)
#        RUNS    runs per command (default 3); R_REPS permutations for netlm
# needs: go, /usr/bin/time, python3, Rscript with r-cran-sna r-cran-jsonlite
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=${OUT:-/tmp/collab-bench}
runs=${RUNS:-3}
reps=(${R_REPS:-100 200})
mkdir -p "$out"
go build -o "$out/collab" ./cmd/collab
region="$out/qap-region340.json"
python3 bench/qap_region.py "$shared/data/sources/china_prefecture_cities.csv" >"$region"
timed() { # label command...: runs the command RUNS times, one line each
	local label=$1
	shift
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "$label %e %U %S" "$@" >/dev/null 2>>"$out/qap-times.txt"
	done
}
: >"$out/qap-times.txt"
timed collab-2000 "$out/collab" qap "$region" --y links:copatent --x distance,same_province,score_gap --qap-permutations 2000 --format json
for r in "${reps[@]}"; do
	timed "netlm-$r" Rscript bench/qap_netlm.R "$region" "$r"
done
python3 - "$out/qap-times.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 4 and f[0].startswith(("collab-", "netlm-")):
        runs.setdefault(f[0], []).append((float(f[1]), float(f[2]) + float(f[3])))
print("| command | permutations | wall median (s) | CPU median (s) | runs (wall) |")
print("|---|---|---|---|---|")
med = {}
for k, v in runs.items():
    w, c = statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)
    med[k] = (w, c)
    print(f"| {k.split('-')[0]} | {k.split('-')[1]} | {w:.2f} | {c:.2f} | {', '.join(f'{x[0]:.2f}' for x in v)} |")
nl = sorted((int(k.split('-')[1]), m) for k, m in med.items() if k.startswith("netlm"))
if len(nl) >= 2 and "collab-2000" in med:
    (r1, m1), (r2, m2) = nl[0], nl[-1]
    for i, name in ((0, "wall"), (1, "CPU")):
        slope = (m2[i] - m1[i]) / (r2 - r1)
        at2000 = m1[i] + slope * (2000 - r1)
        print(f"netlm at 2000 permutations, extrapolated ({name}): {at2000:.1f} s; collab {med['collab-2000'][i]:.2f} s; ratio {at2000 / med['collab-2000'][i]:.0f}")
PY
