#!/bin/sh
# Whole process against whole process: collab model against Rscript
# loading spatialreg, on the same CSV of spData's elect80 (3,107 counties,
# e80_queen): the spatial Durbin model of log turnout with exact impacts.
# Runs each RUNS times (default 3), alternately, and prints every time
# (wall, user + sys CPU seconds) for the medians in docs/PERFORMANCE.md.
# Needs Rscript with spdep, spatialreg, spData and sf.
# Run from the repository: sh bench/model.sh [RUNS]
set -e
runs=${1:-3}
dir=/tmp/collab-bench-model
mkdir -p $dir
[ -f $dir/elect80-collab.csv ] || Rscript bench/model/elect80_dataset.R $dir/elect80-collab.csv
go build -o $dir/collab ./cmd/collab
csv=$dir/elect80-collab.csv
x='log(pc_college),log(pc_homeownership),log(pc_income)'
for i in $(seq "$runs"); do
	/usr/bin/time -f "collab-draws0 %e wall %U user %S sys %M KB" $dir/collab model $csv --y 'log(pc_turnout)' --x "$x" --model sdm --weights contiguity --draws 0 > $dir/collab.out 2>$dir/collab.err || true
	tail -1 $dir/collab.err
	/usr/bin/time -f "collab-draws1000 %e wall %U user %S sys %M KB" $dir/collab model $csv --y 'log(pc_turnout)' --x "$x" --model sdm --weights contiguity > $dir/collab1000.out 2>$dir/collab1000.err || true
	tail -1 $dir/collab1000.err
	/usr/bin/time -f "R %e wall %U user %S sys %M KB" Rscript bench/model/elect80_sdm.R $csv > $dir/r.out 2>$dir/r.err || true
	tail -1 $dir/r.err
done
