#!/usr/bin/env bash
# Whole-process time of collab index on a generated table of N cities x 10
# indicators x 20 years (issue 20: 20,000 x 10 x 20 under 2 s): a CSV of
# id,lat,lon and the columns x1_2001 ... x10_2020, every value drawn by awk's
# rand() with a fixed seed, one indicator (x10) less-is-better. It times the
# pooled entropy index with the scored dataset written as JSON, and the
# per-year CRITIC index, RUNS times each, and prints each run's wall time
# and CPU (user + sys) time (/usr/bin/time) and their medians: the machine
# may be shared, and CPU time is what a loaded machine does not inflate.
#
# usage: bench/index.sh [N]          (default 20000)
# env:   OUT   where the table, binary and outputs go (default /tmp/collab-bench)
#        RUNS  runs per command (default 5)
# needs: go, awk, /usr/bin/time (Debian's time)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
out=${OUT:-/tmp/collab-bench}
runs=${RUNS:-5}
mkdir -p "$out"
go build -o "$out/collab" ./cmd/collab
table="$out/indicators$n.csv"
[ -s "$table" ] || awk -v n="$n" 'BEGIN {
	srand(20);
	printf "id,lat,lon";
	for (j = 1; j <= 10; j++) for (y = 2001; y <= 2020; y++) printf ",x%d_%d", j, y;
	printf "\n";
	for (i = 0; i < n; i++) {
		printf "c%06d,%.5f,%.5f", i, 20 + 20 * rand(), 100 + 20 * rand();
		for (j = 1; j <= 10; j++) { base = 1 + 99 * rand(); for (y = 2001; y <= 2020; y++) printf ",%.6g", base * (1 + 0.05 * (y - 2001)) * (0.5 + rand()) }
		printf "\n";
	}
}' >"$table"
inds=x1,x2,x3,x4,x5,x6,x7,x8,x9,-x10
time_runs() {
	local name=$1; shift
	local wall=() cpu=()
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt"
		read -r e u s <"$out/time.txt"
		wall+=("$e")
		cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')")
	done
	median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
	printf '%s: wall %s s (median %s s); user+sys %s s (median %s s)\n' "$name" "${wall[*]}" "$(median "${wall[@]}")" "${cpu[*]}" "$(median "${cpu[@]}")"
}
echo "table: $table ($(du -h "$table" | cut -f1), $n cities x 10 indicators x 20 years)"
time_runs "index entropy pooled, --out JSON" "$out/collab" index "$table" --indicators "$inds" --out "$out/scored$n.json"
time_runs "index critic --per-year" "$out/collab" index "$table" --indicators "$inds" --method critic --per-year
