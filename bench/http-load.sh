#!/usr/bin/env bash
# HTTP load run against `lotsen serve` on loopback with wrk: (a) status reads, GET /v1/enrollments/{id} as a
# caseworker, spread over every seeded enrollment; (b) step completions, POST /v1/enrollments/{id}/steps/{step}/complete
# as each person's own citizen token, walking every enrollment through a fixed order of steps that are valid for
# the answers given at seeding, so every request is a real state change (none repeats a completed step).
#
#   bench/http-load.sh [--duration 20s] [--connections 16] [--threads 1] [--people 2000] [--health] [--build] [--nodes N --database postgres://…]
#
# Uses $LOTSEN_BUILD_DIR/release/lotsen (LOTSEN_BUILD_DIR defaults to .build; built with `swift build -c release
# --scratch-path $LOTSEN_BUILD_DIR --product lotsen` only when missing or with --build). Everything runs on a fresh
# database in a temporary folder, removed on exit, with the server on a free port.
#
# --database postgres://user@host:port/db: the run uses a fresh database lotsen_http_load_<stamp> on that server
# (created with psql, dropped on exit) and starts --nodes N `lotsen serve` nodes on it, each on a free loopback port.
# One wrk spreads its threads over the nodes round-robin (common.lua's setup sets each thread's address; a thread's
# connections all go to its node), so --threads is raised to a multiple of N. After the HTTP runs, `pgbench -N` with
# --connections clients runs for --duration on the same server, in a database of its own: the ceiling line.
# --health adds a run of GET /health (which asks the store) before the status reads, to compare the two.
# Every run reports each node's RSS before the first wrk run and after the last, and counts the completion events
# in the stored history after the completions: one per 2xx answer, none lost and none doubled. Seeding: people are newcomers without a personnummer (`lotsen start --person new`, then a citizen token
# per person with `lotsen token create`, both on the command line since the API cannot create people); the
# enrollments are then fetched and answered through the API. Results: one JSON file in bench/results/http-<stamp>.json
# and a table. The target (status reads >= 5,000 requests/s with p99 < 5 ms) is reported, not enforced.
# LOTSEN_SQLITE_SYNCHRONOUS=full (passed to the server and the seeding commands) measures SQLite's synchronous=FULL.
# LOG_LEVEL is passed to the server (default: its own, info, one log line per request). LOTSEN_HTTP_LOAD_KEEP=1 keeps
# the temporary folder (database, server log, wrk scripts and output) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

usage() { sed -n '7p' "$0" | sed 's/^#   /usage: /' >&2; }
die() { echo "http-load: $*" >&2; exit 1; }

duration=20s connections=16 threads=1 people=2000 build=0 nodes=1 database="" health=0
while (($#)); do
    case "$1" in
        --duration) duration="${2:?--duration needs a value such as 20s}"; shift 2 ;;
        --connections) connections="${2:?--connections needs a number}"; shift 2 ;;
        --threads) threads="${2:?--threads needs a number}"; shift 2 ;;
        --people) people="${2:?--people needs a number}"; shift 2 ;;
        --build) build=1; shift ;;
        --nodes) nodes="${2:?--nodes needs a number}"; shift 2 ;;
        --database) database="${2:?--database needs a postgres:// URL}"; shift 2 ;;
        --health) health=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown argument '$1'" ;;
    esac
done
[[ "$duration" =~ ^[0-9]+[smh]?$ ]] || die "--duration must look like 20s, 2m or 30 (seconds)"
for pair in "connections:$connections" "threads:$threads" "people:$people" "nodes:$nodes"; do
    [[ "${pair#*:}" =~ ^[1-9][0-9]*$ ]] || die "--${pair%%:*} must be a positive whole number"
done
if [ -n "$database" ]; then
    [[ "$database" =~ ^postgres(ql)?:// ]] || die "--database must be a postgres:// URL (without it the run uses a fresh SQLite file)"
    python3 - "$database" <<'PY' || die "--database must point at this machine (127.0.0.1, localhost or a unix socket): the load stays on loopback"
import sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1]); q = urllib.parse.parse_qs(u.query)
host = q.get("host", [u.hostname or "localhost"])[0]
sys.exit(0 if host in ("127.0.0.1", "localhost", "::1") or host.startswith("/") else 1)
PY
fi
((nodes == 1)) || [ -n "$database" ] || die "--nodes $nodes needs --database postgres://…: several nodes share one PostgreSQL, not one SQLite file"
if ((nodes > 1 && threads % nodes != 0)); then
    threads=$(((threads + nodes - 1) / nodes * nodes))
    echo "http-load: --threads raised to $threads, a multiple of --nodes, so every node gets the same number of wrk threads" >&2
fi
((nodes == 1 || connections % threads == 0)) || die "--connections ($connections) must be a multiple of --threads ($threads) so the nodes get as many connections each"
((connections >= threads)) || die "--connections ($connections) must be at least --threads ($threads): wrk gives each thread its own connections"
# Completions walk each enrollment in order; a connection must never send an enrollment's next step while its
# previous one is still in flight, so there must be many more enrollments than connections.
((people >= 4 * connections)) || die "--people must be at least 4 × --connections ($((4 * connections))) so no enrollment gets two requests at once"

scripts/setup
command -v wrk >/dev/null || die "wrk is not installed (Debian package 'wrk'; scripts/setup installs it, with sudo when needed)"
command -v python3 >/dev/null || die "python3 is not installed (scripts/setup installs it)"

build_dir="${LOTSEN_BUILD_DIR:-.build}"
bin="$build_dir/release/lotsen"
if ((build)) || [ ! -x "$bin" ]; then
    command -v swift >/dev/null || die "no release binary at $bin and no swift to build it"
    echo "== building $bin" >&2
    swift build -c release --scratch-path "$build_dir" --product lotsen >&2
fi
[ -x "$bin" ] || die "no executable at $bin (build it with: swift build -c release --scratch-path $build_dir --product lotsen)"
[[ "$bin" = /* ]] || bin="$PWD/$bin"

# PostgreSQL's client tools as scripts/test-postgres finds the server's: pg_config --bindir, else Debian's newest
# /usr/lib/postgresql/<version>/bin, else PATH.
pg_tool() {
    local dir
    if command -v pg_config >/dev/null && dir=$(pg_config --bindir 2>/dev/null) && [ -x "$dir/$1" ]; then echo "$dir/$1"; return; fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        [ -x "$dir/$1" ] && { echo "$dir/$1"; return; }
    done
    command -v "$1" || die "no $1 found (Debian's postgresql package ships it; scripts/setup installs it)"
}
# The same server and credentials, another database (python keeps the URL's user, password, host and query).
url_with_database() {
    python3 - "$1" "$2" <<'PY'
import sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
q = [(k, v) for k, v in urllib.parse.parse_qsl(u.query) if k != "dbname"]
print(urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + sys.argv[2], urllib.parse.urlencode(q), "")))
PY
}
if [ -n "$database" ]; then
    psql=$(pg_tool psql)
    pgbench=$(pg_tool pgbench)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-http-load.XXXXXX")
server_pids=()
pg_databases=()
stop_server() {
    local pid=$1
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}
cleanup() {
    local status=$?
    local pid name
    for pid in "${server_pids[@]}"; do stop_server "$pid"; done
    for name in "${pg_databases[@]}"; do
        timeout 60 "$psql" -q -X "$database" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 ||
            echo "http-load: could not drop database $name" >&2
    done
    if [ -n "${LOTSEN_HTTP_LOAD_KEEP:-}" ]; then echo "http-load: kept $tmp" >&2; else rm -rf "$tmp"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

lib=(--journeys "$PWD/journeys" --adapters "$PWD/adapters")
results=bench/results
mkdir -p "$results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$results/http-$stamp.json"
if [ -n "$database" ]; then
    db_name="lotsen_http_load_$(tr 'A-Z' 'a-z' <<<"$stamp")"
    pg_databases+=("$db_name")
    timeout 60 "$psql" -q -X -v ON_ERROR_STOP=1 "$database" -c "CREATE DATABASE $db_name" >/dev/null || die "cannot create database $db_name on $database"
    db=$(url_with_database "$database" "$db_name")
    store_description="PostgreSQL $(timeout 30 "$psql" -At -X "$database" -c 'SHOW server_version'), database $db_name (fresh)"
else
    db="$tmp/lotsen.sqlite"
    store_description="SQLite, a fresh file in the temporary folder"
fi

# ---------------------------------------------------------------------------------------------------- seeding
echo "== seeding $people people in new-in-sweden (database ${db%%\?*})" >&2
seed_started=$(date +%s%3N)
# The caseworker's token first: it creates and migrates the database once, before the parallel seeding.
"$bin" token create --role caseworker --label http-load "${lib[@]}" --database "$db" 2>/dev/null >"$tmp/caseworker.token"

seed_people() { # one "lp-… secret" line per person
    set -euo pipefail
    local output person token
    for _ in "$@"; do
        output=$("$bin" start new-in-sweden --person new --lang en "${lib[@]}" --database "$db")
        person=$(grep -o -m 1 'lp-[a-z0-9]*' <<<"$output" || true)
        [ -n "$person" ] || { echo "http-load: 'lotsen start --person new' printed no reference" >&2; exit 1; }
        token=$("$bin" token create --role citizen --person "$person" --label http-load "${lib[@]}" --database "$db" 2>/dev/null)
        printf '%s %s\n' "$person" "$token"
    done
}
export -f seed_people
export bin db
export lib_journeys="$PWD/journeys" lib_adapters="$PWD/adapters"
# (arrays do not cross `export`; rebuild lib in the child)
seq "$people" | xargs -P "$(nproc)" -n 25 bash -c 'lib=(--journeys "$lib_journeys" --adapters "$lib_adapters"); seed_people "$@"' _ >"$tmp/citizens.txt" \
    || die "seeding people on the command line failed"
[ "$(wc -l <"$tmp/citizens.txt")" -eq "$people" ] || die "seeded $(wc -l <"$tmp/citizens.txt") people, expected $people"
seed_cli_done=$(date +%s%3N)

# ---------------------------------------------------------------------------------------------------- server
bases=()
for node in $(seq "$nodes"); do
    log_file="$tmp/serve.log"
    ((nodes == 1)) || log_file="$tmp/serve-$node.log"
    LOG_LEVEL="${LOG_LEVEL:-info}" "$bin" serve --port 0 "${lib[@]}" --database "$db" 2>"$log_file" &
    server_pid=$!
    server_pids+=("$server_pid")
    node_base=""
    for _ in $(seq 300); do
        kill -0 "$server_pid" 2>/dev/null || { cat "$log_file" >&2; die "lotsen serve exited before listening"; }
        node_base=$(grep -o '"address":"http://[^"]*"' "$log_file" | head -n 1 | cut -d'"' -f4 || true)
        [ -n "$node_base" ] && break
        sleep 0.1
    done
    [ -n "$node_base" ] || die "lotsen serve did not report its address within 30 s (log: $(tail -n 3 "$log_file"))"
    [[ "$node_base" =~ ^http://127\.0\.0\.1: ]] || die "lotsen serve listens on $node_base, not on loopback"
    for _ in $(seq 100); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$node_base/health" || true)" = 200 ] && break
        sleep 0.1
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$node_base/health" || true)" = 200 ] || die "$node_base/health does not answer 200"
    echo "== lotsen serve on $node_base (pid $server_pid)" >&2
    bases+=("$node_base")
done
base=${bases[0]}
# wrk's threads go to the nodes round-robin (common.lua); with one node wrk connects to $base as it always did.
LOTSEN_NODES=""
((nodes == 1)) || LOTSEN_NODES=$(printf '%s\n' "${bases[@]}" | sed 's|^http://||' | paste -sd' ')
export LOTSEN_NODES
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Through the API: each citizen fetches their enrollment (POST /v1/enrollments is idempotent: 200 with the one
# started above) and answers the questions, so the order of steps in completions.lua is valid for everyone.
python3 - "$base" "$tmp/citizens.txt" "$tmp/enrollments.txt" "$tmp/ids.txt" <<'PY'
import http.client, json, sys, urllib.parse
base, citizens, enrollments_path, ids_path = sys.argv[1:5]
url = urllib.parse.urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
answers = {"answers": {"citizenship": "US", "stayAtLeastOneYear": True, "hasChildren": False, "lookingForWork": False,
                       "hasForeignDrivingLicence": True, "drivingLicenceCountry": "US",
                       "fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm"}}
def post(path, token, body, expected):
    connection.request("POST", path, json.dumps(body), {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status not in expected:
        sys.exit(f"http-load: POST {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)
with open(citizens) as lines, open(enrollments_path, "w") as enrollments, open(ids_path, "w") as ids:
    for line in lines:
        person, token = line.split()
        enrollment = post("/v1/enrollments", token, {"journey": "new-in-sweden"}, (200,))["id"]
        document = post(f"/v1/enrollments/{enrollment}/facts", token, answers, (200,))
        state = {step["id"]: step["state"] for step in document["steps"]}
        if state.get("residence-permit") != "available":
            sys.exit(f"http-load: after the answers residence-permit is {state.get('residence-permit')}, expected available")
        enrollments.write(f"{enrollment} {token}\n")
        ids.write(f"{enrollment}\n")
PY
seed_done=$(date +%s%3N)
echo "== seeded in $(((seed_done - seed_started) / 1000)) s (command line $(((seed_cli_done - seed_started) / 1000)) s)" >&2

# ---------------------------------------------------------------------------------------------------- wrk scripts
# done() is shared: it prints one line "LOTSEN_RESULT {json}" with requests/s, p50/p99/p99.9 (µs) and the errors;
# per-thread counters (response statuses, exhaustion) are read back from each thread with thread:get.
cat >"$tmp/common.lua" <<'LUA'
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } lotsen_timespec;
int clock_gettime(int clock_id, lotsen_timespec *tp);
]]
local timespec = ffi.new("lotsen_timespec")
function now_us() -- CLOCK_MONOTONIC
  ffi.C.clock_gettime(1, timespec)
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end

local threads = {}
local nodes = nil
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
  -- Several nodes (LOTSEN_NODES="host:port host:port"): thread i connects to node (i - 1) mod N + 1, so each node
  -- gets the same number of threads and connections.
  if nodes == nil then
    nodes = {}
    for host, port in string.gmatch(os.getenv("LOTSEN_NODES") or "", "([^%s:]+):(%d+)") do
      nodes[#nodes + 1] = wrk.lookup(host, port)[1]
    end
  end
  if #nodes > 0 then thread.addr = nodes[(#threads - 1) % #nodes + 1] end
end

function read_lines(path)
  local lines = {}
  for line in io.lines(path) do if line ~= "" then lines[#lines + 1] = line end end
  return lines
end

function done(summary, latency, requests)
  local e = summary.errors
  local ok, non2xx, planned, exhausted, first, last = 0, 0, 0, 0, nil, nil
  local counted = false
  for _, thread in ipairs(threads) do
    local c = thread:get("counters")
    if c then
      counted = true
      ok, non2xx, planned = ok + c.ok, non2xx + c.non2xx, planned + c.planned
      if c.exhausted_us then exhausted = exhausted + 1 end
      if c.started_us and (not first or c.started_us < first) then first = c.started_us end
      if c.exhausted_us and (not last or c.exhausted_us > last) then last = c.exhausted_us end
    end
  end
  local seconds = summary.duration / 1e6
  -- wrk's own clock runs for the whole --duration even when every thread stopped early (all steps done).
  if exhausted == #threads and exhausted > 0 and first and last then seconds = (last - first) / 1e6 end
  local fields = {
    string.format('"requests":%d', summary.requests),
    string.format('"seconds":%.3f', seconds),
    string.format('"requestsPerSecond":%.1f', summary.requests / seconds),
    string.format('"latencyMicroseconds":{"p50":%d,"p90":%d,"p99":%d,"p99.9":%d,"mean":%.1f,"max":%d}',
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.mean, latency.max),
    string.format('"errors":{"connect":%d,"read":%d,"write":%d,"status4xx5xx":%d,"timeout":%d}',
      e.connect, e.read, e.write, e.status, e.timeout),
    string.format('"bytes":%d', summary.bytes),
  }
  if counted then
    fields[#fields + 1] = string.format('"responses2xx":%d,"responsesNon2xx":%d,"plannedRequests":%d,"threadsExhausted":%d,"threads":%d',
      ok, non2xx, planned, exhausted, #threads)
  end
  io.write("LOTSEN_RESULT {" .. table.concat(fields, ",") .. "}\n")
end
LUA

# (a) status reads: every thread cycles through all enrollment ids from its own offset, as the caseworker.
cat "$tmp/common.lua" - >"$tmp/reads.lua" <<'LUA'
local requests, position = {}, 0
function init(args)
  local ids = read_lines(args[1])
  local token = read_lines(args[2])[1]
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  for i, id in ipairs(ids) do requests[i] = wrk.format("GET", "/v1/enrollments/" .. id, headers) end
  position = math.floor((tid - 1) * #requests / tonumber(args[3]))
end
function request()
  position = position % #requests + 1
  return requests[position]
end
LUA

# (b) step completions: each thread owns every threads-th enrollment and sends, step by step, that step for all of
# its enrollments before the next step, so an enrollment's previous completion has long been answered when its
# next one is sent. When all are done the thread stops (and the rate is taken over the time it ran).
cat "$tmp/common.lua" - >"$tmp/completions.lua" <<'LUA'
-- Valid for the seeded answers (US citizen, staying >= 1 year, foreign licence from the US, no children, not
-- looking for work), in journeys/new-in-sweden.yaml's order; none needs the personnummer fact.
local steps = { "residence-permit", "population-registration", "identity-visit", "receive-personnummer",
  "sfi", "unemployment-fund", "swedish-driving-licence" }
local requests, position, sent = {}, 0, 0
counters = { ok = 0, non2xx = 0, planned = 0 }
function init(args)
  local nthreads = tonumber(args[2])
  local mine = {}
  for i, line in ipairs(read_lines(args[1])) do
    if (i - 1) % nthreads == tid - 1 then
      local id, token = line:match("^(%S+) (%S+)$")
      mine[#mine + 1] = { id = id, token = token }
    end
  end
  for _, step in ipairs(steps) do
    for _, e in ipairs(mine) do
      requests[#requests + 1] = wrk.format("POST", "/v1/enrollments/" .. e.id .. "/steps/" .. step .. "/complete",
        { ["Authorization"] = "Bearer " .. e.token, ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, "{}")
    end
  end
  counters.planned = #requests
end
function delay()
  -- Once every planned request is sent, park the connection: nothing is repeated.
  if position >= #requests then return 3600000 end
  return 0
end
local verified = false
function request()
  -- wrk calls request() once on the first thread's state before the run, to check the request parses
  -- (script_verify_request); that request is never sent, so it must not use up an enrollment's step.
  if tid == 1 and not verified then verified = true; return requests[1] end
  if not counters.started_us then counters.started_us = now_us() end
  position = position + 1
  return requests[position]
end
function response(status, headers, body)
  if status >= 200 and status < 300 then counters.ok = counters.ok + 1 else
    counters.non2xx = counters.non2xx + 1
    if counters.non2xx <= 3 then io.stderr:write("completion answered " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
  if counters.ok + counters.non2xx >= #requests then
    counters.exhausted_us = now_us()
    wrk.thread:stop()
  end
end
LUA

# ---------------------------------------------------------------------------------------------------- load
run_wrk() { # name script args... ; appends "name<TAB>command<TAB>json" to runs.tsv
    local name=$1 script=$2 url=$base
    shift 2
    [ "$name" = health ] && url="$base/health"
    local command=(wrk --threads "$threads" --connections "$connections" --duration "$duration" --latency -s "$script" "$url" -- "$@")
    echo "== $name: ${command[*]}" >&2
    "${command[@]}" >"$tmp/$name.out" || die "$name: wrk failed (exit $?)"
    grep -v '^LOTSEN_RESULT ' "$tmp/$name.out" >&2
    local json
    json=$(grep '^LOTSEN_RESULT ' "$tmp/$name.out" | head -n 1 | cut -d' ' -f2-)
    [ -n "$json" ] || die "$name: wrk printed no result line"
    printf '%s\t%s\t%s\n' "$name" "${command[*]}" "$json" >>"$tmp/runs.tsv"
}
: >"$tmp/runs.tsv"
: >"$tmp/rss.tsv"
for pid in "${server_pids[@]}"; do printf 'before\t%s\t%s\n' "$pid" "$(rss_kib "$pid")" >>"$tmp/rss.tsv"; done

# Completion events in the stored history: "events pairs most" = every completion event, (enrollment, step) pairs
# completed, the most completions of one step of one enrollment.
history_counts() {
    local sql
    if [ -n "$database" ]; then
        sql="SELECT coalesce(sum(c), 0), count(*), coalesce(max(c), 0) FROM (SELECT count(*) AS c FROM event WHERE kind = 'stepProgressed' AND detail = 'completed' GROUP BY enrollment_key, step_id) t"
        timeout 120 "$psql" -At -X -F ' ' "$db" -c "$sql"
    else
        python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=60)
print(*c.execute("SELECT coalesce(sum(c), 0), count(*), coalesce(max(c), 0) FROM (SELECT count(*) AS c FROM event "
                 "WHERE kind = 'stepProgressed' AND detail = 'completed' GROUP BY enrollmentKey, stepId)").fetchone())
PY
    fi
}

((health)) && run_wrk health "$tmp/common.lua"
run_wrk status-reads "$tmp/reads.lua" "$tmp/ids.txt" "$tmp/caseworker.token" "$threads"
history_before=$(history_counts)
run_wrk step-completions "$tmp/completions.lua" "$tmp/enrollments.txt" "$threads"
history_after=$(history_counts)
for pid in "${server_pids[@]}"; do printf 'after\t%s\t%s\n' "$pid" "$(rss_kib "$pid")" >>"$tmp/rss.tsv"; done

# The ceiling: pgbench -N (one UPDATE, one SELECT, one INSERT a transaction) with as many clients as wrk has
# connections, for as long, on the same server, in a database of its own. The nodes stay up, idle.
: >"$tmp/pgbench.out"
pgbench_command=""
if [ -n "$database" ]; then
    bench_db="${db_name}_pgbench"
    pg_databases+=("$bench_db")
    timeout 60 "$psql" -q -X -v ON_ERROR_STOP=1 "$database" -c "CREATE DATABASE $bench_db" >/dev/null || die "cannot create database $bench_db"
    bench_url=$(url_with_database "$database" "$bench_db")
    seconds=${duration%[smh]}
    case "$duration" in *m) seconds=$((seconds * 60)) ;; *h) seconds=$((seconds * 3600)) ;; esac
    jobs=$((connections < $(nproc) ? connections : $(nproc)))
    timeout 300 "$pgbench" -i -q -s 1 "$bench_url" >"$tmp/pgbench-init.out" 2>&1 || { cat "$tmp/pgbench-init.out" >&2; die "pgbench -i failed"; }
    pgbench_command="$pgbench -N -c $connections -j $jobs -T $seconds <database ${bench_db}>"
    echo "== pgbench ceiling: pgbench -N -c $connections -j $jobs -T $seconds (scale 1, database $bench_db)" >&2
    timeout $((seconds + 120)) "$pgbench" -N -c "$connections" -j "$jobs" -T "$seconds" "$bench_url" >"$tmp/pgbench.out" 2>&1 ||
        { cat "$tmp/pgbench.out" >&2; die "pgbench -N failed"; }
    grep -E '^(tps|latency|number of (transactions|failed))' "$tmp/pgbench.out" >&2 || true
fi

# ---------------------------------------------------------------------------------------------------- report
wrk_version=$(wrk -v 2>&1 | head -n 1 || true)
python3 - "$out" "$tmp/runs.tsv" "$tmp/rss.tsv" "$tmp/pgbench.out" "$history_before" "$history_after" <<PY
import json, os, platform, re, subprocess, sys
out, runs_path, rss_path, pgbench_path, history_before, history_after = sys.argv[1:7]
def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"): return line.split(":", 1)[1].strip()
    except OSError: pass
    return platform.processor()
def git(*args):
    try: return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except Exception: return None
runs = []
for line in open(runs_path):
    name, command, result = line.rstrip("\n").split("\t", 2)
    runs.append({"name": name, "command": command, **json.loads(result)})
report = {
    "stamp": "$stamp",
    "machine": {"nproc": int("$(nproc)"), "cpu": cpu_model(), "kernel": platform.release(),
                "loadAverageAtEnd": os.getloadavg()},
    "wrk": "$wrk_version",
    "lotsen": {"binary": "$bin", "binaryModified": "$(date -u -r "$bin" +%Y-%m-%dT%H:%M:%SZ)",
               "gitCommit": git("rev-parse", "HEAD"), "gitDirty": bool(git("status", "--porcelain", "--untracked-files=no"))},
    "server": {"command": "lotsen serve --port 0 --journeys journeys --adapters adapters --database <" + ("fresh PostgreSQL database" if "$database" else "temporary file") + ">",
               "logLevel": "${LOG_LEVEL:-info}", "logTo": "a file in the temporary folder", "nodes": $nodes,
               "store": "$store_description", "sqliteSynchronous": "${LOTSEN_SQLITE_SYNCHRONOUS:-normal}",
               "spread": "one wrk; its threads go to the nodes round-robin (each thread's connections to one node)" if $nodes > 1 else "one node"},
    "options": {"duration": "$duration", "connections": $connections, "threads": $threads, "people": $people, "nodes": $nodes,
                "health": bool($health)},
    "seeding": {"people": $people, "journey": "new-in-sweden",
                "commandLineSeconds": ($seed_cli_done - $seed_started) / 1000, "apiSeconds": ($seed_done - $seed_cli_done) / 1000,
                "how": "per person: lotsen start new-in-sweden --person new; lotsen token create --role citizen --person lp-…; "
                       "then POST /v1/enrollments (200) and POST /v1/enrollments/{id}/facts as that citizen"},
    "target": {"statusReads": {"requestsPerSecondAtLeast": 5000, "p99MillisecondsBelow": 5}},
    "runs": runs,
}
reads = next((r for r in runs if r["name"] == "status-reads"), None)
health = next((r for r in runs if r["name"] == "health"), None)
completions = next((r for r in runs if r["name"] == "step-completions"), None)
if reads:
    report["target"]["statusReads"]["met"] = reads["requestsPerSecond"] >= 5000 and reads["latencyMicroseconds"]["p99"] < 5000

# Node memory before the first wrk run and after the last.
rss = {}
for line in open(rss_path):
    when, pid, kib = line.split()
    rss.setdefault(pid, {})[when + "MiB"] = round(int(kib) / 1024, 1)
report["nodeRSS"] = [{"pid": int(pid), **values} for pid, values in rss.items()]

# Completions against the stored history: each 2xx answer must be one new completion event, none twice.
before, after = ([int(x) for x in h.split()] for h in (history_before, history_after))
if completions:
    ok = completions.get("responses2xx", completions["requests"] - completions["errors"]["status4xx5xx"])
    added = after[0] - before[0]
    # When the duration ends before every planned completion was sent, wrk stops with up to one request in flight
    # per connection: the server may write those without wrk counting their answers. More than that is a fault.
    in_flight = 0 if completions.get("threadsExhausted") == completions.get("threads") else $connections
    report["history"] = {"completionEventsBefore": before[0], "completionEventsAfter": after[0], "added": added,
                         "responses2xx": ok, "lost": max(0, ok - added), "unanswered": max(0, added - ok),
                         "inFlightAtStopAllowed": in_flight,
                         "stepsCompletedMoreThanOnce": after[0] - after[1], "mostCompletionsOfOneStep": after[2]}
    report["history"]["ok"] = ok <= added <= ok + in_flight and after[0] == after[1]

# The pgbench ceiling.
text = open(pgbench_path).read()
if text.strip():
    def grab(pattern, cast=float):
        m = re.search(pattern, text, re.M)
        return cast(m.group(1)) if m else None
    report["pgbench"] = {"command": "$pgbench_command", "clients": $connections, "scale": 1,
                         "tps": grab(r"^tps = ([0-9.]+)"), "latencyAverageMs": grab(r"^latency average = ([0-9.]+) ms"),
                         "transactions": grab(r"^number of transactions actually processed: (\d+)", int),
                         "failed": grab(r"^number of failed transactions: (\d+)", int)}
if health and reads:
    share = reads["requestsPerSecond"] / health["requestsPerSecond"]
    report["target"]["statusReadsVsHealth"] = {"shareAtLeast": 0.40, "share": round(share, 3), "met": share >= 0.40}
if "$database" and $nodes > 1 and completions:
    tps = report.get("pgbench", {}).get("tps")
    c = {"shareOfPgbenchAtLeast": 0.60, "p99MillisecondsBelow": 20, "lostOrDoubled": 0}
    if tps:
        c["share"] = round(completions["requestsPerSecond"] / tps, 3)
    c["met"] = bool(tps) and completions["requestsPerSecond"] >= 0.60 * tps and completions["latencyMicroseconds"]["p99"] < 20000 \
        and report.get("history", {}).get("ok", False)
    report["target"]["completionsThroughNodes"] = c
    if reads:
        report["target"]["statusReadsThroughNodes"] = {"requestsPerSecondAtLeast": 3000, "met": reads["requestsPerSecond"] >= 3000}
with open(out, "w") as f:
    json.dump(report, f, indent=2, ensure_ascii=False)
    f.write("\n")

print(f"\n{report['machine']['nproc']} CPUs ({report['machine']['cpu']}), {report['wrk']}, {$people} people, "
      f"{'$duration'} × {$connections} connections × {$threads} threads; wrk shares the CPUs with the server")
print(f"{'run':<18}{'requests':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'p99.9 ms':>10}{'max ms':>9}{'non-2xx':>9}{'socket err':>11}")
for r in runs:
    l, e = r["latencyMicroseconds"], r["errors"]
    non2xx = r.get("responsesNon2xx", e["status4xx5xx"])
    print(f"{r['name']:<18}{r['requests']:>10,}{r['requestsPerSecond']:>10,.0f}{l['p50'] / 1000:>9.2f}{l['p99'] / 1000:>9.2f}"
          f"{l['p99.9'] / 1000:>10.2f}{l['max'] / 1000:>9.1f}{non2xx:>9,}{e['connect'] + e['read'] + e['write'] + e['timeout']:>11,}")
for r in runs:
    if r.get("threadsExhausted"):
        print(f"{r['name']}: every planned completion ({r['plannedRequests']:,}) was sent in {r['seconds']:.1f} s, before the "
              f"duration ended; the rate is over that time (use more --people for a full-length run)")
if reads:
    met = report["target"]["statusReads"]["met"]
    print(f"target, status reads >= 5,000 req/s with p99 < 5 ms: {'met' if met else 'NOT met'} (reported, not enforced)")
for node in report["nodeRSS"]:
    print(f"node pid {node['pid']}: RSS {node.get('beforeMiB')} MiB before the first wrk run, {node.get('afterMiB')} MiB after the last")
if "history" in report:
    h = report["history"]
    print(f"history: {h['added']:,} completion events added for {h['responses2xx']:,} 2xx answers; lost {h['lost']}, "
          f"written without a counted 2xx {h['unanswered']} (in flight when wrk stopped, at most {h['inFlightAtStopAllowed']}), "
          f"steps completed more than once {h['stepsCompletedMoreThanOnce']}: {'ok' if h['ok'] else 'NOT ok'}")
if "pgbench" in report:
    p = report["pgbench"]
    print(f"ceiling, pgbench -N, {p['clients']} clients, same server: {p['tps']:,.0f} tps, latency average {p['latencyAverageMs']} ms, failed {p['failed']}")
t = report["target"]
if "statusReadsVsHealth" in t:
    print(f"target, status reads >= 40% of /health: {t['statusReadsVsHealth']['share']:.0%} ({'met' if t['statusReadsVsHealth']['met'] else 'NOT met'})")
if "completionsThroughNodes" in t:
    c = t["completionsThroughNodes"]
    print(f"target, completions through {$nodes} nodes >= 60% of pgbench -N, p99 < 20 ms, none lost or doubled: "
          f"{c.get('share', 0):.0%} of pgbench ({'met' if c['met'] else 'NOT met'})")
if "statusReadsThroughNodes" in t:
    print(f"target, status reads through {$nodes} nodes >= 3,000/s: {'met' if t['statusReadsThroughNodes']['met'] else 'NOT met'}")
print(f"results: {out}")
PY
