#!/usr/bin/env bash
# Writes the image's AppCDS archive (class data of the target, mapped at start: about half the start-up time) into a
# folder that the final Jib build adds as /app/salesforce-target.jsa.
#
# A JDK 17 archive only serves the JVM and the class path it was written with: the same java binary and the same
# jar paths, sizes and times. So the image writes it itself: this script unpacks the training image (the same
# layers as the final one, but the archive), runs its entrypoint in that root in simulator mode, sends one event,
# and stops it; the JVM writes the archive at exit. Needs root and util-linux unshare (as in CI). Without them the
# image gets no archive (the entrypoint's -XX:SharedArchiveFile then names a missing file, which the JVM ignores),
# and a warning says so.
# Usage: train-class-data.sh TRAINING_IMAGE_TAR OUTPUT_DIR
set -euo pipefail
source "$(dirname "$0")/image-root.sh"

image=${1:?training image tarball}
out=${2:?output folder}
archive=/app/salesforce-target.jsa

rm -rf "$out"
mkdir -p "$out/app"
if [[ $(id -u) != 0 || ! -x /usr/bin/unshare ]]; then
  echo "train-class-data.sh: WARNING: the image gets no class-data archive (writing it needs root and util-linux unshare); it starts about 1.4 s slower" >&2
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/salesforce-target-training-XXXX")
namespace=
cleanup() {
  if [[ -n $namespace ]]; then pkill -9 -P "$namespace" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

unpack_image "$image" "$work"
listener=$(image_free_port)
management=$(image_free_port)
# The entrypoint, writing the archive instead of reading it (with ArchiveClassesAtExit, SharedArchiveFile would
# name the base archive).
command=("${IMAGE_ENTRYPOINT[0]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error)
for argument in "${IMAGE_ENTRYPOINT[@]:1}"; do
  [[ $argument == -XX:SharedArchiveFile=* ]] || command+=("$argument")
done
(run_in_image "$IMAGE_ROOT" PATH=/opt/java/bin JAVA_HOME=/opt/java LANG=C.UTF-8 PORT="$listener" HOST=127.0.0.1 \
  MANAGEMENT_PORT="$management" MANAGEMENT_HOST=127.0.0.1 -- "${command[@]}" --simulator >"$work/training.log" 2>&1) &
namespace=$!
if ! wait_for_listener "$listener" "$namespace"; then
  echo "train-class-data.sh: the training run of the image did not start:" >&2
  tail -20 "$work/training.log" >&2
  exit 1
fi
# One event through the whole path (CloudEvent in, login, Salesforce call, reply event out).
curl -s -o /dev/null -X POST "http://127.0.0.1:$listener/" -H 'ce-specversion: 1.0' -H 'ce-id: training' \
  -H 'ce-source: image-build' -H 'ce-type: io.triggermesh.salesforce.apicall' -H 'Content-Type: application/json' \
  -d '{"action":"POST","resource":"sobjects","object":"Account","payload":{"Name":"Training"}}'

# SIGTERM to the JVM, as a runtime stops a container; it writes the archive as it exits.
pkill -TERM -P "$namespace"
wait "$namespace" || true
namespace=
if [[ ! -s $IMAGE_ROOT$archive ]]; then
  echo "train-class-data.sh: the training run wrote no archive:" >&2
  tail -20 "$work/training.log" >&2
  exit 1
fi
cp "$IMAGE_ROOT$archive" "$out$archive"
echo "train-class-data.sh: $(du -h "$out$archive" | cut -f1) class-data archive in $out$archive"
