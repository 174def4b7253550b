#!/usr/bin/env bash
# A bounded soak of `lotsen serve` on SQLite: for --minutes minutes, two wrk runs at once, each a minute long and
# paced: status reads (GET /v1/enrollments/{id} as a caseworker) and writes (Migrationsverket's two events for a
# person's residence permit through POST /v1/agency-events, then six steps started and completed as the person). After every
# minute it records the server's RSS, its open file descriptors (/proc/PID/fd), its threads, the database and WAL
# sizes, and each run's p50/p99 and errors; at the end it judges whether memory, descriptors and p99 stayed flat.
#
#   bench/soak.sh [--minutes 10] [--reads-per-second 1000] [--writes-per-second 20] [--build]
#
# Uses $LOTSEN_BUILD_DIR/release/lotsen (LOTSEN_BUILD_DIR defaults to .build; built with `swift build -c release
# --scratch-path $LOTSEN_BUILD_DIR --product lotsen` when missing or with --build). A fresh database in a temporary
# folder, removed on exit (LOTSEN_SOAK_KEEP=1 keeps it), the server on a free loopback port logging at LOG_LEVEL
# (default info: a line per request, to a file). Every minute's writes go to people of their own, seeded before the
# run (writes-per-second × 60 ÷ 14 people a minute), so every write is a real change: nothing is repeated.
#
# "Flat" (the verdict, also in the JSON): from the second minute (the first warms caches and the allocator) to the
# last, RSS grows by at most 5 MiB and by at most 0.5 MiB a minute (least squares); open descriptors move by at most
# 4; no minute's read or write p99 is over 3 times the median minute's, and the p99 does not trend up by more than 5 %
# of the median a minute; and no request fails (non-2xx, socket error, or no answer within wrk's --timeout of 5 s).
# Results: bench/results/soak-<stamp>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

usage() { sed -n '7p' "$0" | sed 's/^#   /usage: /' >&2; }
die() { echo "soak: $*" >&2; exit 1; }

minutes=10 reads=1000 writes=20 build=0
while (($#)); do
    case "$1" in
        --minutes) minutes="${2:?--minutes needs a number}"; shift 2 ;;
        --reads-per-second) reads="${2:?--reads-per-second needs a number}"; shift 2 ;;
        --writes-per-second) writes="${2:?--writes-per-second needs a number}"; shift 2 ;;
        --build) build=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown argument '$1'" ;;
    esac
done
for pair in "minutes:$minutes" "reads-per-second:$reads" "writes-per-second:$writes"; do
    [[ "${pair#*:}" =~ ^[1-9][0-9]*$ ]] || die "--${pair%%:*} must be a positive whole number"
done
command -v wrk >/dev/null || die "wrk is not installed (Debian package 'wrk'; scripts/setup installs it)"
command -v python3 >/dev/null || die "python3 is not installed (scripts/setup installs it)"

build_dir="${LOTSEN_BUILD_DIR:-.build}"
bin="$build_dir/release/lotsen"
if ((build)) || [ ! -x "$bin" ]; then
    echo "== building $bin" >&2
    swift build -c release --scratch-path "$build_dir" --product lotsen >&2
fi
[[ "$bin" = /* ]] || bin="$PWD/$bin"

read_connections=4 write_connections=2
per_minute=$(((writes * 60 + 13) / 14))
people=$((per_minute * minutes))
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-soak.XXXXXX")
server_pid=""
cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    if [ -n "${LOTSEN_SOAK_KEEP:-}" ]; then echo "soak: kept $tmp" >&2; else rm -rf "$tmp"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

lib=(--journeys "$PWD/journeys" --adapters "$PWD/adapters")
db="$tmp/lotsen.sqlite"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
out="bench/results/soak-$stamp.json"

# ---------------------------------------------------------------------------------------------------- seeding
echo "== seeding $people people ($per_minute a minute) on the command line" >&2
seed_started=$(date +%s)
"$bin" token create --role caseworker --label soak "${lib[@]}" --database "$db" 2>/dev/null >"$tmp/caseworker.token"
"$bin" token create --role agency --agency migrationsverket --label soak "${lib[@]}" --database "$db" 2>/dev/null >"$tmp/agency.token"
seed_people() { # one "lp-… secret" line per person
    set -euo pipefail
    local output person token
    for _ in "$@"; do
        output=$("$bin" start new-in-sweden --person new --lang en --journeys "$lib_journeys" --adapters "$lib_adapters" --database "$db")
        person=$(grep -o -m 1 'lp-[a-z0-9]*' <<<"$output" || true)
        [ -n "$person" ] || { echo "soak: 'lotsen start --person new' printed no reference" >&2; exit 1; }
        token=$("$bin" token create --role citizen --person "$person" --label soak --journeys "$lib_journeys" --adapters "$lib_adapters" --database "$db" 2>/dev/null)
        printf '%s %s\n' "$person" "$token"
    done
}
export -f seed_people
export bin db lib_journeys="$PWD/journeys" lib_adapters="$PWD/adapters"
seq "$people" | xargs -P "$(nproc)" -n 25 bash -c 'seed_people "$@"' _ >"$tmp/citizens.txt" || die "seeding people failed"
[ "$(wc -l <"$tmp/citizens.txt")" -eq "$people" ] || die "seeded $(wc -l <"$tmp/citizens.txt") people, expected $people"

# ---------------------------------------------------------------------------------------------------- server
LOG_LEVEL="${LOG_LEVEL:-info}" "$bin" serve --port 0 "${lib[@]}" --database "$db" 2>"$tmp/serve.log" &
server_pid=$!
base=""
for _ in $(seq 300); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "lotsen serve exited before listening"; }
    base=$(grep -o '"address":"http://[^"]*"' "$tmp/serve.log" | head -n 1 | cut -d'"' -f4 || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || die "lotsen serve did not report its address within 30 s"
echo "== lotsen serve on $base (pid $server_pid)" >&2

# Through the API: each citizen's enrollment and answers (US citizen, a year or more, a US licence), so that
# residence-permit waits for Migrationsverket and the six steps after it can be completed in order. One file of
# people per minute: "enrollment token reference".
python3 - "$base" "$tmp/citizens.txt" "$tmp" "$per_minute" <<'PY'
import http.client, json, sys, urllib.parse
base, citizens, folder, per_minute = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
url = urllib.parse.urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
answers = {"answers": {"citizenship": "US", "stayAtLeastOneYear": True, "hasChildren": False, "lookingForWork": False,
                       "hasForeignDrivingLicence": True, "drivingLicenceCountry": "US",
                       "fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm"}}
def post(path, token, body):
    connection.request("POST", path, json.dumps(body), {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        sys.exit(f"soak: POST {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)
ids = open(f"{folder}/ids.txt", "w")
for index, line in enumerate(open(citizens)):
    person, token = line.split()
    enrollment = post("/v1/enrollments", token, {"journey": "new-in-sweden"})["id"]
    post(f"/v1/enrollments/{enrollment}/facts", token, answers)
    with open(f"{folder}/people-{index // per_minute + 1}.txt", "a") as f:
        f.write(f"{enrollment} {token} {person}\n")
    ids.write(f"{enrollment}\n")
PY
echo "== seeded in $(($(date +%s) - seed_started)) s" >&2

# ---------------------------------------------------------------------------------------------------- wrk scripts
cat >"$tmp/common.lua" <<'LUA'
-- Paced: each connection waits `pause` ms before its next request, so the rate stays near the one asked for.
pause = 0
counters = { ok = 0, non2xx = 0 }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function read_lines(path)
  local lines = {}
  for line in io.lines(path) do if line ~= "" then lines[#lines + 1] = line end end
  return lines
end
function delay() return pause end
function response(status, headers, body)
  if status >= 200 and status < 300 then counters.ok = counters.ok + 1 else
    counters.non2xx = counters.non2xx + 1
    if counters.non2xx <= 3 then io.stderr:write("answered " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
function done(summary, latency, requests)
  local e = summary.errors
  local ok, non2xx = 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counters")
    ok, non2xx = ok + c.ok, non2xx + c.non2xx
  end
  io.write(string.format('LOTSEN_RESULT {"requests":%d,"seconds":%.3f,"requestsPerSecond":%.1f,'
    .. '"latencyMicroseconds":{"p50":%d,"p90":%d,"p99":%d,"p99.9":%d,"max":%d},'
    .. '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"responses2xx":%d,"responsesNon2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect, e.read, e.write, e.timeout, ok, non2xx))
end
LUA
cat "$tmp/common.lua" - >"$tmp/reads.lua" <<'LUA'
local requests, position = {}, 0
function init(args)
  local token = read_lines(args[2])[1]
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  for i, id in ipairs(read_lines(args[1])) do requests[i] = wrk.format("GET", "/v1/enrollments/" .. id, headers) end
  pause = tonumber(args[3])
  position = math.random(#requests)
end
function request()
  position = position % #requests + 1
  return requests[position]
end
LUA
# Writes, phase by phase over this minute's people so a person's next write comes long after the last was answered:
# every "received", every "decided: approved" (residence-permit done), then each step started, then completed, for everyone.
cat "$tmp/common.lua" - >"$tmp/writes.lua" <<'LUA'
local steps = { "population-registration", "identity-visit", "receive-personnummer", "sfi", "unemployment-fund", "swedish-driving-licence" }
local requests, position = {}, 0
function init(args)
  local people = read_lines(args[1])
  local agency = read_lines(args[2])[1]
  pause = tonumber(args[3])
  local stamp = args[4]
  local agency_headers = { ["Authorization"] = "Bearer " .. agency, ["Content-Type"] = "application/json" }
  for _, kind in ipairs({ "received", "decided" }) do
    for _, line in ipairs(people) do
      local id, token, person = line:match("^(%S+) (%S+) (%S+)$")
      local body = string.format('{"messageId":"soak-%s-%s-%s","agency":"migrationsverket","service":"migrationsverket.residence-permit",'
        .. '"person":"%s","journey":"new-in-sweden","type":"%s","caseReference":"MIG-%s","language":"en"%s}',
        stamp, person, kind, person, kind, person, kind == "decided" and ',"decision":"approved"' or "")
      requests[#requests + 1] = wrk.format("POST", "/v1/agency-events", agency_headers, body)
    end
  end
  for _, step in ipairs(steps) do
    for _, verb in ipairs({ "start", "complete" }) do
      for _, line in ipairs(people) do
        local id, token = line:match("^(%S+) (%S+)")
        requests[#requests + 1] = wrk.format("POST", "/v1/enrollments/" .. id .. "/steps/" .. step .. "/" .. verb,
          { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, "{}")
      end
    end
  end
end
local verified = false
function request()
  -- wrk builds one request before the run to check it parses; that one is never sent, so it must not use one up.
  if not verified then verified = true; return requests[1] end
  position = position + 1
  if position > #requests then
    -- This minute's people are done: idle (a cheap read of /live) rather than repeat a change.
    pause = 1000
    return wrk.format("GET", "/live")
  end
  return requests[position]
end
LUA

# ---------------------------------------------------------------------------------------------------- the soak
sample() { # minute → one JSON object of the server's resources
    python3 - "$server_pid" "$db" "$1" "$tmp/serve.log" <<'PY'
import json, os, sys
pid, db, minute, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status") if ":" in line)
kib = lambda key: int(status[key].split()[0])
size = lambda path: os.path.getsize(path) if os.path.exists(path) else 0
print(json.dumps({"minute": minute, "rssMiB": round(kib("VmRSS") / 1024, 1), "rssAnonMiB": round(kib("RssAnon") / 1024, 1),
                  "fds": len(os.listdir(f"/proc/{pid}/fd")), "threads": int(status["Threads"]),
                  "databaseMiB": round(size(db) / 2**20, 2), "walMiB": round(size(db + "-wal") / 2**20, 2),
                  "logMiB": round(size(log) / 2**20, 1), "loadAverage": os.getloadavg()}))
PY
}
result_of() { grep '^LOTSEN_RESULT ' "$1" | head -n 1 | cut -d' ' -f2- || true; }
read_pause=$((read_connections * 1000 / reads))
write_pause=$((write_connections * 1000 / writes))
: >"$tmp/minutes.jsonl"
sample 0 >"$tmp/start.json"
for minute in $(seq "$minutes"); do
    wrk --threads 1 --connections "$read_connections" --duration 60s --timeout 5s --latency -s "$tmp/reads.lua" "$base" -- \
        "$tmp/ids.txt" "$tmp/caseworker.token" "$read_pause" >"$tmp/reads-$minute.out" 2>"$tmp/reads-$minute.err" &
    reads_pid=$!
    wrk --threads 1 --connections "$write_connections" --duration 60s --timeout 5s --latency -s "$tmp/writes.lua" "$base" -- \
        "$tmp/people-$minute.txt" "$tmp/agency.token" "$write_pause" "$stamp-$minute" >"$tmp/writes-$minute.out" 2>"$tmp/writes-$minute.err" &
    writes_pid=$!
    wait "$reads_pid" || die "minute $minute: wrk (reads) failed: $(cat "$tmp/reads-$minute.err")"
    wait "$writes_pid" || die "minute $minute: wrk (writes) failed: $(cat "$tmp/writes-$minute.err")"
    kill -0 "$server_pid" 2>/dev/null || die "lotsen serve died in minute $minute: $(tail -n 5 "$tmp/serve.log")"
    r=$(result_of "$tmp/reads-$minute.out") w=$(result_of "$tmp/writes-$minute.out")
    [ -n "$r" ] && [ -n "$w" ] || die "minute $minute: wrk printed no result"
    python3 - "$(sample "$minute")" "$r" "$w" >>"$tmp/minutes.jsonl" <<'PY'
import json, sys
m = json.loads(sys.argv[1]); m["reads"] = json.loads(sys.argv[2]); m["writes"] = json.loads(sys.argv[3])
print(json.dumps(m))
r, w = m["reads"], m["writes"]
sys.stderr.write(f"minute {m['minute']:>2}: RSS {m['rssMiB']} MiB, {m['fds']} fds, reads {r['requestsPerSecond']:.0f}/s p99 "
                 f"{r['latencyMicroseconds']['p99'] / 1000:.2f} ms, writes {w['requestsPerSecond']:.0f}/s p99 "
                 f"{w['latencyMicroseconds']['p99'] / 1000:.2f} ms, non-2xx {r['responsesNon2xx'] + w['responsesNon2xx']}, "
                 f"load {m['loadAverage'][0]:.1f}\n")
PY
done

# Writes against the history: every person of the run has residence-permit and the six steps completed, once.
completed=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=60)
print(*c.execute("SELECT coalesce(sum(c), 0), count(*), coalesce(max(c), 0) FROM (SELECT count(*) AS c FROM event "
                 "WHERE kind = 'stepProgressed' AND detail = 'completed' GROUP BY enrollmentKey, stepId)").fetchone())
PY
)

# ---------------------------------------------------------------------------------------------------- report
python3 - "$out" "$tmp/start.json" "$tmp/minutes.jsonl" "$completed" "$bin" <<PY
import json, os, statistics, subprocess, sys
out, start_path, minutes_path, completed, binary = sys.argv[1:6]
start = json.load(open(start_path))
minutes = [json.loads(line) for line in open(minutes_path)]
def slope(points):  # least squares, per minute
    if len(points) < 2: return 0.0
    xs, ys = zip(*points); mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0
steady = minutes[1:] if len(minutes) > 2 else minutes
rss = [(m["minute"], m["rssMiB"]) for m in steady]
fds = [m["fds"] for m in steady]
verdict = {"rssGrowthMiB": round(rss[-1][1] - rss[0][1], 1), "rssSlopeMiBPerMinute": round(slope(rss), 2),
           "fdsSpread": max(fds) - min(fds)}
flat = verdict["rssGrowthMiB"] <= 5 and verdict["rssSlopeMiBPerMinute"] <= 0.5 and verdict["fdsSpread"] <= 4
for kind in ("reads", "writes"):
    p99 = [(m["minute"], m[kind]["latencyMicroseconds"]["p99"] / 1000) for m in minutes]
    median = statistics.median(v for _, v in p99)
    verdict[f"{kind}P99MedianMs"] = round(median, 2)
    verdict[f"{kind}P99WorstMs"] = round(max(v for _, v in p99), 2)
    verdict[f"{kind}P99SlopeMsPerMinute"] = round(slope(p99), 3)
    flat = flat and max(v for _, v in p99) <= 3 * median and slope(p99) <= 0.05 * median
errors = sum(m[k]["responsesNon2xx"] + sum(m[k]["errors"].values()) for m in minutes for k in ("reads", "writes"))
verdict["errors"] = errors
events, pairs, most = (int(x) for x in completed.split())
people = $people
verdict["completions"] = {"stored": events, "expected": people * 7, "mostOfOneStep": most}
verdict["flat"] = flat
verdict["ok"] = flat and errors == 0 and most <= 1
def git(*args):
    try: return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except Exception: return None
report = {"stamp": "$stamp", "machine": {"nproc": os.cpu_count(), "loadAverageAtEnd": os.getloadavg()},
          "lotsen": {"binary": binary, "gitCommit": git("rev-parse", "HEAD"), "gitDirty": bool(git("status", "--porcelain", "--untracked-files=no"))},
          "options": {"minutes": $minutes, "readsPerSecond": $reads, "writesPerSecond": $writes, "readConnections": $read_connections,
                      "writeConnections": $write_connections, "people": people, "logLevel": "${LOG_LEVEL:-info}", "store": "SQLite, a fresh file"},
          "flatMeans": "from minute 2 to the last: RSS +<= 5 MiB and slope <= 0.5 MiB/min; fds spread <= 4; every minute's p99 <= 3x the "
                       "median minute's and p99 slope <= 5 % of the median per minute; no non-2xx or socket error",
          "start": start, "minutes": minutes, "verdict": verdict}
with open(out, "w") as f:
    json.dump(report, f, indent=2); f.write("\n")
print(f"\nRSS {start['rssMiB']} MiB after seeding, {minutes[0]['rssMiB']} after minute 1, {minutes[-1]['rssMiB']} after minute {minutes[-1]['minute']} "
      f"(growth from minute 2: {verdict['rssGrowthMiB']} MiB, {verdict['rssSlopeMiBPerMinute']} MiB/min); fds {start['fds']} → {minutes[-1]['fds']} (spread {verdict['fdsSpread']})")
print(f"p99 reads: median {verdict['readsP99MedianMs']} ms, worst {verdict['readsP99WorstMs']} ms; writes: median {verdict['writesP99MedianMs']} ms, worst {verdict['writesP99WorstMs']} ms")
print(f"errors {errors}; completions stored {events:,} of {people * 7:,} planned, most of one step {most}; flat: {'yes' if flat else 'NO'}")
print(f"results: {out}")
sys.exit(0 if verdict["ok"] else 1)
PY
