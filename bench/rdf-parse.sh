#!/usr/bin/env bash
# Parsing a large CPSV-AP catalogue in Turtle: Lotsen's parser (lotsen-rdf, release build) against rdflib, side by
# side in one run. Makes the catalogue (bench/make-cpsv-catalogue.py, deterministic, MB megabytes, default 12), then
# parses it RUNS times with each (default 3) and prints CPU seconds, peak memory and triples. Lotsen's memory is
# reported as what the parse adds to the process (the file is mapped, so its pages count in it) and as the peak.
#
#     bench/rdf-parse.sh [MB] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-12}
runs=${2:-3}
venv=.build/rdf-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "rdflib==7.6.0"
fi
swift build -c release --product lotsen-rdf >/dev/null
tool=.build/release/lotsen-rdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
catalogue="$work/catalogue.ttl"
python3 bench/make-cpsv-catalogue.py "$catalogue" "$megabytes"
bytes=$(wc -c <"$catalogue")
echo "catalogue: $bytes bytes"

for run in $(seq 1 "$runs"); do
    "$tool" time "$catalogue" | sed "s/^/lotsen run $run: /"
    "$venv/bin/python" - "$catalogue" <<'PY' | sed "s/^/rdflib run $run: /"
import resource, sys, time
import rdflib
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
graph = rdflib.Graph().parse(sys.argv[1], format="turtle")
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"triples {len(graph)} cpu_seconds {seconds:.3f} peak_kb {peak} before_kb {before}")
PY
done
