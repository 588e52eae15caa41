# shellcheck shell=bash
# What bench/run and bench/compare share: the JVM settings, the simulated org and its key pair, free ports, the
# target's environment, and stopping everything started on exit. Sourced, not run; needs OUT (results folder).

# Recommended for the target (README, "Benchmark"): a small fixed heap with a large young generation (the work
# is short-lived objects: fewer, not longer, pauses), the serial collector (2 cores), a bounded code cache.
RECOMMENDED_FLAGS="-Xms144m -Xmx144m -Xmn96m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k"
TARGET_JVM_FLAGS=${TARGET_JVM_FLAGS-$RECOMMENDED_FLAGS}
# The target's java (e.g. TARGET_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java); the simulator, the driver and
# the tools run on the java on PATH.
TARGET_JAVA=${TARGET_JAVA:-java}
# The simulated org keeps 5,000 records per object (--max-records-per-type; the driver uses the last 1,024): with
# the default 100,000 it held 250-400 MB, and its collections stopped it for 85-400 ms now and then, which showed
# in both paths' tails (the direct path's p99 at half load once read 325 ms).
SIM_JVM_FLAGS="-Xms512m -Xmx1g -XX:+UseParallelGC"
CLIENT_ID=bench-consumer-key
USER_NAME=bench@example.com

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port: a port nothing listens on, below Linux's ephemeral range (32768-) so that no outgoing connection takes it
# meanwhile; wait_for_listener PORT PID: until the target is ready. Both the same as the image scripts use.
source container/image-root.sh
free_port() { image_free_port; }

# start_simulator JAR LATENCY_MS: a fresh connected-app key pair in $OUT (the target signs with key.pem, the
# simulator verifies with pub.pem), then the simulated org on a free port; sets SIM_PORT and SIM_PID.
start_simulator() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/key.pem" 2>/dev/null
  openssl pkey -in "$OUT/key.pem" -pubout -out "$OUT/pub.pem"
  SIM_PORT=$(free_port)
  # shellcheck disable=SC2086
  java $SIM_JVM_FLAGS -Xlog:gc:file="$OUT/simulator-gc.log" -jar "$1" --simulator-only --port "$SIM_PORT" --public-key "$OUT/pub.pem" \
    --client-id "$CLIENT_ID" --username "$USER_NAME" --daily-api-limit 1000000000000 --latency-ms "$2" --max-records-per-type 5000 \
    >"$OUT/simulator.log" 2>&1 &
  SIM_PID=$!
  PIDS+=("$SIM_PID")
  wait_for_org "$SIM_PORT" "$SIM_PID" "$OUT/simulator.log" 300
}

# wait_for_org PORT PID LOG TRIES: until the simulated org's counters answer on PORT (the simulator, or a proxy in front
# of it), checked every 50 ms at most TRIES times; if PID ends first, prints LOG and exits; if it never answers,
# says so, prints LOG and exits (a benchmark against no org would measure only refusals).
wait_for_org() {
  for _ in $(seq 1 "$4"); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/__admin/counters" && return
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.05
  done
  echo "no answer on 127.0.0.1:$1/__admin/counters after $4 tries; its log:" >&2
  cat "$3" >&2
  exit 1
}

# target_env PORT [MANAGEMENT_PORT]: sets TARGET_ENV, the target's environment against the simulator: listener on
# 127.0.0.1:PORT, health and metrics on MANAGEMENT_PORT or else a free loopback port, TARGET_MANAGEMENT_PORT (not 9876,
# which may be taken, or taken by another target); SALESFORCE_MAX_CONCURRENT_CALLS from BENCH_MAX_CONCURRENT_CALLS (64
# unless set: calls at once are the user's bound, and the in-flight capacity runs set it to their highest number of
# clients).
target_env() {
  TARGET_MANAGEMENT_PORT=${2:-$(free_port)}
  TARGET_ENV=(SALESFORCE_AUTH_CLIENT_ID="$CLIENT_ID" SALESFORCE_AUTH_SERVER="http://127.0.0.1:$SIM_PORT"
    SALESFORCE_AUTH_USER="$USER_NAME" SALESFORCE_AUTH_CERT_KEY_FILE="$(readlink -f "$OUT/key.pem")"
    SALESFORCE_API_VERSION=v62.0 SALESFORCE_MAX_CONCURRENT_CALLS="${BENCH_MAX_CONCURRENT_CALLS:-64}"
    PORT="$1" HOST=127.0.0.1 MANAGEMENT_PORT="$TARGET_MANAGEMENT_PORT" MANAGEMENT_HOST=127.0.0.1)
}

# build_driver JAR: compiles the load driver (bench/driver/*.java, package bench.driver) into
# bench/results/driver-classes against JAR (the target's shaded jar: the driver writes its results with the jar's
# Jackson) and sets DRIVER, the command line that runs it: java $DRIVER_JVM_FLAGS "${DRIVER[@]}" COMMAND --option value...
DRIVER_JVM_FLAGS="-Xms256m -Xmx1g -XX:+UseParallelGC"
build_driver() {
  local classes=bench/results/driver-classes jar
  jar=$(readlink -f "$1")
  rm -rf "$classes"
  javac -d "$classes" -cp "$jar" bench/driver/*.java
  DRIVER=(-cp "$classes:$jar" bench.driver.LoadDriver)
}

# prepare_bare_proxy vertx|camel|camel-async|camel-shaped JAR PORT UPSTREAM_PORT: a yardstick (bench/proxy/) compiled against JAR
# (what it needs beyond the jar from Maven Central, of the jar's versions) into $OUT/proxy-classes; sets
# PROXY_COMMAND (java's arguments after the JVM flags: listen on PORT, forward to UPSTREAM_PORT, 64 connections) and
# PROXY_LABEL.
prepare_bare_proxy() {
  local name part client="" VERTX_VERSION CAMEL_VERSION PROXY_JAR CAMEL_CP PROXY_CP PROXY_MAIN
  if [[ $1 == vertx ]]; then
    # Vert.x's reverse proxy (io.vertx:vertx-http-proxy, the version of the jar's vertx-core) from Maven Central;
    # it runs on the target jar's Vert.x and Netty
    VERTX_VERSION=$(unzip -p "$2" META-INF/maven/io.vertx/vertx-core/pom.properties | sed -n 's/^version=//p')
    PROXY_JAR=bench/results/tools/vertx-http-proxy-$VERTX_VERSION.jar
    [[ -f $PROXY_JAR ]] || mvn -B -q dependency:copy -Dartifact="io.vertx:vertx-http-proxy:$VERTX_VERSION" \
      -DoutputDirectory=bench/results/tools
    PROXY_CP=$2:$PROXY_JAR PROXY_MAIN=BareProxy PROXY_LABEL="bare proxy"
  else
    # camel-vertx-http and what it needs beyond the jar (the file compiles against it in either mode), of the jar's
    # Camel and Vert.x versions, from Maven Central
    CAMEL_VERSION=$(unzip -p "$2" META-INF/maven/org.apache.camel/camel-core-engine/pom.properties | sed -n 's/^version=//p')
    VERTX_VERSION=$(unzip -p "$2" META-INF/maven/io.vertx/vertx-core/pom.properties | sed -n 's/^version=//p')
    CAMEL_CP=$2
    for artifact in "org.apache.camel:camel-vertx-http:$CAMEL_VERSION" "org.apache.camel:camel-vertx-common:$CAMEL_VERSION" \
      "io.vertx:vertx-web-client:$VERTX_VERSION" "io.vertx:vertx-uri-template:$VERTX_VERSION"; do
      name=${artifact#*:}
      part=bench/results/tools/${name%%:*}-${name#*:}.jar
      [[ -f $part ]] || mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory=bench/results/tools
      CAMEL_CP+=:$part
    done
    PROXY_CP=$CAMEL_CP PROXY_MAIN=CamelProxy
    case $1 in
      camel) client=camel-http PROXY_LABEL="bare Camel route" ;;
      camel-async) client=vertx-http PROXY_LABEL="bare Camel route, async client" ;;
      camel-shaped) client=camel-shaped PROXY_LABEL="bare Camel route, the target's shape" ;;
    esac
  fi
  # compiled first, so that a cold start is the proxy's own, not the compiler's
  javac --release 17 -d "$OUT/proxy-classes" -cp "$PROXY_CP" "bench/proxy/$PROXY_MAIN.java"
  PROXY_COMMAND=(-cp "$OUT/proxy-classes:$PROXY_CP" "$PROXY_MAIN" "$3" "$4" 64 ${client:+"$client"})
}

# launch_proxy LOG PORT [JVM-FLAGS...]: PROXY_COMMAND (prepare_bare_proxy) with the target's java and JVM flags, and
# JVM-FLAGS, until it answers on PORT; sets PROXY_PID.
launch_proxy() {
  local log=$1 port=$2
  shift 2
  # shellcheck disable=SC2086
  "$TARGET_JAVA" $TARGET_JVM_FLAGS "$@" "${PROXY_COMMAND[@]}" >"$log" 2>&1 &
  PROXY_PID=$!
  PIDS+=("$PROXY_PID")
  wait_for_org "$port" "$PROXY_PID" "$log" 600
}
