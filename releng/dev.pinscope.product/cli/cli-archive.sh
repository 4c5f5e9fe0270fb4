#!/usr/bin/env bash
# Lays out the headless commands' class path in every materialised product (cli/: unsigned copies of the CLI
# bundles' jars and pinscope-cli.jar naming them) and makes the Linux product's class-data archive
# cli/pinscope-cli.jsa with the building JDK, so that the first `pinscope validate` is already fast (issue 18).
# The start script uses the archive when it runs on the same Java (cli/pinscope-cli.jvm says which); on
# another Java it keeps a per-user archive instead. Runs between materialize-products and archive-products.
# Usage: cli-archive.sh PRODUCTS_DIR   (target/products/dev.pinscope.product)
set -euo pipefail
products=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "CLI ARCHIVE FAILED: $*" >&2; exit 1; }
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
java=$JAVA_HOME/bin/java
# the same list as the start scripts' fallback and the packaged launcher: what PinscopeCli needs on a class path
bundles="dev.pinscope.cli dev.pinscope.engine dev.pinscope.model dev.pinscope.importer dev.pinscope.spin
    org.eclipse.emf.common org.eclipse.emf.ecore org.eclipse.emf.ecore.xmi picocli com.google.gson"

installs=$(find "$products" -mindepth 1 -maxdepth 6 -type d -name plugins -printf '%h\n' | sort)
[ -n "$installs" ] || fail "no materialised product under $products"
for install in $installs; do
    rm -rf "$install/cli"
    # shellcheck disable=SC2086
    "$java" "$here/CliJars.java" "$install" $bundles || fail "could not lay out $install/cli"
done

linux=$products/linux/gtk/x86_64/pinscope
[ -f "$linux/cli/pinscope-cli.jar" ] || fail "no Linux product at $linux"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && unzip -q -o "$(ls "$linux"/plugins/dev.pinscope.model_*.jar)" 'examples/02-*.pinscope')
example=$(ls "$scratch"/examples/02-*.pinscope)
# One training run records what a command loads: compare loads, validates, compiles and explores, so validate,
# run and explore find their classes there too. -Xlog:disable: the JVM lists each class it cannot archive.
t0=$(date +%s%N)
"$java" -Xss8m -Xlog:disable -XX:ArchiveClassesAtExit="$linux/cli/pinscope-cli.jsa" \
    -cp "$linux/cli/pinscope-cli.jar" dev.pinscope.cli.PinscopeCli compare "$example" > "$scratch/out.txt" ||
    { cat "$scratch/out.txt" >&2; fail "the training run of compare failed"; }
[ -s "$linux/cli/pinscope-cli.jsa" ] || fail "the JVM wrote no archive"
grep -E '^(IMPLEMENTOR|JAVA_RUNTIME_VERSION)=' "$JAVA_HOME/release" > "$linux/cli/pinscope-cli.jvm" ||
    fail "$JAVA_HOME/release does not say which Java this is"
echo "cli archive: $(du -h "$linux/cli/pinscope-cli.jsa" | cut -f1) for $(tr '\n' ' ' < "$linux/cli/pinscope-cli.jvm")in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
