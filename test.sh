#!/usr/bin/env bash
# Installs what the tests need on Debian when it is missing, runs every test project, and ends with
# one line "N passed, N failed, N skipped" summed over all of them.
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
# The PostgreSQL tests start a throwaway cluster of their own with initdb and pg_ctl; no server needs to run.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The test and benchmark processes stop their PostgreSQL clusters themselves (folder commercedesk-pg-<pid>-*); one
# killed midway can leave its cluster running. On any exit, stop and remove the clusters whose process is gone.
stop_leftover_clusters() {
  for folder in "${TMPDIR:-/tmp}"/commercedesk-pg-*; do
    [ -d "$folder" ] || continue
    owner=$(basename "$folder" | cut -d- -f3)
    kill -0 "$owner" 2>/dev/null && continue
    [ -f "$folder/data/postmaster.pid" ] && kill -QUIT "$(head -1 "$folder/data/postmaster.pid")" 2>/dev/null && sleep 0.5
    rm -rf "$folder"
  done
}

# The benchmark smoke run on PostgreSQL gets a throwaway cluster of its own, started here like the tests start theirs.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
bench_pg="" bench_db=""
start_bench_cluster() {
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || bin=$(dirname "$(command -v initdb)")
  bench_pg=$(mktemp -d "${TMPDIR:-/tmp}/commercedesk-pg-$$-XXXXXX")
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$bench_pg"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$bin/initdb" -D "$bench_pg/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$bench_pg/initdb.log" 2>&1 \
    && as_postgres "$bin/pg_ctl" start -w -D "$bench_pg/data" -l "$bench_pg/server.log" \
         -o "-p $port -h 127.0.0.1 -k $bench_pg -F -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    && bench_db="Host=127.0.0.1;Port=$port;Username=postgres;Database=commercedesk_bench"
}
stop_bench_cluster() {
  [ -n "$bench_pg" ] || return 0
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || bin=$(dirname "$(command -v pg_ctl)")
  as_postgres "$bin/pg_ctl" stop -m immediate -w -D "$bench_pg/data" >/dev/null 2>&1
  rm -rf "$bench_pg"; bench_pg=""
}
trap 'stop_bench_cluster; stop_leftover_clusters' EXIT
results=$(mktemp -d)
build_log=$(mktemp)
if ! dotnet build CommerceDesk.sln -c Release >"$build_log" 2>&1; then
  grep -E ": error " "$build_log" | sort -u | head -40
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
tail -3 "$build_log"

status=0
for project in $(ls -d *.Tests/ | sed 's:/$::'); do
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=1
done

# Sum the outcome counters of every TRX file.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("total", 0)) - int(c.get("executed", 0))
print(p, f, s)
PY
)
# The benchmark suite at 1% scale, on SQLite and on PostgreSQL, proves it still runs end to end and produces numbers
# (it times nothing). Each provider's run counts as one test.
bench_smoke() { # <name> <extra arguments…>
  local name=$1; shift
  echo "Benchmark smoke run ($name): dotnet run -c Release --project CommerceDesk.Bench -- all --scale 0.01 $*"
  if timeout 1200 dotnet run -c Release --no-build --project CommerceDesk.Bench -- all --scale 0.01 "$@" \
       --out "$results/benchmarks-$name.md" >"$results/bench-$name.log" 2>&1 \
     && grep -q "benchmarks completed" "$results/bench-$name.log" && grep -q "API upserts/s" "$results/benchmarks-$name.md" \
     && grep -q "ms per due cart" "$results/benchmarks-$name.md" && grep -q "orders: first page" "$results/benchmarks-$name.md"; then
    passed=$((passed + 1)); echo "benchmark smoke run ($name): passed"
  else
    failed=$((failed + 1)); echo "benchmark smoke run ($name): FAILED"; tail -30 "$results/bench-$name.log"
  fi
}
bench_smoke sqlite --db "$results/bench.db"
if start_bench_cluster; then
  bench_smoke postgres --provider postgres --db "$bench_db"
else
  failed=$((failed + 1)); echo "benchmark smoke run (postgres): FAILED to start PostgreSQL"; cat "$bench_pg"/*.log 2>/dev/null | tail -20
fi
stop_bench_cluster

[ "$((passed + failed))" -gt 0 ] || { failed=1; status=1; echo "no test was executed"; }
[ "$failed" = 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
