#!/usr/bin/env bash
# The caseworkers' web view on real volumes: --n enrollments (default 100,000) on SQLite, each with its first step
# finished (its time in the index of finished steps) and its second open; a signed-in caseworker asks --repeat times
# (default 20) for each of three pages: the list of the people at that step (the first page, and the second through
# the keyset cursor the first links to) and the journey's funnel. Prints and records the median and slowest time from
# request to last byte as curl measures it on loopback (server time plus one round trip). Target (issue "A web view for
# caseworkers"): under 100 ms of server time, from indexes, never by reading every enrollment.
#
#   bench/web-pages.sh [--n 100000] [--repeat 20]
#
# Uses $LOTSEN_BUILD_DIR/release/lotsen and lotsen-bench (LOTSEN_BUILD_DIR defaults to .build-release; build them
# with `swift build -c release --scratch-path .build-release --product lotsen-bench` and `--product lotsen`). The
# enrollments are made by `lotsen-bench --timers --finished-steps` (the benchmark journey, bench/peer-new-in-sweden.yaml:
# the residence permit done after 1 hour to 60 days, and one open step with its timers fired), in a temporary folder
# removed on exit. Results: bench/results/web-pages-<stamp>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '9p' "$0" | sed 's/^#   /usage: /' >&2; }
die() { echo "web-pages: $*" >&2; exit 1; }

n=100000 repeat=20
while (($#)); do
    case "$1" in
        --n) n="${2:?--n needs a number}"; shift 2 ;;
        --repeat) repeat="${2:?--repeat needs a number}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown argument '$1'" ;;
    esac
done
for pair in "n:$n" "repeat:$repeat"; do
    [[ "${pair#*:}" =~ ^[1-9][0-9]*$ ]] || die "--${pair%%:*} must be a positive whole number"
done

build="${LOTSEN_BUILD_DIR:-.build-release}"
lotsen="$build/release/lotsen"
bench="$build/release/lotsen-bench"
for binary in "$lotsen" "$bench"; do
    [ -x "$binary" ] || die "$binary is missing: swift build -c release --scratch-path $build --product $(basename "$binary")"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-web-pages.XXXXXX")
server=""
cleanup() {
    local status=$?
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

journey=peer-new-in-sweden
step=population-registration
export LOTSEN_DATABASE="$work/web.sqlite"
echo "== $n enrollments of $journey, each at $step" >&2
"$bench" --timers --finished-steps --n "$n" --database "$LOTSEN_DATABASE" --root . >"$work/setup.log"
mkdir "$work/journeys"
cp bench/peer-new-in-sweden.yaml "$work/journeys/"
library=(--journeys "$work/journeys" --adapters adapters)
token=$("$lotsen" token create --role caseworker --label web-pages "${library[@]}" 2>/dev/null)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
LOG_LEVEL=warning "$lotsen" serve --host 127.0.0.1 --port "$port" "${library[@]}" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 150); do
    curl -fs -o /dev/null "$base/health" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; die "lotsen serve did not start"; }
    sleep 0.2
done

jar="$work/cookies"
csrf=$(curl -fs -c "$jar" "$base/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$csrf" ] || die "the sign-in form has no CSRF token"
signed=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "token=$token" --data-urlencode "csrf=$csrf" "$base/sign-in")
[ "$signed" = 303 ] || die "signing in answered $signed, not 303"

list="$base/journeys/$journey/enrollments?step=$step"
first=$(curl -fs -b "$jar" "$list")
rows=$(grep -o '<tr' <<<"$first" | wc -l)
next=$(sed -n 's/.*href="\([^"]*cursor=[^"]*\)".*/\1/p' <<<"$first" | head -1 | sed 's/&amp;/\&/g')
[ -n "$next" ] || die "the first list page links to no next page"
funnel="$base/journeys/$journey/funnel"
funnel_page=$(curl -fs -b "$jar" "$funnel")
grep -q "$n" <<<"$funnel_page" || die "the funnel does not count $n people"
grep -Eq "<td class=\"number\">$n</td><td class=\"number\">[0-9]+ days</td>" <<<"$funnel_page" \
    || die "the funnel does not show $n finished residence permits with their median time"

# time NAME URL: --repeat requests, each 200, one "NAME seconds" line each.
time_page() {
    for _ in $(seq 1 "$repeat"); do
        read -r code seconds < <(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$2")
        [ "$code" = 200 ] || die "$1 answered $code"
        echo "$1 $seconds"
    done
}
{
    time_page list "$list"
    time_page "list page 2" "$base$next"
    time_page funnel "$funnel"
} >"$work/times"

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
python3 - "$work/times" "$n" "$repeat" "$rows" "bench/results/web-pages-$stamp.json" <<'PY'
import json, statistics, sys
times, n, repeat, rows, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
pages = {}
for line in open(times):
    name, seconds = line.rsplit(" ", 1)
    pages.setdefault(name, []).append(float(seconds) * 1000)
result = {"enrollments": n, "repeat": repeat, "rowsOnFirstPage": rows - 1, "targetMs": 100, "pages": {}}
for name, ms in pages.items():
    result["pages"][name] = {"medianMs": round(statistics.median(ms), 2), "maxMs": round(max(ms), 2)}
    print(f"{name:12} median {statistics.median(ms):7.2f} ms   slowest {max(ms):7.2f} ms")
result["met"] = all(p["maxMs"] < 100 for p in result["pages"].values())
print("target (every request under 100 ms):", "met" if result["met"] else "NOT met")
json.dump(result, open(out, "w"), indent=2, sort_keys=True)
print("written:", out)
PY
