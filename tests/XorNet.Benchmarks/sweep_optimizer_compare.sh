#!/usr/bin/env bash
# Sweeps of the notebook's network with each update rule against the NumPy loop over the same epochs: for each rule,
# `sweep --seed 0-199 --hidden 2,3,4 --full` (600 runs of 10000 epochs each, 6 million epochs, --jobs 2; --full so
# that start-up is a small part of the time) is timed as a whole process by
# hyperfine, its records give the epochs it trained, and optimizer_numpy_epoch.py gives NumPy's time an epoch with
# that rule at hidden 4 (the issue's text, per parameter array) in the same session. Both wall times (XorNet on two
# cores, NumPy on one) and CPU times (all of XorNet's threads, so a single-core comparison) are compared: on a
# shared machine the wall time of --jobs 2 depends on how much of the second core the others leave.
# Usage: tests/XorNet.Benchmarks/sweep_optimizer_compare.sh [RUNS (default 3)]
# Needs hyperfine and Debian's python3-numpy.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/XorNet -c Release -o "$work/xornet" >/dev/null
xornet=(dotnet "$work/xornet/XorNet.dll")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
for rule in sgd momentum nesterov adam rmsprop rprop "sgd --batch-size 1"; do
  name=${rule// /}
  sweep=(sweep --seed 0-199 --hidden 2,3,4 --full --learning-rate 0.1 --optimizer $rule --jobs 2)
  hyperfine --runs "$runs" --warmup 1 --export-json "$work/$name.json" "${xornet[*]} ${sweep[*]}" >/dev/null
  "${xornet[@]}" "${sweep[@]}" --out "$work/$name.csv" >/dev/null
  /usr/bin/python3 - "$work/$name.json" "$work/$name.csv" "${rule%% *}" "$rule" <<'PY'
import csv, json, subprocess, sys, os
result = json.load(open(sys.argv[1]))["results"][0]
seconds, cpu = result["median"], result["user"] + result["system"]
epochs = sum(int(r["epochsRun"]) for r in csv.DictReader(open(sys.argv[2])))
here = os.path.join(os.getcwd(), "tests", "XorNet.Benchmarks")
out = subprocess.run(["/usr/bin/python3", "optimizer_numpy_epoch.py", sys.argv[3], "4", "5000"], cwd=here, capture_output=True, text=True).stdout
ns = float(out.split(" ns_per_epoch=")[1].split()[0])
cpu_ns = float(out.split("cpu_ns_per_epoch=")[1].split()[0])
numpy, numpy_cpu = epochs * ns / 1e9, epochs * cpu_ns / 1e9
print(f"{sys.argv[4]:>20}: {epochs} epochs in {seconds:.2f} s ({cpu:.2f} s of CPU); NumPy {ns / 1000:.1f} us an epoch ({cpu_ns / 1000:.1f} us of CPU), "
      f"{numpy:.0f} s for them: {numpy / seconds:.0f}x NumPy's wall time, {numpy_cpu / cpu:.0f}x its CPU time")
PY
done
