#!/usr/bin/env bash
# Installs Debian's PostgreSQL and Redis servers when missing: the sync
# server's tests on PostgreSQL and Redis start servers of their own on
# 127.0.0.1 with throw-away data (test/node/sync-server/services.ts). Nothing
# is started here. EMR_PG_BIN (a directory holding postgres and initdb) and
# EMR_REDIS_SERVER point at other builds.
set -euo pipefail

pg_ok=false
if [ -n "${EMR_PG_BIN:-}" ]; then
  [ -x "$EMR_PG_BIN/postgres" ] && [ -x "$EMR_PG_BIN/initdb" ] && pg_ok=true
elif compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  pg_ok=true
fi
redis_ok=false
if [ -x "${EMR_REDIS_SERVER:-/usr/bin/redis-server}" ] || command -v redis-server >/dev/null; then redis_ok=true; fi

packages=()
$pg_ok || packages+=(postgresql)
$redis_ok || packages+=(redis-server)

if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "Not found: ${packages[*]}; installing Debian's packages." >&2
  if [ "$sudo" = none ]; then
    echo "error: need root (or sudo) to install ${packages[*]}, or set EMR_PG_BIN / EMR_REDIS_SERVER." >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# PostgreSQL refuses to run as root: the tests run it as the `postgres` user, which Debian's package makes.
if [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
fi
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || [ -n "${EMR_PG_BIN:-}" ] || { echo "error: postgresql installed but no /usr/lib/postgresql/*/bin/postgres" >&2; exit 1; }
