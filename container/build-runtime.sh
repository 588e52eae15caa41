#!/usr/bin/env bash
# Builds the image's runtime files into a folder that Jib adds on top of an empty ("scratch") base:
#   /opt/java            a Java runtime made with jlink from the JDK running Maven (only the modules the target uses),
#                        with its base class-data archive (the application's archive, train-class-data.sh, builds on it)
#   /lib*/...            the C libraries that runtime needs, copied from this machine (found with ldd)
#   /etc/passwd, /etc/group   the non-root user 65532 "nonroot"
#   /tmp                 writable scratch space (Vert.x's file cache, java.io.tmpdir)
# No registry and no Docker daemon: everything comes from the build machine's JDK and C library.
# Usage: build-runtime.sh OUTPUT_DIR JAVA_HOME
set -euo pipefail

out=${1:?output folder}
java_home=${2:?JAVA_HOME of a JDK with jmods}
# jdeps --print-module-deps over the runtime classpath, plus the modules found through service loading only:
# jdk.crypto.ec (TLS with EC keys, as Salesforce uses) and jdk.management (OS metrics of the JVM).
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.rmi,java.security.jgss,java.sql,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.management

if [[ ! -d "$java_home/jmods" ]]; then
  echo "build-runtime.sh: $java_home has no jmods folder; jlink needs a full JDK (Debian: openjdk-17-jdk-headless)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --generate-cds-archive --output "$out/opt/java"

# The C libraries of the runtime's own native code. AWT's (libawt*, fonts, sound, images) are left out: java.desktop
# is there for java.beans, and those libraries are only loaded if a program draws.
natives=("$out/opt/java/bin/java" "$out/opt/java/lib/server/libjvm.so")
for lib in "$out"/opt/java/lib/*.so; do
  case "$(basename "$lib")" in
    libawt*|libfontmanager.so|libjavajpeg.so|libjawt.so|libjsound.so|liblcms.so|libmlib_image.so|libsplashscreen.so) ;;
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
