#!/usr/bin/env bash
# The sweep's side-by-side figures for the README's Performance section, from one session so that machine load
# affects every figure alike:
#  - `--jobs 2` against `--jobs 1` on the same sweep, whole processes timed in turn by hyperfine;
#  - the sweep against the notebook's loop in NumPy over the same epochs: NumPy's time per epoch (the notebook's
#    network, measured here by numpy_epoch.py) times the epochs the sweep trained (the sum of its records' epochsRun).
# Usage: tests/XorNet.Benchmarks/sweep_compare.sh [BENCH_DIR (default ../shared/bench)] [RUNS (default 5)]
# Needs hyperfine and Debian's python3-numpy (apt-get install hyperfine python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=${1:-../shared/bench}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/XorNet -c Release -r linux-x64 -o "$work/xornet" >/dev/null
xornet="$work/xornet/XorNet"
sweep=(sweep --seed 0-199 --hidden 1,2,3,4,8 --learning-rate 0.1,0.5,1.0)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
echo "sweep: XorNet ${sweep[*]} (3000 runs of up to 10000 epochs)"
hyperfine --runs "$runs" --warmup 1 --export-json "$work/jobs.json" \
  -n "jobs 1" "$xornet ${sweep[*]} --jobs 1" \
  -n "jobs 2" "$xornet ${sweep[*]} --jobs 2" >/dev/null
read -r one two < <(/usr/bin/python3 -c "
import json; r = json.load(open('$work/jobs.json'))['results']
print(r[0]['median'], r[1]['median'])")
awk -v a="$one" -v b="$two" 'BEGIN { printf "--jobs 1: %.2f s   --jobs 2: %.2f s   speed-up %.2fx\n", a, b, a / b }'

"$xornet" "${sweep[@]}" --jobs 2 --out "$work/runs.csv" >/dev/null
epochs=$(awk -F, 'NR > 1 { total += $9 } END { print total }' "$work/runs.csv")
ns=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$bench/numpy_epoch.py" 4 2000 | sed 's/.*ns_per_epoch=\([0-9.]*\).*/\1/')
awk -v e="$epochs" -v ns="$ns" -v one="$one" -v two="$two" 'BEGIN {
  numpy = e * ns / 1e9
  printf "epochs trained: %d   NumPy: %.0f ns an epoch, so %.0f s for them\n", e, ns, numpy
  printf "XorNet --jobs 1: %.0fx NumPy   --jobs 2: %.0fx NumPy\n", numpy / one, numpy / two }'
