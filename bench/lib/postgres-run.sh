# Sourced by the bench scripts that run on PostgreSQL (two-nodes.sh, crash-matrix.sh): the server for a run and the
# clean-up at its end, written once so every script leaves the machine as it found it.

# bench_postgres: sets $database, unless the caller already has one, to the running test cluster (left running) or
# to a throwaway cluster that bench_cleanup stops.
bench_stop_cluster=0
bench_postgres() {
    [ -z "${database:-}" ] || return 0
    if database=$(scripts/test-postgres url 2>/dev/null); then
        echo "== reusing the running test cluster $database (left running)" >&2
    else
        database=$(scripts/test-postgres start)
        bench_stop_cluster=1
        echo "== started a throwaway cluster $database" >&2
    fi
}

# bench_output NAME: sets $out to a temporary file for the run's output, removed when the script exits, however it
# exits, together with a cluster bench_postgres started.
bench_output() {
    out=$(mktemp "${TMPDIR:-/tmp}/lotsen-$1.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

bench_cleanup() {
    local status=$?
    rm -f "${out:-}"
    if ((bench_stop_cluster)); then scripts/test-postgres stop || true; fi
    exit "$status"
}
