#!/usr/bin/env bash
# npm start: local MariaDB + Redis (installed with apt-get when missing), migrations, demo data when the
# database is empty, then the API and the worker in the foreground. Ctrl-C stops both; the databases keep
# running (scripts/services.sh down stops them).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log() { printf '[start] %s\n' "$*" >&2; }

bash scripts/services.sh up
bash scripts/app-env.sh
npm run -s cli -- migrate
if npm run -s cli -- demo:seed --help >/dev/null 2>&1; then npm run -s cli -- demo:seed --if-empty; fi

set -a; . .data/services.env; . .data/app.env; set +a
PORT="${PORT:-3000}"; WORKER_PORT="${WORKER_PORT:-3001}"; HOST="${HOST:-127.0.0.1}"
pids=()
stop() { trap - INT TERM EXIT; [ "${#pids[@]}" -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null; wait 2>/dev/null; }
trap stop INT TERM EXIT

npm run -s start:worker & pids+=($!)
npm run -s start:api & pids+=($!)

for _ in $(seq 1 120); do
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { log "a process exited during start-up (see above)"; exit 1; }; done
  if curl -fsS "http://$HOST:$PORT/health/ready" >/dev/null 2>&1 && curl -fsS "http://$HOST:$WORKER_PORT/health/ready" >/dev/null 2>&1; then
    log "ready: GraphQL http://$HOST:$PORT/graphql · health http://$HOST:$PORT/health/ready · worker health http://$HOST:$WORKER_PORT/health/ready"
    break
  fi
  sleep 0.5
done
# Run until either process ends; then stop the other one too.
wait -n "${pids[@]}"; rc=$?
log "a process exited ($rc); stopping"
exit "$rc"
