#!/usr/bin/env bash
# Build the product if needed (or when asked with --rebuild) and start Pinscope.
#   releng/run.sh [--rebuild] [FILE.pinscope ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
rebuild=false
if [ "${1:-}" = "--rebuild" ]; then rebuild=true; shift; fi
archive=$(ls "$root"/releng/dev.pinscope.product/target/products/pinscope-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -n 1 || true)
if $rebuild || [ -z "$archive" ]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests)
    archive=$(ls "$root"/releng/dev.pinscope.product/target/products/pinscope-*-linux.gtk.x86_64.tar.gz | head -n 1)
fi
dest="$root/releng/dev.pinscope.product/target/run"
if [ ! -x "$dest/pinscope/pinscope" ] || [ "$archive" -nt "$dest/pinscope/pinscope" ]; then
    rm -rf "$dest"; mkdir -p "$dest"; tar -xzf "$archive" -C "$dest"; touch "$dest/pinscope/pinscope"
fi
exec "$dest/pinscope/pinscope" "$@"
