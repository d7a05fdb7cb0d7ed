#!/usr/bin/env bash
# Coverage-guided fuzzing of XorNet's CSV reader, model reader and command line with AFL++ and SharpFuzz.
#
#   tests/XorNet.Fuzz/fuzz.sh TARGET SECONDS [INSTANCES]
#
# TARGET is csv, model or args; SECONDS how long to fuzz; INSTANCES (default 1) how many afl-fuzz processes to run
# side by side (one main, the rest secondaries, sharing one findings directory). Installs what is missing (afl++ from
# the distribution, the sharpfuzz tool from the repository's tool manifest), builds the targets in Release,
# instruments XorNet.dll (and System.CommandLine.dll for args), fuzzes from seeds/TARGET, and prints the totals.
# Findings go to artifacts/fuzz/TARGET (FUZZ_OUT overrides): crashes/ and hangs/ under each instance's directory.
# An existing findings directory is resumed, not overwritten.
set -euo pipefail

target=${1:?usage: fuzz.sh csv|model|args SECONDS [INSTANCES]}
seconds=${2:?usage: fuzz.sh csv|model|args SECONDS [INSTANCES]}
instances=${3:-1}
case "$target" in csv|model|args) ;; *) echo "fuzz.sh: unknown target '$target': expected csv, model or args" >&2; exit 2 ;; esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/artifacts/fuzz/bin"
out=${FUZZ_OUT:-"$root/artifacts/fuzz/$target"}

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
(cd "$root" && dotnet tool restore >/dev/null)

# A fresh build each time: sharpfuzz rewrites the assemblies in place and refuses to instrument one twice.
rm -rf "$build"
if ! log=$(dotnet build "$here/XorNet.Fuzz.csproj" -c Release -o "$build" -nologo -v quiet 2>&1); then
  printf '%s\n' "$log" >&2
  echo "fuzz.sh: the build failed" >&2
  exit 2
fi
(cd "$root" && dotnet sharpfuzz "$build/XorNet.dll" >/dev/null)
if [ "$target" = args ]; then
  (cd "$root" && dotnet sharpfuzz "$build/System.CommandLine.dll" >/dev/null)
fi

# The target is the dotnet host, not an instrumented binary; SharpFuzz speaks AFL's fork-server protocol itself.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_NO_UI=1 AFL_AUTORESUME=1 AFL_SHUFFLE_QUEUE=0 DOTNET_TieredPGO=0
mkdir -p "$out"
fuzz() { # NAME ROLE
  afl-fuzz -i "$here/seeds/$target" -o "$out" -x "$here/dictionaries/$target.dict" -t 5000 -m none -V "$seconds" \
    "$2" "$1" -- dotnet "$build/XorNet.Fuzz.dll" "$target" >"$out/$1.log" 2>&1
}
pids=()
fuzz main -M & pids+=($!)
for ((i = 1; i < instances; i++)); do
  fuzz "secondary$i" -S & pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done

# Totals over the instances, from each one's fuzzer_stats.
stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$2"; }
execs=0 crashes=0 hangs=0 rate=0
for stats in "$out"/*/fuzzer_stats; do
  [ -f "$stats" ] || continue
  execs=$((execs + $(stat execs_done "$stats")))
  crashes=$((crashes + $(stat saved_crashes "$stats")))
  hangs=$((hangs + $(stat saved_hangs "$stats")))
  rate=$(awk -v a="$rate" -v b="$(stat execs_per_sec "$stats")" 'BEGIN { print a + b }')
  echo "$(basename "$(dirname "$stats")"): $(stat execs_done "$stats") execs, $(stat execs_per_sec "$stats")/s overall, corpus $(stat corpus_count "$stats"), crashes $(stat saved_crashes "$stats"), hangs $(stat saved_hangs "$stats")"
done
echo "$target: $execs execs in total, ${rate}/s, crashes $crashes, hangs $hangs (findings in $out)"
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: afl-fuzz exited with $status; see $out/*.log" >&2
  exit "$status"
fi
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then exit 1; fi
