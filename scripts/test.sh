#!/usr/bin/env bash
# The repository's test command: builds everything and runs every test project against a
# real Cassandra node, then prints one totals line, "N passed, M failed, K skipped", last.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Codec]
#
# Which node (the same order as tests/Shared/CassandraServer.cs):
#   CASSANDRA_CONTACT_POINTS set   -> that cluster; nothing is started
#   a Docker engine answers        -> the tests start a cassandra:5.0 container themselves
#   otherwise                      -> the local node: `scripts/cassandra.sh start` (installs
#                                     Java 17 and Cassandra 2.1.0 on first use), left running
# CASSANDRA_TEST_SERVER=local|docker forces one of the last two.
#
# Exit status: 0 only when dotnet test succeeded, at least one test ran and none failed.
# TRX files go to TestResults/ (git-ignored); the totals are summed over all of them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly SOLUTION="EFCore.Cassandra.slnx"
readonly RESULTS_DIR="$ROOT/TestResults"

log() { echo "test.sh: $*" >&2; }

# Prints the totals line (always the last line of output) and exits.
totals_and_exit() {
  local passed="$1" failed="$2" skipped="$3" status="$4"
  echo "$passed passed, $failed failed, $skipped skipped"
  exit "$status"
}

# An error before any test could run: say why, then the (empty) totals line.
fail_early() {
  log "error: $*"
  totals_and_exit 0 0 0 1
}

# Mirrors CassandraServer's Docker detection: DOCKER_HOST, or a Docker socket that accepts
# a connection (a leftover socket file of a stopped engine does not count).
docker_engine_answers() {
  [[ -n "${DOCKER_HOST:-}" ]] && return 0
  local sock
  for sock in /var/run/docker.sock ${XDG_RUNTIME_DIR:+"$XDG_RUNTIME_DIR/docker.sock"}; do
    [[ -S "$sock" ]] || continue
    # perl-base is part of every Debian system and ships IO::Socket::UNIX.
    # shellcheck disable=SC2016 # $ARGV is perl's, not the shell's
    if command -v perl >/dev/null 2>&1; then
      timeout 3 perl -MIO::Socket::UNIX -e 'IO::Socket::UNIX->new(Peer => $ARGV[0]) or exit 1' "$sock" 2>/dev/null && return 0
    else
      return 0
    fi
  done
  return 1
}

cd "$ROOT"

if ! command -v dotnet >/dev/null 2>&1; then
  fail_early "the .NET SDK is not installed (no 'dotnet' on PATH). Install the .NET 10 SDK (global.json asks for $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json) or a later feature band): https://learn.microsoft.com/dotnet/core/install/linux-debian"
fi

# 1. A Cassandra node.
if [[ -n "${CASSANDRA_CONTACT_POINTS:-}" ]]; then
  log "using CASSANDRA_CONTACT_POINTS=$CASSANDRA_CONTACT_POINTS"
elif [[ "${CASSANDRA_TEST_SERVER:-}" == "docker" ]] || { [[ -z "${CASSANDRA_TEST_SERVER:-}" ]] && docker_engine_answers; }; then
  log "a Docker engine is available: the tests start a cassandra:5.0 container"
else
  "$ROOT/scripts/cassandra.sh" start || fail_early "could not start the local Cassandra node (see above; 'scripts/cassandra.sh logs' shows its log)"
  # The node is up: make the tests use it even if a Docker engine appears meanwhile.
  export CASSANDRA_TEST_SERVER=local
fi

# 2. Local tools (dotnet-ef, ...) from .config/dotnet-tools.json.
dotnet tool restore || fail_early "'dotnet tool restore' failed"

# 3. The tests. Old TRX files would be counted again: start from an empty results folder.
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
log "running: dotnet test $SOLUTION -c Release $*"
status=0
# LogFilePrefix, not LogFileName: with LogFileName every test project of the solution writes
# the same file and only the last one survives (microsoft/vstest#15673); a prefix gets one
# file per project (<prefix>_<tfm>_<timestamp>.trx, made unique if two finish together). A test that hangs for 15 min aborts its test host (and is named
# in the output) instead of stalling the run until the CI timeout.
dotnet test "$SOLUTION" -c Release \
  --results-directory "$RESULTS_DIR" \
  --logger "trx;LogFilePrefix=tests" \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout "${TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none \
  "$@" || status=$?

# 4. Totals over every TRX file: <Counters total=".." executed=".." passed=".." failed=".."
#    error=".." timeout=".." aborted=".." notExecuted=".." .../>.
counter() { # counter <attribute> <Counters element>
  local value
  value="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${value:-0}"
}
passed=0 failed=0 skipped=0 files=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1 || true)"
  [[ -n "$counters" ]] || { log "warning: no <Counters> in ${trx#"$ROOT"/}"; continue; }
  passed=$((passed + $(counter passed "$counters")))
  # A test that errored, timed out or was aborted did not pass: count it as failed.
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
  # vstest leaves notExecuted at 0 for skipped tests and counts them only as total minus
  # executed: take whichever is larger.
  not_executed=$(counter notExecuted "$counters")
  unexecuted=$(($(counter total "$counters") - $(counter executed "$counters")))
  skipped=$((skipped + (not_executed > unexecuted ? not_executed : unexecuted)))
done < <(find "$RESULTS_DIR" -name '*.trx' -print0)

# 5. Each test that did not pass, with the first lines of its message, just above the totals:
#    CI keeps only the end of the output, where the console logger's report may be long gone.
#    perl-base is part of every Debian system.
if command -v perl >/dev/null 2>&1 && ((failed > 0)); then
  find "$RESULTS_DIR" -name '*.trx' -print0 | xargs -0 perl -0777 -ne '
    while (/<UnitTestResult\b([^>]*)>(.*?)<\/UnitTestResult>/gs) {
      my ($attributes, $body) = ($1, $2);
      next unless $attributes =~ /outcome="(Failed|Error|Timeout|Aborted)"/;
      my ($name) = $attributes =~ /testName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my ($trace) = $body =~ /<StackTrace>(.*?)<\/StackTrace>/s;
      for ($name, $message, $trace) { $_ //= ""; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/\x27/g; s/&amp;/&/g; }
      my @lines = (split(/\n/, $message), (split(/\n/, $trace))[0 .. 5]);
      print STDERR "test.sh: FAILED $name\n";
      print STDERR "test.sh:   $_\n" for grep { defined && /\S/ } @lines[0 .. 14];
    }' || true
fi

if ((status != 0)); then
  log "dotnet test failed (exit code $status)"
elif ((files == 0 || passed + failed == 0)); then
  log "no test ran ($files TRX files): treating the run as failed"
  status=1
elif ((failed > 0)); then
  status=1
fi
totals_and_exit "$passed" "$failed" "$skipped" "$status"
