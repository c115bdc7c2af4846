#!/usr/bin/env bash
# npm run migration:generate -- <PascalCaseName>
# Generates a migration from the difference between the entities and the local database, into migrations/.
# Review it, make sure down() undoes up(), and add the class to libs/database/src/migrations.ts.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: npm run migration:generate -- <PascalCaseName>}"
[[ "$name" =~ ^[A-Z][A-Za-z0-9]+$ ]] || { echo "name must be PascalCase, e.g. AddRatings" >&2; exit 2; }
npm run --silent typeorm -- migration:generate --pretty "migrations/$name"
echo "now review migrations/*-$name.ts and register it in libs/database/src/migrations.ts" >&2
