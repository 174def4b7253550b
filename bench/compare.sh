#!/usr/bin/env bash
# Runs the peer benchmark (SpiffWorkflow 3.2.0, shared/bench/peer-spiff) and lotsen-bench one after the other on
# this machine with the same n and seed, and prints one table with the ratios. Results go to bench/results/.
#
#   bench/compare.sh [N]          # default N=10000
#
# The peer's Python dependency is installed in a virtual environment under .build/bench-venv (ignored by git).
# lotsen-bench is built in $LOTSEN_BUILD_DIR (default .build) with `swift build --scratch-path`, so a release build can
# have a folder of its own (LOTSEN_BUILD_DIR=.build-release) and leave .build's lock to debug builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
n="${1:-10000}"
peer_dir="${PEER_DIR:-../shared/bench/peer-spiff}"
results=bench/results
mkdir -p "$results"
[ -f "$peer_dir/bench.py" ] || { echo "compare: no peer benchmark at $peer_dir (set PEER_DIR)" >&2; exit 1; }

scripts/setup
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check spiffworkflow==3.2.0

build_dir="${LOTSEN_BUILD_DIR:-.build}"
swift build -c release --scratch-path "$build_dir" --product lotsen-bench >&2

stamp=$(date -u +%Y%m%dT%H%M%SZ)
peer_json="$results/peer-n$n-$stamp.json"
peer_reload_json="$results/peer-reload-n$n-$stamp.json"
lotsen_json="$results/lotsen-n$n-$stamp.json"

echo "== peer: SpiffWorkflow, one transaction per transition" >&2
"$venv/bin/python" "$peer_dir/bench.py" --n "$n" --db /tmp/peer-bench.sqlite --json-out "$peer_json" >&2
echo "== peer: SpiffWorkflow --reload (load, step, save)" >&2
"$venv/bin/python" "$peer_dir/bench.py" --n "$n" --reload --db /tmp/peer-bench.sqlite --json-out "$peer_reload_json" >&2
echo "== lotsen" >&2
"$build_dir/release/lotsen-bench" --n "$n" --database /tmp/lotsen-bench.sqlite --json-out "$lotsen_json" >&2
rm -f /tmp/peer-bench.sqlite* /tmp/lotsen-bench.sqlite*

python3 - "$peer_json" "$peer_reload_json" "$lotsen_json" <<'PY'
import json, sys
peer, peer_reload, lotsen = (json.load(open(p)) for p in sys.argv[1:4])
modes = {r["mode"]: r for r in lotsen["results"]}
rows = [
    ("tx per transition", peer, modes.get("lotsen memory")),
    ("load → step → save", peer_reload, modes.get("lotsen reload")),
]
print(f"n = {lotsen['n']}, seed {lotsen['seed']}, synchronous={lotsen['synchronous']}, {lotsen['cpus']} CPUs")
print(f"{'mode':<22}{'peer trans/s':>14}{'lotsen trans/s':>16}{'ratio':>8}{'peer p50/p99 ms':>18}{'lotsen p50/p99 ms':>20}")
for name, p, l in rows:
    if not l: continue
    print(f"{name:<22}{p['transitions_per_s']:>14,.0f}{l['transitionsPerSecond']:>16,.0f}{l['transitionsPerSecond'] / p['transitions_per_s']:>7.1f}×"
          f"{p['latency_ms_p50']:>9.2f} / {p['latency_ms_p99']:<6.2f}{l['latencyMicrosecondsP50'] / 1000:>11.2f} / {l['latencyMicrosecondsP99'] / 1000:<6.2f}")
ceiling = modes.get("bare SQLite ceiling")
memory = modes.get("lotsen memory")
if ceiling and memory:
    print(f"bare-SQLite ceiling: {ceiling['transitionsPerSecond']:,.0f} trans/s; lotsen memory is {ceiling['transitionsPerSecond'] / memory['transitionsPerSecond']:.2f}× below it")
print(f"transitions: peer {peer['transitions']:,}, lotsen {memory['transitions'] if memory else '?':,}; peak RSS MiB: peer {peer['peak_rss_mib']}, lotsen {memory['peakRSSMiB'] if memory else '?'}")
PY
