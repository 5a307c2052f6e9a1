#!/usr/bin/env bash
# Runs the sample Web API (samples/WebApi) against Cassandra at http://127.0.0.1:5080.
#
#   scripts/run-sample.sh [extra arguments for the app]
#
# Unless ConnectionStrings__Cassandra or CASSANDRA_CONTACT_POINTS says where Cassandra is,
# the local node is started first with `scripts/cassandra.sh start` (installing Java 17 and
# Cassandra 2.1.0 on first use) and left running; `scripts/cassandra.sh stop` ends it.
# SAMPLE_URLS overrides the listen address (default http://127.0.0.1:5080).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

command -v dotnet >/dev/null 2>&1 || {
  echo "run-sample.sh: error: the .NET SDK is not installed (no 'dotnet' on PATH); install the .NET 10 SDK: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
}

if [[ -n "${ConnectionStrings__Cassandra:-}" ]]; then
  echo "run-sample.sh: using ConnectionStrings__Cassandra from the environment" >&2
elif [[ -n "${CASSANDRA_CONTACT_POINTS:-}" ]]; then
  echo "run-sample.sh: CASSANDRA_CONTACT_POINTS is set ($CASSANDRA_CONTACT_POINTS): not starting the local node" >&2
else
  "$ROOT/scripts/cassandra.sh" start
fi

# exec: Ctrl-C and SIGTERM go straight to the app.
exec dotnet run --project "$ROOT/samples/WebApi" --urls "${SAMPLE_URLS:-http://127.0.0.1:5080}" "$@"
