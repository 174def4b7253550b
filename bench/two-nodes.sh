#!/usr/bin/env bash
# Two `lotsen serve` nodes on one PostgreSQL under concurrent load, node b SIGKILLed at 40 % of the requests and
# restarted on a new port, then checked: prints requests, 2xx, 409, 503, duplicates found (must be 0) and the verdict
# of `lotsen journal verify`.
#
#   bench/two-nodes.sh [--people N] [--requests M] [--database postgres://user@127.0.0.1:PORT/postgres] [--release]
#
# It is the longer run of Tests/LotsenCLITests/TwoNodeTests.swift (the same code, so the same checks): every person
# walks new-in-sweden with each request sent to both nodes at once or split between them (journeys started twice,
# answers, step starts and completions, Migrationsverket's events sent twice with one message id, half of them
# before the step is reached), caseworker reads alternating between the nodes, and, alongside, two once-only
# applications killed mid-call and resumed by `lotsen sync`. The client retries only on 409 and 503, and sends a
# request again to the surviving node when its connection to the killed node failed.
#   --people N     people walked through the journey (default 200; about 22 requests each)
#   --requests M   total requests wanted: extra caseworker reads per person make up the difference (default none)
#   --database URL a PostgreSQL server to use (a database lotsen_test_<random> is created on it and dropped after);
#                  without it a throwaway cluster is started with scripts/test-postgres (one already running is reused
#                  and left running) and stopped on exit
#   --release      build .build/release/lotsen with `swift build -c release` and run the nodes on it (default: the
#                  debug binary the test bundle runs)
# Needs a test build (swift build --build-tests); nothing else is built unless --release is given.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

usage() { sed -n '6p' "$0" | sed 's/^#   /usage: /' >&2; }
die() { echo "two-nodes: $*" >&2; exit 1; }

people=200 requests="" database="" release=0
while (($#)); do
    case "$1" in
        --people) people="${2:?--people needs a number}"; shift 2 ;;
        --requests) requests="${2:?--requests needs a number}"; shift 2 ;;
        --database) database="${2:?--database needs a postgres:// URL}"; shift 2 ;;
        --release) release=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown argument '$1'" ;;
    esac
done
[[ "$people" =~ ^[1-9][0-9]*$ ]] || die "--people must be a positive whole number"
[ -z "$requests" ] || [[ "$requests" =~ ^[1-9][0-9]*$ ]] || die "--requests must be a positive whole number"
[ -z "$database" ] || [[ "$database" =~ ^postgres(ql)?:// ]] || die "--database must be a postgres:// URL"

per_person=22
reads=0
if [ -n "$requests" ] && ((requests > people * per_person)); then
    reads=$(((requests - people * per_person + people - 1) / people))
fi

binary=""
if ((release)); then
    echo "== swift build -c release --product lotsen" >&2
    swift build -c release --product lotsen >&2
    binary="$PWD/.build/release/lotsen"
fi
ls .build/debug/*PackageTests.xctest >/dev/null 2>&1 || die "no test build; run: swift build --build-tests"

source bench/lib/postgres-run.sh
bench_postgres
bench_output two-nodes

echo "== $people people, $reads extra reads each, node b killed and restarted midway${binary:+, release nodes}" >&2
started=$(date +%s)
set +e
LOTSEN_TEST_POSTGRES_URL="$database" LOTSEN_TWO_NODES_PEOPLE="$people" LOTSEN_TWO_NODES_READS="$reads" LOTSEN_TWO_NODES_RESTART=1 \
    LOTSEN_TWO_NODES_BINARY="$binary" swift test --skip-build --filter 'TwoNodeTests/twoNodesOnePostgres' >"$out" 2>&1
status=$?
set -e
elapsed=$(($(date +%s) - started))

line=$(grep -m 1 '^two-nodes: ' "$out" || true)
if [ -z "$line" ]; then
    grep -E '✘|error' "$out" | head -n 30 >&2 || tail -n 30 "$out" >&2
    die "the run printed no summary (exit $status)"
fi
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
verdict=$(sed -n 's/.* journal="\([^"]*\)".*/\1/p' <<<"$line")
printf '%-22s %s\n' \
    "people" "$(field people)" \
    "requests" "$(field requests)" \
    "2xx" "$(field 2xx)" \
    "409 (retried)" "$(field 409)" \
    "503 (retried)" "$(field 503)" \
    "5xx" "$(field 5xx)" \
    "other statuses" "$(field other)" \
    "answered by" "node a $(field node-a), node b $(field node-b) ($(field b-after-kill) of them after the kill, from the restarted process)" \
    "transport failures" "$(field transport) (resent to the other node: $(field failover))" \
    "node b killed at" "request $(field killed-at), restarted: $(field restart)" \
    "duplicates found" "$(field duplicates)" \
    "resumed applications" "$(field resumed)" \
    "journal verify" "$verdict" \
    "time" "setup $(field setup), run $(field run) ($(field rate)), checks $(field verify); ${elapsed}s in all"
if ((status != 0)); then
    echo "two-nodes: some checks failed:" >&2
    grep -E '✘' "$out" | head -n 20 >&2 || true
    grep -E '^↳ ' "$out" | grep -v '^↳ ///' | head -n 20 >&2 || true
    exit 1
fi
[ "$(field duplicates)" = 0 ] || die "duplicates found"
echo "two-nodes: every check passed"
