#!/usr/bin/env bash
# scripts/services.sh {up|down|status|env|reset} [--test]   ·   scripts/services.sh {down|status} --all
# Local MariaDB + Redis for the service, its tests and CI, on 127.0.0.1 only, data under .data/ (git-ignored).
# No systemd, no Docker. Idempotent: a second `up` is a no-op, `up` after a crash recovers; `down` stops only
# the daemons whose pid files this data folder holds. Works as root (CI) or as a normal user (sudo only for apt).
#
# SERVICES_PROFILE=durable (default): innodb_flush_log_at_trx_commit=1, doublewrite, Redis AOF (everysec).
# SERVICES_PROFILE=test: fast, non-durable settings for throwaway test data (the test suite uses its own
# data folder, .data/test, so it never touches the durable instance).
#
# --test: the test suite's instance (.data/test, test profile) instead of the development one, e.g.
#   `npm run services -- down --test` stops the servers `npm test` keeps running, `up --test` starts them
#   ahead of time (then `npm test` finds them running and leaves them up: warm runs).
# --all (down, status): both instances.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(); instance=""
for a in "$@"; do
  case "$a" in
    --test) instance=test ;;
    --all) instance=all ;;
    *) args+=("$a") ;;
  esac
done
set -- "${args[@]}"
if [ "$instance" = all ]; then
  case "${1:-status}" in
    down|status)
      rc=0
      echo "development instance (.data):" >&2; bash "$0" "${1:-status}" || rc=$?
      echo "test instance (.data/test):" >&2; bash "$0" "${1:-status}" --test || rc=$?
      exit "$rc" ;;
    *) echo "--all goes with down or status" >&2; exit 2 ;;
  esac
fi
if [ "$instance" = test ]; then
  # What the test suite's globalSetup uses (test/support/test-env.ts).
  export SERVICES_DATA_DIR="$ROOT/.data/test" SERVICES_PROFILE=test DB_NAMES="${DB_NAMES:-yibao_test}"
fi
DATA="${SERVICES_DATA_DIR:-$ROOT/.data}"
# Ports: explicit env wins; else the ports this checkout used last time; else defaults.
# A second checkout on the same machine (e.g. CI's fresh clone while a dev instance runs)
# gets the next free ports instead of failing.
PORTS_FIXED_DB="${DB_PORT:+1}"; PORTS_FIXED_RD="${REDIS_PORT:+1}"
if [ -f "$DATA/services.env" ]; then
  [ -z "${DB_PORT:-}" ] && DB_PORT="$(sed -n 's/^DB_PORT=//p' "$DATA/services.env")"
  [ -z "${REDIS_PORT:-}" ] && REDIS_PORT="$(sed -n 's/^REDIS_PORT=//p' "$DATA/services.env")"
fi
if [ "${SERVICES_PROFILE:-durable}" = test ]; then DB_PORT="${DB_PORT:-33316}"; REDIS_PORT="${REDIS_PORT:-63389}"; fi
DB_PORT="${DB_PORT:-33306}"
REDIS_PORT="${REDIS_PORT:-63379}"
DB_USER="${DB_USER:-yibao}"
DB_NAMES="${DB_NAMES:-yibao}"          # first one is the main DB
PROFILE="${SERVICES_PROFILE:-durable}"
case "$PROFILE" in durable|test) ;; *) echo "SERVICES_PROFILE must be durable or test" >&2; exit 2 ;; esac
WAIT_S="${SERVICES_WAIT_S:-60}"

MY="$DATA/mariadb"; RD="$DATA/redis"
MY_PID="$MY/mariadbd.pid"; RD_PID="$RD/redis.pid"
MY_SOCK="$MY/mysqld.sock"
# AF_UNIX paths are limited to 107 bytes; deep CI checkouts can exceed that.
if [ "${#MY_SOCK}" -gt 100 ]; then
  MY_SOCK="${TMPDIR:-/tmp}/mariadb-$(printf '%s' "$DATA" | md5sum | cut -c1-12).sock"
fi

# The application user's password is random per data folder (kept in $DATA/services.env), unless given.
if [ -z "${DB_PASSWORD:-}" ] && [ -f "$DATA/services.env" ]; then
  DB_PASSWORD="$(sed -n 's/^DB_PASSWORD=//p' "$DATA/services.env")"
fi
DB_PASSWORD="${DB_PASSWORD:-$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')}"

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then sudo "$@"
  else die "need root to run: $* (install the packages once, or run as root)"; fi
}

ensure_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server-core)
  command -v mariadb-install-db >/dev/null 2>&1 || missing+=(mariadb-server-core)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client-core)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
  [ "${#missing[@]}" -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get; install MariaDB >=10.6 and Redis >=6.2 yourself"
  log "installing ${missing[*]} with apt (one-time)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  # policy-rc.d / postinst may try to start system services; that is harmless, we never use them.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

MARIADBD() { command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd; }
my_cli() { mariadb --no-defaults --protocol=socket --socket="$MY_SOCK" -uroot "$@"; }
# A daemon that exited stays a zombie until PID 1 reaps it; in containers PID 1 may reap
# late or never, so `kill -0` alone reports dead daemons as alive.
pid_alive() {
  case "$1" in ''|*[!0-9]*) return 1 ;; esac
  [ -r "/proc/$1/status" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
alive() { # pidfile [name]: live, and (if given) really that program, not a recycled pid
  local pid; pid="$(cat "$1" 2>/dev/null)" || return 1
  pid_alive "$pid" || return 1
  [ -z "${2:-}" ] || grep -q "^$2" "/proc/$pid/comm" 2>/dev/null
}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # start fixed? -> first free port from start
  local p="$1"
  if port_busy "$p"; then
    [ -n "$2" ] && die "port $p is used by another process (set by env); choose another"
    for ((p = $1 + 1; p < $1 + 100; p++)); do port_busy "$p" || break; done
    log "port $1 busy; using $p"
  fi
  echo "$p"
}
my_ready() { my_cli -N -e 'SELECT 1' >/dev/null 2>&1; }
rd_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

log_size() { stat -c %s "$1" 2>/dev/null || echo 0; }
# The daemon's log since `from` (bytes) names a port another process took between our check and its bind.
lost_port_race() { grep -q 'Address already in use' <(tail -c +"$(($2 + 1))" "$1" 2>/dev/null); }
wait_for() { # name check-fn pid-or-pidfile logfile [log offset at start]
  local i pid
  for ((i = 0; i < WAIT_S * 10; i++)); do
    "$2" && return 0
    # A daemonised redis exits before writing its pid file, so its death is read from the log.
    [ -n "${5:-}" ] && lost_port_race "$4" "$5" && { log "$1 could not bind its port"; return 2; }
    pid="$3"; [ -f "$3" ] && pid="$(cat "$3" 2>/dev/null)"
    case "$pid" in ''|*[!0-9]*) ;; *) pid_alive "$pid" || { log "$1 process $pid exited"; return 2; } ;; esac
    sleep 0.1
  done
  log "$1 did not become ready in ${WAIT_S}s; last log lines:"; tail -n 30 "$4" >&2 || true
  return 1
}

start_mariadb() {
  if alive "$MY_PID" mariadbd && my_ready; then log "mariadb already running (pid $(cat "$MY_PID"), port $DB_PORT)"; return 0; fi
  if alive "$MY_PID" mariadbd; then
    log "mariadb pid $(cat "$MY_PID") exists but does not answer yet; waiting"
    if wait_for mariadb my_ready "$MY_PID" "$MY/error.log"; then return 0; fi
    kill -KILL "$(cat "$MY_PID" 2>/dev/null)" 2>/dev/null || true; sleep 0.5
  fi
  rm -f "$MY_PID" "$MY_SOCK" "$MY_SOCK.lock"
  DB_PORT="$(free_port "$DB_PORT" "$PORTS_FIXED_DB")"
  mkdir -p "$MY"
  if [ ! -d "$MY/data/mysql" ]; then
    rm -rf "$MY/data"
    log "initialising mariadb datadir $MY/data"
    mariadb-install-db --no-defaults --datadir="$MY/data" --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve --innodb-log-file-size=128M >"$MY/install.log" 2>&1 \
      || { tail -n 30 "$MY/install.log" >&2; rm -rf "$MY/data"; die "mariadb-install-db failed"; }
  fi
  local user_opt=(); [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)   # mariadbd refuses root without it
  local durability=(--innodb-flush-log-at-trx-commit=1 --innodb-doublewrite=1)
  # Fast, non-durable settings for throwaway test data only.
  [ "$PROFILE" = test ] && durability=(--innodb-flush-log-at-trx-commit=2 --innodb-flush-method=nosync --innodb-doublewrite=0)
  # Its own temporary directory: a shared /tmp being cleaned under a running server failed large queries
  # ("Error on delete of '/tmp/#sql-temptable-…'", seen in bench runs on a machine shared with other jobs).
  mkdir -p "$MY/tmp"
  local log_from; log_from="$(log_size "$MY/error.log")"
  # 9>&- : do not let the daemon inherit the flock fd, or the lock is held forever
  setsid "$(MARIADBD)" --no-defaults "${user_opt[@]}" \
    --datadir="$MY/data" --socket="$MY_SOCK" --pid-file="$MY_PID" --log-error="$MY/error.log" --tmpdir="$MY/tmp" \
    --port="$DB_PORT" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --default-time-zone=+00:00 --max-connections=300 --skip-log-bin "${durability[@]}" \
    --innodb-buffer-pool-size="${DB_BUFFER_POOL:-512M}" --innodb-log-file-size=128M \
    --max-allowed-packet=256M --performance-schema=OFF </dev/null >>"$MY/stdout.log" 2>&1 9>&- &
  local lpid=$!   # mariadbd writes $MY_PID itself once it is up
  local rc=0; wait_for mariadb my_ready "$lpid" "$MY/error.log" "$log_from" || rc=$?
  if [ "$rc" -eq 0 ]; then log "mariadb up on 127.0.0.1:$DB_PORT (pid $(cat "$MY_PID"))"; return 0; fi
  # Two projects' scripts starting at once can both find the same port free; the loser retries on the next one.
  if [ "$rc" -eq 2 ] && [ -z "$PORTS_FIXED_DB" ] && [ "${MY_BIND_RETRIES:-0}" -lt 5 ] \
     && lost_port_race "$MY/error.log" "$log_from"; then
    wait "$lpid" 2>/dev/null || true   # the aborting server still holds the datadir's locks
    MY_BIND_RETRIES=$((${MY_BIND_RETRIES:-0} + 1)); DB_PORT=$((DB_PORT + 1 + RANDOM % 20))
    log "mariadb lost a race for its port; retrying on $DB_PORT"; start_mariadb; return
  fi
  die "mariadb failed to start"
}

provision_mariadb() {
  local sql="" db
  for db in $DB_NAMES; do
    sql+="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  done
  for h in 127.0.0.1 localhost; do
    sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$h' IDENTIFIED BY '$DB_PASSWORD';"
    sql+="ALTER USER '$DB_USER'@'$h' IDENTIFIED BY '$DB_PASSWORD';"
    # prefix grant: lets tests create/drop per-worker DBs such as app_test_3
    sql+="GRANT ALL PRIVILEGES ON \`${DB_USER}%\`.* TO '$DB_USER'@'$h';"
    for db in $DB_NAMES; do sql+="GRANT ALL PRIVILEGES ON \`$db\`.* TO '$DB_USER'@'$h';"; done
  done
  my_cli -e "$sql" || die "provisioning mariadb failed"
}

start_redis() {
  if alive "$RD_PID" redis-server && rd_ready; then log "redis already running (pid $(cat "$RD_PID"), port $REDIS_PORT)"; return 0; fi
  if alive "$RD_PID" redis-server; then kill -KILL "$(cat "$RD_PID")" 2>/dev/null || true; sleep 0.2; fi
  rm -f "$RD_PID"
  REDIS_PORT="$(free_port "$REDIS_PORT" "$PORTS_FIXED_RD")"
  mkdir -p "$RD"
  local aof=(--appendonly yes --appendfsync everysec)
  [ "$PROFILE" = test ] && aof=(--appendonly no)
  local log_from; log_from="$(log_size "$RD/redis.log")"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$RD" --daemonize yes \
    --pidfile "$RD_PID" --logfile "$RD/redis.log" --save '' "${aof[@]}" \
    --maxmemory-policy noeviction --protected-mode yes </dev/null >/dev/null 9>&-
  local rc=0; wait_for redis rd_ready "$RD_PID" "$RD/redis.log" "$log_from" || rc=$?
  if [ "$rc" -ne 0 ] && [ -z "$PORTS_FIXED_RD" ] && [ "${RD_BIND_RETRIES:-0}" -lt 5 ] \
     && lost_port_race "$RD/redis.log" "$log_from"; then
    RD_BIND_RETRIES=$((${RD_BIND_RETRIES:-0} + 1)); REDIS_PORT=$((REDIS_PORT + 1 + RANDOM % 20))
    log "redis lost a race for its port; retrying on $REDIS_PORT"; start_redis; return
  fi
  [ "$rc" -eq 0 ] || die "redis failed to start"
  log "redis up on 127.0.0.1:$REDIS_PORT (pid $(cat "$RD_PID"))"
}

stop_one() { # name pidfile comm
  local pid i
  if ! alive "$2" "$3"; then rm -f "$2"; log "$1 not running"; return 0; fi
  pid="$(cat "$2")"; kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do pid_alive "$pid" || break; sleep 0.05; done
  pid_alive "$pid" && { log "$1 pid $pid ignored TERM; killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$2"; log "$1 stopped (pid $pid)"
}

print_env() {
  cat <<EOF
DB_TYPE=mariadb
DB_HOST=127.0.0.1
DB_PORT=$DB_PORT
DB_USER=$DB_USER
DB_PASSWORD=$DB_PASSWORD
DB_NAME=${DB_NAMES%% *}
REDIS_HOST=127.0.0.1
REDIS_PORT=$REDIS_PORT
EOF
}

with_lock() { mkdir -p "$DATA"; exec 9>"$DATA/.services.lock"; flock -w 120 9 || die "could not get $DATA/.services.lock"; }

cmd="${1:-status}"
case "$cmd" in
  up)
    with_lock; ensure_packages
    start_mariadb; provision_mariadb; start_redis
    print_env >"$DATA/services.env"; log "env written to $DATA/services.env" ;;
  down)
    with_lock; stop_one redis "$RD_PID" redis-server; stop_one mariadb "$MY_PID" mariadbd ;;
  stop-redis)   # fault tests: stop only Redis (R2), `up` brings it back on the same port
    with_lock; stop_one redis "$RD_PID" redis-server ;;
  stop-mariadb) # fault tests: stop only MariaDB (R3)
    with_lock; stop_one mariadb "$MY_PID" mariadbd ;;
  reset)
    bash "$0" down; rm -rf "$MY" "$RD" "$DATA/services.env"; log "data removed" ;;
  status)
    rc=0
    if alive "$MY_PID" mariadbd && my_ready; then echo "mariadb: up   127.0.0.1:$DB_PORT pid $(cat "$MY_PID")"; else echo "mariadb: down"; rc=3; fi
    if alive "$RD_PID" redis-server && rd_ready; then echo "redis:   up   127.0.0.1:$REDIS_PORT pid $(cat "$RD_PID")"; else echo "redis:   down"; rc=3; fi
    exit $rc ;;
  env) print_env ;;
  *) echo "usage: $0 {up|down|status|env|reset|stop-redis|stop-mariadb} [--test]  |  $0 {down|status} --all" >&2; exit 2 ;;
esac
