#!/usr/bin/env bash
# Private PostgreSQL cluster for the hub tests and bench: start | stop | url | status.
# Runs the machine's PostgreSQL 15 binaries as the `postgres` user in a private directory, on a private port and
# socket dir, so it never touches a system cluster. `start` is idempotent and prints the DATABASE_URL last.
set -euo pipefail

PORT="${BILAN_IAE_PG_PORT:-5499}"
BASE="${BILAN_IAE_PG_DIR:-/tmp/bilan-iae-pg}"
DATA="$BASE/data"
SOCK="$BASE/sock"
LOG="$BASE/postgres.log"
DB="bilan_iae_test"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"

find_bin() {
  local name="$1" d
  for d in /usr/lib/postgresql/15/bin /usr/local/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/$name" ]; then echo "$d/$name"; return 0; fi
  done
  command -v "$name" 2>/dev/null || return 1
}

missing() {
  echo "PostgreSQL introuvable (initdb, pg_ctl). Installez-le : apt-get install -y postgresql" >&2
  echo "(ou, pour ignorer explicitement les tests PostgreSQL : BILAN_IAE_SKIP_PG=1)" >&2
  exit 3
}

INITDB="$(find_bin initdb)" || missing
PG_CTL="$(find_bin pg_ctl)" || missing
PSQL="$(find_bin psql)" || missing

# As root we run the server as `postgres` (PostgreSQL refuses to run as root); otherwise as ourselves.
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$BASE" --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_pg "$PG_CTL" -D "$DATA" status >/dev/null 2>&1
}

start() {
  mkdir -p "$BASE" "$SOCK"
  if [ "$(id -u)" = "0" ]; then as_pg true; chown -R postgres "$BASE"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_pg "$INITDB" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
      || as_pg "$INITDB" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$BASE/initdb.log" 2>&1 \
      || { cat "$BASE/initdb.log" >&2; exit 1; }
  fi
  if ! running; then
    # Test cluster: durability settings off for speed (the hub's own durability is tested on SQLite and with
    # PostgreSQL's defaults in production); loopback and a private socket dir only.
    as_pg "$PG_CTL" -D "$DATA" -l "$LOG" -w -t 30 \
      -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -20 "$LOG" >&2; exit 1; }
  fi
  if ! as_pg "$PSQL" -h "$SOCK" -p "$PORT" -U postgres -d postgres -Atc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
    as_pg "$PSQL" -h "$SOCK" -p "$PORT" -U postgres -d postgres -qc "create database $DB" >/dev/null
  fi
  echo "$URL"
}

stop() {
  if running; then as_pg "$PG_CTL" -D "$DATA" -m fast -w stop >/dev/null; fi
  echo "PostgreSQL arrêté."
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  status) if running; then echo "en marche : $URL"; else echo "arrêté"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
