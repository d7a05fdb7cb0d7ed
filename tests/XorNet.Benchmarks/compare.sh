#!/usr/bin/env bash
# Side-by-side timings for the README's Performance table: XorNet's native program against the tight C loop and
# NumPy, each pair run alternately in one session so that machine load affects both alike.
# Usage: tests/XorNet.Benchmarks/compare.sh [BENCH_DIR (default ../shared/bench)] [ROUNDS (default 5)]
# Needs gcc, hyperfine and Debian's python3-numpy (apt-get install hyperfine python3-numpy); taskset, if present, pins
# the per-epoch pairs to one CPU. The deeper networks' rows compare with NumPy on OpenBLAS, what NumPy users have
# (apt-get install libopenblas0-pthread); they are skipped, with a line saying why, where that or --layers is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=${1:-../shared/bench}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/XorNet -c Release -r linux-x64 -o "$work/xornet" >/dev/null
gcc -O3 -march=native -o "$work/xor_loop" "$bench/xor_loop.c" -lm
xornet="$work/xornet/XorNet"

# Every per-epoch figure, XorNet's and the references', is taken on CPU 0: the two virtual CPUs of these machines can
# differ in speed by half and more from minute to minute, and a ratio taken across them would measure that. (NumPy
# is no slower there: OpenBLAS gains nothing from the second CPU at these sizes.)
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
on_cpu0() { "${pin[@]}" "$@"; }
xornet_ns() { # epochs, args...: XorNet's trainingSeconds per epoch in ns
  local epochs=$1; shift
  on_cpu0 "$xornet" --epochs "$epochs" --format json "$@" | awk -v e="$epochs" '/"trainingSeconds"/ { gsub(",", "", $2); printf "%.1f", $2 / e * 1e9 }'
}
c_loop() { on_cpu0 "$work/xor_loop" "$1" "$2" | sed 's/.*ns_per_epoch=\([0-9.]*\).*/\1/'; }
numpy() { on_cpu0 env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$bench/numpy_epoch.py" "$@" | sed 's/.*ns_per_epoch=\([0-9.]*\).*/\1/'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

row() { # name, xornet ns, reference ns, reference name
  printf '%-34s XorNet %12.1f ns   %-6s %12.1f ns   ratio %s\n' "$1" "$2" "$4" "$3" "$(ratio "$2" "$3")"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
for h in 4 1024; do
  epochs=$([ "$h" = 4 ] && echo 10000 || echo 2000)
  xs=(); cs=()
  for _ in $(seq "$rounds"); do xs+=("$(xornet_ns "$epochs" --hidden "$h")"); cs+=("$(c_loop "$epochs" "$h")"); done
  row "XOR, hidden $h, $epochs epochs" "$(printf '%s\n' "${xs[@]}" | median)" "$(printf '%s\n' "${cs[@]}" | median)" "C loop"
  ns=(); for _ in $(seq 3); do ns+=("$(numpy "$h" 200)"); done
  row "XOR, hidden $h (NumPy)" "$(printf '%s\n' "${xs[@]}" | median)" "$(printf '%s\n' "${ns[@]}" | median)" "NumPy"
done

rows_csv="$work/rows65536.csv"
nps=(); xs=()
for _ in $(seq 3); do
  nps+=("$(numpy 64 5 65536 "$rows_csv")") # (the first call writes the CSV file)
  xs+=("$(xornet_ns 20 --data "$rows_csv" --hidden 64 --lr "$(awk 'BEGIN { printf "%.17g", 0.4 / 65536 }')")")
done
row "65536 CSV rows, hidden 64" "$(printf '%s\n' "${xs[@]}" | median)" "$(printf '%s\n' "${nps[@]}" | median)" "NumPy"

# Deeper networks: --layers against the generalised notebook (tests/XorNet.Benchmarks/deep_numpy_epoch.py) in NumPy
# on OpenBLAS, selected by its library path, with its OPENBLAS_* overrides unset as above.
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
deep_numpy() {
  on_cpu0 env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE LD_LIBRARY_PATH="$openblas" /usr/bin/python3 \
    tests/XorNet.Benchmarks/deep_numpy_epoch.py "$@" | sed 's/.* ns_per_epoch=\([0-9.]*\).*/\1/' # (wall time, as XorNet's)
}
if ! "$xornet" --layers 4 --epochs 1 >/dev/null 2>&1; then
  echo "(deeper networks skipped: this build has no --layers option)"
elif [ ! -e "$openblas/libblas.so.3" ]; then
  echo "(deeper networks skipped: $openblas is missing; apt-get install libopenblas0-pthread)"
else
  echo "NumPy's BLAS for the deeper rows: $(env LD_LIBRARY_PATH="$openblas" /usr/bin/python3 tests/XorNet.Benchmarks/deep_numpy_epoch.py 4 1 | sed 's/.*blas=//')"
  # The same 65536 points as above (the script draws them as numpy_epoch.py does), so XorNet reads the file written there.
  lr=$(awk 'BEGIN { printf "%.17g", 0.4 / 65536 }')
  nps=(); xs=()
  for _ in $(seq 3); do nps+=("$(deep_numpy 64,64 5 65536)"); xs+=("$(xornet_ns 10 --data "$rows_csv" --layers 64,64 --lr "$lr")"); done
  row "65536 CSV rows, layers 64,64" "$(printf '%s\n' "${xs[@]}" | median)" "$(printf '%s\n' "${nps[@]}" | median)" "NumPy"
  nps=(); xs=()
  for _ in $(seq 3); do nps+=("$(deep_numpy 16,16 2000)"); xs+=("$(xornet_ns 20000 --layers 16,16)"); done
  row "XOR, layers 16,16" "$(printf '%s\n' "${xs[@]}" | median)" "$(printf '%s\n' "${nps[@]}" | median)" "NumPy"
fi

echo
echo "growth (XorNet ns per epoch):"
for rows in 1024 16384 65536; do
  /usr/bin/python3 "$bench/numpy_epoch.py" 64 1 "$rows" "$work/r$rows.csv" >/dev/null
  printf '  rows %6d, hidden 64: %12.1f\n' "$rows" "$(xornet_ns 20 --data "$work/r$rows.csv" --hidden 64)"
done
for h in 16 256 4096; do
  printf '  XOR,  hidden %5d:     %12.1f\n' "$h" "$(xornet_ns 2000 --hidden "$h")"
done

echo
echo "whole process, default run: hyperfine's medians in six short rounds (it runs one command's runs, then the"
echo "other's, so short alternating rounds keep both under the same machine load), and the median ratio; the mean"
echo "CPU times (user + system) are given too, as waiting for a busy CPU inflates wall times but not those:"
ratios=()
for round in 1 2 3 4 5 6; do
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE hyperfine -N --warmup 2 --runs 10 --export-json "$work/h$round.json" \
    "$xornet" "/usr/bin/python3 tests/XorNet.Benchmarks/notebook.py" >/dev/null 2>&1
  ratios+=("$(/usr/bin/python3 - "$work/h$round.json" <<'PY'
import json, sys
(x, xc), (p, pc) = ((r["median"] * 1e3, (r["user"] + r["system"]) * 1e3) for r in json.load(open(sys.argv[1]))["results"])
print(f"{p / x:.1f}  (XorNet {x:.2f} ms, Python + NumPy {p:.1f} ms; CPU time {xc:.2f} ms and {pc:.1f} ms, ratio {pc / xc:.1f})")
PY
)")
  echo "  ${ratios[-1]}"
done
echo "  median: $(printf '%s\n' "${ratios[@]}" | cut -d' ' -f1 | median) x faster"
