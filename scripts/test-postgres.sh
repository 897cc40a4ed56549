#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on loopback with an empty test database, and prints its URL.
# Uses Debian's cluster tools; idempotent. Set ANJUNGAN_TEST_PG_URL to use another server instead.
# The role may create databases: each pytest-xdist worker makes its own beside this one (tests/support/postgres.py).
set -euo pipefail
if [ -n "${ANJUNGAN_TEST_PG_URL:-}" ]; then echo "$ANJUNGAN_TEST_PG_URL"; exit 0; fi
here=$(cd "$(dirname "$0")" && pwd)
"$here/system-packages.sh" postgresql >&2
if [ "$(id -u)" -eq 0 ]; then AS_PG="runuser -u postgres --"; else AS_PG="sudo -n -u postgres"; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$"; then
  $SUDO pg_createcluster "$version" main >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 50); do
  $AS_PG psql -p "$port" -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 0.2
done
$AS_PG psql -p "$port" -qAtc "select 1 from pg_roles where rolname='anjungan'" | grep -q 1 \
  || $AS_PG psql -p "$port" -qc "create role anjungan login password 'anjungan-test'" >&2
$AS_PG psql -p "$port" -qAtc "select 1 from pg_roles where rolname='anjungan' and rolcreatedb" | grep -q 1 \
  || $AS_PG psql -p "$port" -qc "alter role anjungan createdb" >&2
$AS_PG psql -p "$port" -qAtc "select 1 from pg_database where datname='anjungan_test'" | grep -q 1 \
  || $AS_PG psql -p "$port" -qc "create database anjungan_test owner anjungan" >&2
echo "postgresql+psycopg://anjungan:anjungan-test@127.0.0.1:$port/anjungan_test"
