#!/usr/bin/env bash
# npm start: local MariaDB + Redis (installed with apt-get when missing), migrations, demo data when the
# database is empty, then the API and the worker in the foreground. Ctrl-C stops both; the databases keep
# running (scripts/services.sh down stops them).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log() { printf '[start] %s\n' "$*" >&2; }

PORT="${PORT:-3000}"; WORKER_PORT="${WORKER_PORT:-3001}"; HOST="${HOST:-127.0.0.1}"

# First of all, before touching the databases: the two ports must be free. Otherwise another instance (or
# anything else) answers there, and a readiness check would take its answers for ours.
port_free() { # host port: can we listen there? (the same bind the API and the worker will do)
  node -e 'const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[2]), process.argv[1], () => s.close(() => process.exit(0)));' "$1" "$2" 2>/dev/null
}
busy=0
if [ "$PORT" = "$WORKER_PORT" ]; then log "PORT and WORKER_PORT are both $PORT; set one of them to another port"; exit 1; fi
for setting in PORT WORKER_PORT; do
  if ! port_free "$HOST" "${!setting}"; then
    log "port ${!setting} on $HOST is already in use (another instance running?); set $setting to use another"
    busy=1
  fi
done
[ "$busy" -eq 0 ] || exit 1

bash scripts/services.sh up
bash scripts/app-env.sh
npm run -s cli -- migrate
if npm run -s cli -- demo:seed --help >/dev/null 2>&1; then npm run -s cli -- demo:seed --if-empty; fi

set -a; . "${SERVICES_DATA_DIR:-.data}/services.env"; . "${SERVICES_DATA_DIR:-.data}/app.env"; set +a
export PORT WORKER_PORT HOST
pids=()
descendants() { local p c; for p in "$@"; do for c in $(pgrep -P "$p" 2>/dev/null); do echo "$c"; descendants "$c"; done; done; }
# npm does not pass TERM on to node: signal the whole tree, then give the processes time to shut down cleanly.
stop() {
  trap - INT TERM EXIT
  [ "${#pids[@]}" -gt 0 ] || return 0
  local all=("${pids[@]}") p i
  mapfile -t -O "${#all[@]}" all < <(descendants "${pids[@]}")
  kill -TERM "${all[@]}" 2>/dev/null
  for ((i = 0; i < 300; i++)); do
    for p in "${all[@]}"; do [ -r "/proc/$p/status" ] && ! grep -q '^State:.*Z' "/proc/$p/status" && break; p=; done
    [ -z "$p" ] && break
    sleep 0.1
  done
  wait 2>/dev/null
}
trap stop INT TERM EXIT

npm run -s start:worker & pids+=($!)
npm run -s start:api & pids+=($!)

ours() { # pid: is it one of the processes started here, or a descendant of one (npm runs node as a child)?
  local p="$1" q
  while [ -n "$p" ] && [ "$p" -gt 1 ]; do
    for q in "${pids[@]}"; do [ "$p" = "$q" ] && return 0; done
    p="$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status" 2>/dev/null)"
  done
  return 1
}
answers() { # port: /health/live names one of our processes, and /health/ready says 200
  local pid
  pid="$(curl -fsS "http://$HOST:$1/health/live" 2>/dev/null | sed -n 's/.*"pid":\([0-9][0-9]*\).*/\1/p')"
  [ -n "$pid" ] && ours "$pid" && curl -fsS "http://$HOST:$1/health/ready" >/dev/null 2>&1
}

ready=0
for _ in $(seq 1 120); do
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { log "a process exited during start-up (see above)"; exit 1; }; done
  if answers "$PORT" && answers "$WORKER_PORT"; then
    log "ready: GraphQL http://$HOST:$PORT/graphql · health http://$HOST:$PORT/health/ready · worker health http://$HOST:$WORKER_PORT/health/ready"
    if [ "${NODE_ENV:-development}" = production ]; then
      log "mode: production (introspection off, no GraphQL IDE, no error details; NODE_ENV=production)"
    else
      log "mode: ${NODE_ENV:-development} (introspection on; GraphQL IDE: open http://$HOST:$PORT/graphql in a browser; error details only with ERROR_DETAILS=true; NODE_ENV=production for production)"
    fi
    ready=1
    break
  fi
  sleep 0.5
done
[ "$ready" -eq 1 ] || log "not ready after 60 s (see the logs above); still running, check http://$HOST:$PORT/health/ready"
# Run until either process ends; then stop the other one too.
wait -n "${pids[@]}"; rc=$?
log "a process exited ($rc); stopping"
exit "$rc"
