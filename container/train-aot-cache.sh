#!/usr/bin/env bash
# Writes the image's AOT cache (JDK 25: the target's classes loaded and linked, and the method profiles of its hot
# path, mapped at start) into a folder that the final Jib build adds as /app/salesforce-target.aot.
#
# A cache only serves the JVM and the class path it was written with (the same java, the same jar paths, sizes and
# times), so the image writes its own: this script unpacks the training image (the same layers as the final one, but
# the cache), runs its entrypoint in that root with -XX:AOTCacheOutput, as the target against a simulated org outside
# the image (the runnable jar, --simulator-only), sends it a few thousand events of the benchmark's default mix
# (bench/driver, "load": creates, retrieves and updates of Accounts) and stops it with SIGTERM; as it exits, the JVM
# writes the cache. Needs root and util-linux unshare (as in CI): the pom gives FLAG as the entrypoint's cache flag
# then (profile image-aot-cache), and -Xshare:auto otherwise, with which this script only warns.
# Usage: train-aot-cache.sh TRAINING_IMAGE_TAR OUTPUT_DIR FLAG BUILD_JAVA_HOME RUNNABLE_JAR
set -euo pipefail
source "$(dirname "$0")/image-root.sh"

image=${1:?training image tarball}
out=${2:?output folder}
flag=${3:?the entrypoint flag: -XX:AOTCache=... or -Xshare:auto}
java_home=${4:?JDK for the simulated org and the load driver}
jar=$(readlink -f "${5:?the runnable jar}")
bench=$(cd "$(dirname "$0")/../bench" && pwd)
# Enough for the method profiles of the hot path, and short enough for CI.
events=4000

rm -rf "$out"
mkdir -p "$out/app"
if [[ $flag != -XX:AOTCache=* ]]; then
  echo "train-aot-cache.sh: WARNING: the image gets no AOT cache (writing it needs root and util-linux unshare); it starts about 1.5 s slower" >&2
  exit 0
fi
cache=${flag#-XX:AOTCache=}
if [[ $(id -u) != 0 || ! -x /usr/bin/unshare ]]; then
  echo "train-aot-cache.sh: $flag, but writing the cache needs root and util-linux unshare" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/salesforce-target-training-XXXX")
namespace=
org=
cleanup() {
  if [[ -n $namespace ]]; then pkill -9 -P "$namespace" 2>/dev/null || true; fi
  if [[ -n $org ]]; then kill "$org" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
failed() {
  echo "train-aot-cache.sh: $1:" >&2
  tail -20 "$2" >&2
  exit 1
}

# The simulated org, on the build's JDK, with a fresh key pair (the target signs its login with key.pem); the image
# unpacked and the load driver compiled (against the runnable jar, whose Jackson writes its JSON) while it starts.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
openssl pkey -in "$work/key.pem" -pubout -out "$work/pub.pem"
org_port=$(image_free_port)
"$java_home/bin/java" -Xmx512m -jar "$jar" --simulator-only --port "$org_port" --public-key "$work/pub.pem" \
  --client-id training --username training@example.com --daily-api-limit 1000000000 >"$work/org.log" 2>&1 &
org=$!
unpack_image "$image" "$work"
"$java_home/bin/javac" -d "$work/driver" -cp "$jar" "$bench"/driver/*.java
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$org_port/__admin/counters" && break
  kill -0 "$org" 2>/dev/null || failed "the simulated org did not start" "$work/org.log"
  sleep 0.05
done

listener=$(image_free_port)
management=$(image_free_port)
# The entrypoint, writing the cache instead of reading it (the training image's entrypoint names none).
command=("${IMAGE_ENTRYPOINT[0]}" -XX:AOTCacheOutput="$cache" -Xlog:aot=error "${IMAGE_ENTRYPOINT[@]:1}")
(run_in_image "$IMAGE_ROOT" "${IMAGE_ENV[@]}" PORT="$listener" HOST=127.0.0.1 \
  MANAGEMENT_PORT="$management" MANAGEMENT_HOST=127.0.0.1 SALESFORCE_AUTH_CLIENT_ID=training \
  SALESFORCE_AUTH_SERVER="http://127.0.0.1:$org_port" SALESFORCE_AUTH_USER=training@example.com \
  SALESFORCE_AUTH_CERT_KEY="$(cat "$work/key.pem")" -- "${command[@]}" >"$work/training.log" 2>&1) &
namespace=$!
wait_for_listener "$listener" "$namespace" || failed "the training run of the image did not start" "$work/training.log"
"$java_home/bin/java" -cp "$work/driver:$jar" bench.driver.LoadDriver load --target-port "$listener" \
  --sim-port "$org_port" --sim-pid "$org" --events "$events" --concurrency 16 ||
  failed "the training load failed" "$work/training.log"

# SIGTERM to the JVM, as a runtime stops a container; it writes the cache as it exits.
pkill -TERM -P "$namespace"
wait "$namespace" || true
namespace=
if [[ ! -s $IMAGE_ROOT$cache ]]; then
  failed "the training run wrote no AOT cache" "$work/training.log"
fi
cp "$IMAGE_ROOT$cache" "$out$cache"
echo "train-aot-cache.sh: $(du -h "$out$cache" | cut -f1) AOT cache in $out$cache, after $events events ($SECONDS s in all)"
