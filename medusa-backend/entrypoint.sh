#!/bin/sh
# Entrypoint of the backend image; the working directory is /app (the built .medusa/server).
set -eu

migrate() {
  # Also runs Medusa's migration scripts. There is no TTY to answer the prompt
  # about link tables to drop or alter, so only safe link changes are applied;
  # an unsafe one is left for an operator to run with `medusa db:sync-links`.
  medusa db:migrate --execute-safe-links
  if [ "${SEED_DEMO:-false}" = "true" ]; then
    medusa exec ./src/scripts/seed-demo.js # idempotent
  fi
}

# `migrate`: compose's one-shot migrate service.
if [ "${1:-}" = "migrate" ]; then
  migrate
  exit 0
fi

# One-off commands, e.g. `docker-compose run --rm medusa-server medusa user -e EMAIL -p PASSWORD`.
if [ "$#" -gt 0 ]; then
  exec "$@"
fi

mode="${MEDUSA_WORKER_MODE:-shared}"
case "$mode" in
  shared)
    # One container alone (docker run): it migrates itself.
    migrate
    ;;
  server|worker)
    # No migrations: compose starts servers and worker once its migrate service has succeeded,
    # so replicas never migrate concurrently.
    ;;
  *)
    echo "entrypoint: MEDUSA_WORKER_MODE must be server, worker or shared, not '$mode'" >&2
    exit 64
    ;;
esac

export MEDUSA_WORKER_MODE="$mode"
# exec: Node replaces the shell and receives SIGTERM itself (Medusa shuts down gracefully on it).
exec medusa start
