#!/usr/bin/env bash
# Writes .data/app.env once: the application's own secrets for a local instance (PII encryption and HMAC
# keys), random per machine and never in the repository. Production sets these in its environment instead.
set -Eeuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${SERVICES_DATA_DIR:-$ROOT/.data}"
FILE="$DATA/app.env"
mkdir -p "$DATA"
if [ ! -s "$FILE" ]; then
  umask 077
  {
    echo "PII_ENCRYPTION_KEY=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
    echo "PII_HMAC_KEY=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  } >"$FILE"
  echo "[app-env] generated local secrets in $FILE (keep them: encrypted resident IDs need the same key)" >&2
fi
