# shellcheck shell=bash
# Runs an OCI image tarball (as Jib writes it) without a container runtime: what train-class-data.sh,
# bench/image-start and ContainerImageIT share (bench/common.sh takes its free port and readiness wait). Sourced, not
# run. Running an image needs root and util-linux unshare.

# unpack_image TARBALL DIR: the image's layers, in order, into DIR/root; sets IMAGE_ROOT, IMAGE_ENTRYPOINT and
# IMAGE_ENV (arrays: the entrypoint's words, the image's NAME=value environment).
unpack_image() {
  local tarball=$1 dir=$2 manifest config layer
  local -a digests
  tar -xf "$tarball" -C "$dir" index.json blobs
  manifest=$(_image_blob "$dir" "$(_image_digests "$dir/index.json" | head -1)")
  mapfile -t digests < <(_image_digests "$manifest")
  config=$(_image_blob "$dir" "${digests[0]}")
  IMAGE_ROOT=$dir/root
  mkdir -p "$IMAGE_ROOT"
  for layer in "${digests[@]:1}"; do
    tar --warning=no-unknown-keyword -xpzf "$(_image_blob "$dir" "$layer")" -C "$IMAGE_ROOT"
  done
  mkdir -p "$IMAGE_ROOT/proc" "$IMAGE_ROOT/dev"
  # "Entrypoint":["java","-XX:...",...] and "Env":["JAVA_HOME=/opt/java",...]: no quotes or commas in either
  mapfile -t IMAGE_ENTRYPOINT < <(_image_config_list "$config" Entrypoint)
  mapfile -t IMAGE_ENV < <(_image_config_list "$config" Env)
}
_image_config_list() { grep -o "\"$2\":\[[^]]*\]" "$1" | sed "s/^\"$2\":\[//; s/\]\$//" | sed 's/","/\n/g; s/^"//; s/"$//'; }
_image_blob() { echo "$1/blobs/sha256/${2#sha256:}"; }
_image_digests() { grep -o '"digest":"sha256:[0-9a-f]*"' "$1" | cut -d'"' -f4; }

# run_in_image ROOT [--wd DIR] [--user UID:GID] [NAME=VALUE ...] -- COMMAND...: as a container runtime would: own
# mount and PID namespaces, /proc and /dev, the image's root, working directory DIR (default /app), as UID:GID (default
# the caller), only the given environment; the network stays the host's. Replaces the calling shell (run it in a
# subshell, "( run_in_image ... ) &"): the JVM is then that PID's only child. ContainerImageIT runs it too.
run_in_image() {
  local root=$1 wd=/app
  local -a environment=() identity=()
  shift
  while [[ $1 != -- ]]; do
    case $1 in
      --wd) wd=$2; shift ;;
      --user) identity=(--setuid="${2%%:*}" --setgid="${2##*:}"); shift ;;
      *) environment+=("$1") ;;
    esac
    shift
  done
  shift
  exec env -i "${environment[@]}" /usr/bin/unshare --mount /bin/sh -c 'root=$0 wd=$1; shift; /usr/bin/mount --rbind /dev "$root/dev" && exec /usr/bin/unshare --pid --fork --kill-child=SIGTERM --mount-proc --root="$root" --wd="$wd" "$@"' \
    "$root" "$wd" "${identity[@]}" -- "$@"
}

# image_free_port: a port nothing listens on, below the ephemeral range.
image_free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 12000))
    if [[ -z "$(ss -Hltn "sport = :$candidate" 2>/dev/null)" ]]; then echo "$candidate"; return; fi
  done
  echo "no free port" >&2
  return 1
}

# wait_for_listener PORT PID: until a POST that is not a CloudEvent gets 400 (ready), or PID has ended (1).
wait_for_listener() {
  for _ in $(seq 1 3000); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST -d x "http://127.0.0.1:$1/" || true) == 400 ]] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
