#!/usr/bin/env bash
# Builds the image's runtime files into a folder that Jib adds on top of an empty ("scratch") base:
#   /opt/java            a Java 25 runtime made with jlink from the JDK the image.jdk property names (only the modules
#                        the target uses), with its default class-data archive (used when there is no AOT cache)
#   /lib*/...            the C libraries that runtime needs, copied from this machine (found with ldd)
#   /etc/passwd, /etc/group   the non-root user 65532 "nonroot"
#   /tmp                 writable scratch space (Vert.x's file cache, java.io.tmpdir)
# No registry and no Docker daemon: everything comes from that JDK and this machine's C library.
# Usage: build-runtime.sh OUTPUT_DIR JDK_HOME
set -euo pipefail

out=${1:?output folder}
java_home=${2:?home of the JDK 25 or later whose runtime the image ships}
# jdeps --print-module-deps over the runtime class path (the same with JDK 25's jdeps as with 17's), plus
# jdk.management, found through service loading only (OS metrics of the JVM). TLS with EC keys needs no module of its
# own: since JDK 22 the SunEC provider is in java.base (jdk.crypto.ec is an empty module).
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.rmi,java.security.jgss,java.sql,jdk.jfr,jdk.unsupported,jdk.management

fail() {
  echo "build-runtime.sh: $*" >&2
  exit 1
}
# The image ships the runtime it was measured with: Java 25 (virtual threads per event, the AOT cache). No fallback
# to the JDK running Maven.
[[ -x $java_home/bin/jlink && -f $java_home/release ]] ||
  fail "no JDK at $java_home (the image.jdk property; e.g. mvn -Pimage -Dimage.jdk=/path/to/jdk-25 ...): the image needs a JDK 25 or later"
version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
[[ -n $version && $version -ge 25 ]] ||
  fail "$java_home is Java ${version:-of unknown version} (the image.jdk property): the image needs a JDK 25 or later"

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
# From the JDK's jmods, or, if it has none, from its own run-time image (a linkable runtime, JEP 493, as Temurin's).
if ! "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$out/opt/java"; then
  fail "jlink of $java_home failed: it needs a JDK with jmods or a linkable runtime"
fi
# The C libraries of the runtime's own native code. AWT's (libawt*, fonts, sound, images) are left out: java.desktop
# is there for java.beans, and those libraries are only loaded if a program draws.
natives=("$out/opt/java/bin/java" "$out/opt/java/lib/server/libjvm.so")
for lib in "$out"/opt/java/lib/*.so; do
  case "$(basename "$lib")" in
    libawt*|libfontmanager.so|libfreetype.so|libjavajpeg.so|libjawt.so|libjsound.so|liblcms.so|libmlib_image.so|libsplashscreen.so) ;;
    *) natives+=("$lib") ;;
  esac
done
# ldd prints "libz.so.1 => /lib/.../libz.so.1 (0x...)", and the dynamic loader as "/lib64/ld-linux-x86-64.so.2 (0x...)".
ldd "${natives[@]}" 2>/dev/null | awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' | sort -u |
while read -r path; do
  case "$path" in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$path")"
  cp -L "$path" "$out$path"
done
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "build-runtime.sh: $(du -sh "$out" | cut -f1) in $out"
