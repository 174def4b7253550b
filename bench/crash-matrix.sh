#!/usr/bin/env bash
# The crash matrix, long: SIGKILL at random points of `lotsen serve` (killed and restarted every 0.3-1.2 s while
# people are walked through its API), of `lotsen answer`/`begin`/`complete` on the command line and of `lotsen submit`
# and `lotsen sync` (applications to a sandbox agency), on SQLite and on PostgreSQL; then counts acknowledged changes
# lost and doubled, cases per idempotency key and per application, and runs `lotsen journal verify`.
#
#   bench/crash-matrix.sh [--api-people N] [--cli-people N] [--applications N] [--store sqlite|postgres|both] [--seed S] [--database postgres://…] [--release]
#
# It is the longer run of Tests/LotsenCLITests/CrashMatrixTests.swift (the same code, so the same checks). Defaults:
# 60 people through the API (12 step transitions, 8 facts and 2 agency events each), 22 on the command line (14
# transitions, 8 facts each): 1,028 transitions per store; 100 applications per store.
#   --store         which stores (default both)
#   --seed          the random seed (default: a new one each store, printed, so a failing run can be repeated)
#   --database URL  a PostgreSQL server (a database lotsen_test_<random> is created on it and dropped after); without
#                   it a throwaway cluster is started with scripts/test-postgres (one already running is reused)
#   --release       run the release binary ($LOTSEN_BUILD_DIR/release/lotsen, LOTSEN_BUILD_DIR defaulting to .build;
#                   built with `swift build -c release` when missing) instead of the test build's debug binary
# Needs a test build (swift build --build-tests). Results: bench/results/crash-matrix-<stamp>.json and a table.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

usage() { sed -n '7p' "$0" | sed 's/^#   /usage: /' >&2; }
die() { echo "crash-matrix: $*" >&2; exit 1; }

api=60 cli=22 applications=100 store=both seed="" database="" release=0
while (($#)); do
    case "$1" in
        --api-people) api="${2:?--api-people needs a number}"; shift 2 ;;
        --cli-people) cli="${2:?--cli-people needs a number}"; shift 2 ;;
        --applications) applications="${2:?--applications needs a number}"; shift 2 ;;
        --store) store="${2:?--store needs sqlite, postgres or both}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --database) database="${2:?--database needs a postgres:// URL}"; shift 2 ;;
        --release) release=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown argument '$1'" ;;
    esac
done
for pair in "api-people:$api" "cli-people:$cli" "applications:$applications"; do
    [[ "${pair#*:}" =~ ^[0-9]+$ ]] || die "--${pair%%:*} must be a whole number"
done
[ -z "$seed" ] || [[ "$seed" =~ ^[1-9][0-9]*$ ]] || die "--seed must be a positive whole number"
case "$store" in sqlite) filters=(sqlite) ;; postgres) filters=(postgres) ;; both) filters=(sqlite postgres) ;; *) die "--store must be sqlite, postgres or both" ;; esac
[ -z "$database" ] || [[ "$database" =~ ^postgres(ql)?:// ]] || die "--database must be a postgres:// URL"
ls .build/debug/*PackageTests.xctest >/dev/null 2>&1 || die "no test build; run: swift build --build-tests"

binary=""
if ((release)); then
    build_dir="${LOTSEN_BUILD_DIR:-.build}"
    if [ ! -x "$build_dir/release/lotsen" ]; then
        echo "== swift build -c release --scratch-path $build_dir --product lotsen" >&2
        swift build -c release --scratch-path "$build_dir" --product lotsen >&2
    fi
    binary="$(cd "$build_dir/release" && pwd)/lotsen"
fi

source bench/lib/postgres-run.sh
if [[ " ${filters[*]} " == *" postgres "* ]]; then bench_postgres; fi
bench_output crash-matrix

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="bench/results/crash-matrix-$stamp.json"
lines=()
failed=0
for filter in "${filters[@]}"; do
    echo "== $filter: $api people through the API, $cli on the command line, $applications applications${binary:+, release binary}" >&2
    started=$(date +%s)
    set +e
    LOTSEN_TEST_POSTGRES_URL="$database" LOTSEN_CRASH_API_PEOPLE="$api" LOTSEN_CRASH_CLI_PEOPLE="$cli" LOTSEN_CRASH_APPLICATIONS="$applications" \
        LOTSEN_CRASH_SEED="$seed" LOTSEN_CRASH_BINARY="$binary" \
        swift test --skip-build --filter "CrashMatrixTests/$filter" >"$out" 2>&1
    status=$?
    set -e
    line=$(grep -m 1 '^crash-matrix: ' "$out" || true)
    if [ -z "$line" ]; then
        grep -E '✘|error' "$out" | head -n 30 >&2 || tail -n 30 "$out" >&2
        die "$filter: the run printed no summary (exit $status)"
    fi
    if ((status != 0)); then
        failed=1
        echo "crash-matrix: $filter: some checks failed:" >&2
        grep -E '✘' "$out" | head -n 20 >&2 || true
    fi
    lines+=("$line status=$status elapsed=$(($(date +%s) - started))s")
done

python3 - "$results" "$binary" "${lines[@]}" <<'PY'
import json, os, re, subprocess, sys
results, binary, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
def parse(line):
    fields = dict(re.findall(r'(\S+?)=("[^"]*"|\S+)', line[len("crash-matrix: "):]))
    out = {}
    for key, value in fields.items():
        value = value.strip('"')
        out[key] = int(value) if re.fullmatch(r"\d+", value) else value
    return out
runs = [parse(line) for line in lines]
def git(*args):
    try: return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except Exception: return None
report = {
    "stamp": os.path.basename(results)[len("crash-matrix-"):-len(".json")],
    "machine": {"nproc": os.cpu_count(), "loadAverageAtEnd": os.getloadavg()},
    "lotsen": {"binary": binary or "the test build's debug binary", "gitCommit": git("rev-parse", "HEAD"),
               "gitDirty": bool(git("status", "--porcelain", "--untracked-files=no"))},
    "runs": runs,
    "clean": all(r.get("status") == 0 and r.get("lost") == 0 and r.get("doubled") == 0 and r.get("cases-per-key", 0) <= 1
                 and r.get("cases-per-application", 0) <= 1 for r in runs),
}
with open(results, "w") as f:
    json.dump(report, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{'store':<10}{'transitions':>12}{'facts':>7}{'agency ev':>10}{'applications':>13}{'kills':>7}{'(serve/cli/submit/sync)':>25}"
      f"{'lost':>6}{'doubled':>8}{'cases/key':>10}{'cases/app':>10}  journal verify")
for r in runs:
    kills = f"{r['kills-serve']}/{r['kills-cli']}/{r['kills-submit']}/{r['kills-sync']}"
    print(f"{r['store']:<10}{r['transitions']:>12}{r['facts']:>7}{r['agency-events']:>10}{r['applications']:>13}{r['kills']:>7}{kills:>25}"
          f"{r['lost']:>6}{r['doubled']:>8}{r['cases-per-key']:>10}{r['cases-per-application']:>10}  {r['journal']}")
    print(f"{'':<10}seed {r['seed']}, setup {r['setup']}, run {r['run']}, {r['resent']} requests sent again after a kill, exit {r['status']}")
print(f"results: {results}")
PY
((failed == 0)) || die "some checks failed (see above)"
echo "crash-matrix: every check passed"
