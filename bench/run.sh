#!/usr/bin/env bash
# Runs every benchmark behind BENCHMARKS.md, side by side, and writes the raw
# results to bench/results/ (or $OUT). With --quick each benchmark runs once,
# to prove that they all still build and run; the README's test command
# uses that. Needs Go, Node.js and npm; fetches the pinned alternatives.
set -euo pipefail
cd "$(dirname "$0")"
quick=false
[ "${1:-}" = "--quick" ] && quick=true
out=${OUT:-results}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
benchstat="go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"

step "machine"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "kernel: $(uname -sr)"
  echo "go: $(go version | cut -d' ' -f3-)"
  echo "node: $(node --version)"
} | tee "$out/machine.txt"

step "Go micro-benchmarks (closecode vs stringer, coder/websocket, a map-based validator, gobwas/ws, a bitmap floor)"
if $quick; then
  go test -run='^$' -bench=. -benchmem -benchtime=1x . | tee "$out/go.txt"
else
  # Ten passes over every benchmark rather than -count=10, which takes one
  # benchmark's ten samples in a row: a busy spell of a shared machine then
  # lands on one implementation only. In passes it falls on all of them.
  go test -c -o "$work/bench.test" .
  : > "$out/go.txt"
  for pass in 1 2 3 4 5 6 7 8 9 10; do
    "$work/bench.test" -test.run='^$' -test.bench=. -test.benchmem | tee -a "$out/go.txt"
  done
  $benchstat -col /impl -row .name,/input "$out/go.txt" | tee "$out/go-benchstat.txt"
fi
go run ./cmd/passratio < "$out/go.txt" | tee "$out/go-ratios.txt"

step "Node benchmarks (generated module vs ws and http-status-codes)"
npm ci --prefix node --no-audit --no-fund --loglevel=error
if $quick; then
  node node/bench.mjs --quick | tee "$out/node.txt"
else
  node node/bench.mjs --json "$out/node.json" | tee "$out/node.txt"
fi

step "generator: gencodes vs stringer, whole processes"
(cd .. && go build -o "$work/gencodes" ./cmd/gencodes) # with the main module's own go.mod
go build -o "$work/stringer" golang.org/x/tools/cmd/stringer
go build -o "$work/procbench" ./cmd/procbench
runs=40
$quick && runs=1
mkdir -p "$work/std" "$work/stringer-pkg"
cp ../codes.yaml "$work/std/codes.yaml"
cp stringercodes/codes.go "$work/stringer-pkg/codes.go"
printf 'module stringerpkg\n\ngo 1.23\n' > "$work/stringer-pkg/go.mod"
root=$(cd .. && pwd)
T=$'\t'
cat > "$work/generator.spec" <<SPEC
gencodes codes.yaml (19 codes, 18 files)${T}$work/std${T}$work/gencodes
stringer, the same 19 constants${T}$work/stringer-pkg${T}$work/stringer${T}-type=Code
go generate ./... (warm build cache)${T}$root${T}go${T}generate${T}./...
SPEC
"$work/procbench" -runs "$runs" "$work/generator.spec" | tee "$out/generator.txt"

step "closecheck next to go vet's default passes, on the same loaded packages (closecheck's BenchmarkVet)"
# examples/websocket always; a large module that uses gorilla or coder only
# when CLOSECHECK_BENCH_LARGE names its directory (BENCHMARKS.md says how it
# was prepared), never with --quick: CI has no such checkout.
(cd ../closecheck && go test -c -o "$work/closecheck.test" .)
dirs=("$(cd ../examples/websocket && pwd)")
if ! $quick && [ -n "${CLOSECHECK_BENCH_LARGE:-}" ]; then
  dirs+=("$(cd "$CLOSECHECK_BENCH_LARGE" && pwd)")
fi
passes=10 short=false
$quick && passes=1 short=true
: > "$out/closecheck.txt"
for dir in "${dirs[@]}"; do
  # Passes, as above: each runs every case once, so a busy spell falls on all.
  for pass in $(seq "$passes"); do
    CLOSECHECK_BENCH_DIR="$dir" "$work/closecheck.test" -test.run='^$' -test.bench=BenchmarkVet \
      -test.benchtime=1x -test.short="$short" | tee -a "$out/closecheck.txt"
  done
done
go run ./cmd/passratio -base vet < "$out/closecheck.txt" | tee "$out/closecheck-ratios.txt"

step "done: results in $out"
