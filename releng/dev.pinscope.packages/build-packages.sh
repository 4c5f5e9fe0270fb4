#!/usr/bin/env bash
# Builds the self-contained Linux packages from the materialised product archive:
#   pinscope-<version>-linux-x86_64.tar.gz   jpackage app image (native launcher + jlink'ed runtime)
#   pinscope_<version>_amd64.deb             the same image under /opt/pinscope, plus /usr/bin/pinscope,
#                                            desktop entry, icons and the .pinscope MIME type
# Usage: build-packages.sh PRODUCT_DIR OUT_DIR
#   PRODUCT_DIR holds pinscope-<version>-linux.gtk.x86_64.tar.gz (releng/dev.pinscope.product/target/products)
set -euo pipefail
products=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
icons=$here/../../bundles/dev.pinscope.app/icons
fail() { echo "PACKAGING FAILED: $*" >&2; exit 1; }

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
for tool in jlink jpackage javac jar; do
    [ -x "$JAVA_HOME/bin/$tool" ] || fail "$JAVA_HOME/bin/$tool is missing; a full JDK 21+ (e.g. Temurin 25) is needed"
done
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (apt-get install dpkg-dev)"
command -v zip >/dev/null || fail "zip is missing (apt-get install zip)"
product=$(ls "$products"/pinscope-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -n 1)
[ -n "$product" ] || fail "no pinscope-*-linux.gtk.x86_64.tar.gz in $products; build releng/dev.pinscope.product first"
version=$(basename "$product" -linux.gtk.x86_64.tar.gz); version=${version#pinscope-}
mkdir -p "$out"; out=$(cd "$out" && pwd)

# scratch space beside the packages, removed at the end except for the app image
work=$(dirname "$out")/package-build
rm -rf "$work" "$out"/pinscope-*.tar.gz "$out"/pinscope_*.deb
mkdir -p "$work" "$out"
start=$SECONDS

# 1. The product, with the plain-archive start script replaced by the launcher class below
tar -xzf "$product" -C "$work"
input=$work/pinscope
rm -f "$input/pinscope" "$input/pinscope.desktop" "$input/pinscope.png"
launcher=$(cd "$input/plugins" && ls org.eclipse.equinox.launcher_*.jar | head -n 1)
[ -n "$launcher" ] || fail "the product has no Equinox launcher"

# The launcher and the OSGi framework are the two jars a URLClassLoader reads (every bundle after them is read by
# Equinox, which does not check signatures). From a signed jar the JDK checks every class's digest as it loads and
# the class-data archive keeps none of its classes: the framework's ~520 classes were parsed, verified and hashed
# on every start. The package's copies are unsigned (their per-entry digests stay in the manifest, unused).
framework=$(cd "$input/plugins" && ls org.eclipse.osgi_*.jar | head -n 1)
[ -n "$framework" ] || fail "the product has no OSGi framework (plugins/org.eclipse.osgi_*.jar)"
# (The listing is read whole: `unzip | grep -q` under pipefail fails when grep stops reading early, and so had left
# the framework signed on most builds.)
signature='^META-INF/[^/]+\.(SF|RSA|DSA|EC)$'
for jar in "$launcher" "$framework"; do
    entries=$(unzip -Z1 "$input/plugins/$jar")
    if grep -qE "$signature" <<< "$entries"; then
        zip -q -d "$input/plugins/$jar" 'META-INF/*.SF' 'META-INF/*.RSA' 'META-INF/*.DSA' 'META-INF/*.EC' >/dev/null ||
            fail "could not remove the signature of $jar"
    fi
    ! unzip -Z1 "$input/plugins/$jar" | grep -E "$signature" >/dev/null || fail "$jar is still signed"
done

# Stored, not deflated (StoreJars.java says why): 87 MB of jars become ~195 MB installed, the packages stay the same size
"$JAVA_HOME/bin/java" "$here/src/StoreJars.java" "$input/plugins" || fail "could not store the plugin jars uncompressed"

mkdir -p "$work/classes"
"$JAVA_HOME/bin/javac" --release 21 -d "$work/classes" "$here/src/launcher/dev/pinscope/launch/Main.java"
"$JAVA_HOME/bin/jar" --create --file "$input/pinscope-launch.jar" -C "$work/classes" .

# 2. A runtime with only what the platform uses. jdeps cannot see reflective use: java.logging
#    (Equinox, Jetty), java.desktop (the SVG rasterizer), naming/jgss/compiler/instrument (help
#    webapp, Jetty, Jasper), jdk.management (Lucene), jdk.unsupported (sun.misc.Unsafe users).
modules=java.base,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.xml.dom,java.naming,java.security.jgss,java.compiler,java.instrument,jdk.management,jdk.unsupported,jdk.crypto.cryptoki,java.net.http,jdk.zipfs
#    --generate-cds-archive: the runtime's own base class-data archive (a jlink'ed runtime has none otherwise);
#    the application's archive below is a layer on top of it.
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --generate-cds-archive --output "$work/runtime"
# the archive for -XX:-UseCompressedOops only: with -Xmx2g the JVM always uses compressed oops (14 MB less)
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"
echo "packages: runtime $(du -sh "$work/runtime" | cut -f1) after $((SECONDS - start)) s"

# 3. The app image. -XX:CompileThresholdScaling=3: a warm start of the window spent about half its CPU in the JIT
#    (C2 ~2.1 s, C1 ~1.0 s of ~6.3 s, on two cores where the UI thread needs one) compiling start-up code that
#    runs a few thousand times and never again; with 3x the invocation counts before each tier, the JIT's share
#    halves and the UI thread's own CPU grows by ~0.2 s. An exploration or a long CLI command reaches the same C2
#    code after a few more milliseconds of warm-up. Settings go in as -D options, not launcher arguments: jpackage drops
#    --arguments as soon as the user passes one (a file to open). $APPDIR is the only variable
#    that is right both in the image and once installed.
"$JAVA_HOME/bin/jpackage" --type app-image --name pinscope --dest "$work/image" \
    --app-version "$version" --vendor Pinscope --description "VFIO pin-vs-zap race workbench" \
    --input "$input" --main-jar pinscope-launch.jar --main-class dev.pinscope.launch.Main \
    --runtime-image "$work/runtime" --icon "$icons/pinscope-256.png" \
    --java-options '-Xmx2g' --java-options '--enable-native-access=ALL-UNNAMED' --java-options '-XX:CompileThresholdScaling=3' \
    --java-options '-XX:AOTCache=$APPDIR/pinscope.aot' --java-options '-Xlog:disable' \
    --java-options '-Dosgi.install.area=$APPDIR' \
    --java-options '-Dosgi.sharedConfiguration.area=$APPDIR/configuration' \
    --java-options '-Dosgi.configuration.area=@user.home/.pinscope/configuration' \
    --java-options '-Dosgi.instance.area.default=@user.home/.pinscope/workspace' \
    --java-options '-Dosgi.user.area=@user.home/.pinscope'
image=$work/image/pinscope
cfg=$image/lib/app/pinscope.cfg
# jpackage puts every jar of --input on the class path; OSGi must load the bundles itself.
grep -v '^app.classpath=' "$cfg" > "$cfg.new"
# cli/pinscope-cli.jar (the headless commands' unsigned jars, made with the product) goes on it too: Equinox's
# bundles never see the application class path, and the class-data archive can hold the CLI's classes.
[ -f "$image/lib/app/cli/pinscope-cli.jar" ] || fail "the product has no cli/pinscope-cli.jar"
sed -i "s|^\[Application\]\$|[Application]\napp.classpath=\$APPDIR/pinscope-launch.jar\napp.classpath=\$APPDIR/plugins/$launcher\napp.classpath=\$APPDIR/cli/pinscope-cli.jar|" "$cfg.new"
mv "$cfg.new" "$cfg"
grep -q "app.classpath=\$APPDIR/cli/pinscope-cli.jar" "$cfg" || fail "could not rewrite the class path in $cfg"
# the product's archive fits the JDK that built it, not this runtime: this image gets its own
rm -f "$image/lib/app/cli/pinscope-cli.jsa" "$image/lib/app/cli/pinscope-cli.jvm"

# 3b. The ahead-of-time cache of the image (JEP 483/514/515), made now so that the first start is already fast.
#     One training JVM with the image's runtime, class path and options loads what the headless commands load
#     (validate and compare of a shipped example, in-process: Main's pinscope.cds.train) and then, where
#     there is a display and xdotool (CI builds under Xvfb), opens that example in the workbench and quits
#     through File > Exit; at exit (-XX:AOTCacheOutput) a second JVM writes the cache: every class the training
#     loaded, Equinox's bundles' included, the JDK's classes loaded and linked, the module graph, and the
#     training's method profiles, so the JIT compiles the start's hot code once, with the right profile, instead
#     of after a profiling tier. Against the plain class-data archive (-XX:ArchiveClassesAtExit) that this replaces,
#     a warm window start costs the UI thread ~0.4 s less CPU. The launcher's -XX:AOTCache=$APPDIR/pinscope.aot maps
#     it; the JVM accepts it after the image moves (the .deb's /opt/pinscope) because the class path keeps its
#     shape (the packaging test checks it with -XX:AOTMode=on). Without a display: the CLI only.
scratch=$work/train
mkdir -p "$scratch"
(cd "$scratch" && unzip -q -o "$(ls "$image"/lib/app/plugins/dev.pinscope.model_*.jar)" 'examples/02-*.pinscope')
example=$(ls "$scratch"/examples/02-*.pinscope)
train=(env "HOME=$scratch" "$image/lib/runtime/bin/java" -Xmx2g -Xss8m --enable-native-access=ALL-UNNAMED -Xlog:disable
    -XX:AOTCacheOutput="$image/lib/app/pinscope.aot" -Dpinscope.cds.train="$example"
    -Dosgi.install.area="$image/lib/app" -Dosgi.sharedConfiguration.area="$image/lib/app/configuration"
    -Dosgi.configuration.area="$scratch/.pinscope/configuration" -Dosgi.instance.area.default="$scratch/.pinscope/workspace"
    -Dosgi.user.area="$scratch/.pinscope"
    -cp "$image/lib/app/pinscope-launch.jar:$image/lib/app/plugins/$launcher:$image/lib/app/cli/pinscope-cli.jar"
    dev.pinscope.launch.Main)
t0=$(date +%s%N)
if [ -n "${DISPLAY:-}" ] && command -v xdotool >/dev/null; then
    "${train[@]}" "$example" > "$scratch/out.txt" 2>&1 &
    gui=$!
    title="^Pinscope - $(basename "$example" | sed 's/\./\\./g')"
    wid=""
    for _ in $(seq 1 900); do
        kill -0 "$gui" 2>/dev/null || break
        wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)
        [ -n "$wid" ] && break
        sleep 0.2
    done
    [ -n "$wid" ] || { kill "$gui" 2>/dev/null; cat "$scratch/out.txt" >&2; fail "the training run showed no window '$title' within 180 s"; }
    sleep 3 # the editor's diagram, outline and properties render
    xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
    sleep 0.3
    xdotool key alt+f; sleep 0.8; xdotool key x
    # after the window closes the JVM assembles the cache in a child JVM (~15 s on a quiet machine)
    for _ in $(seq 1 1200); do kill -0 "$gui" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$gui" 2>/dev/null; then kill "$gui"; wait "$gui" 2>/dev/null || true; fail "the training run did not quit through File > Exit and write its cache within 300 s"; fi
    wait "$gui" || { cat "$scratch/out.txt" >&2; fail "the training run failed"; }
    trained="the CLI and the workbench"
else
    "${train[@]}" validate "$example" > "$scratch/out.txt" 2>&1 ||
        { cat "$scratch/out.txt" >&2; fail "the training run for the ahead-of-time cache failed"; }
    trained="the CLI only (no display)"
fi
[ -s "$image/lib/app/pinscope.aot" ] || { cat "$scratch/out.txt" >&2; fail "the training run wrote no ahead-of-time cache"; }
[ ! -e "$image/lib/app/pinscope.aot.config" ] || fail "the training left its AOT configuration in the image"
[ ! -e "$image/lib/app/configuration/org.eclipse.osgi" ] || fail "the training run wrote OSGi state into the image"
rm -rf "$scratch"
echo "packages: ahead-of-time cache $(du -h "$image/lib/app/pinscope.aot" | cut -f1) for $trained in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
echo "packages: app image $(du -sh "$image" | cut -f1) after $((SECONDS - start)) s"

tarball=$out/pinscope-$version-linux-x86_64.tar.gz
tar -C "$work/image" -czf "$tarball" pinscope

# 4. The .deb, assembled directly so every file it installs is visible here; Debian's own
#    triggers (shared-mime-info, desktop-file-utils, hicolor) register MIME type, menu entry and icons.
root=$work/deb
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages" "$root/DEBIAN"
cp -a "$image" "$root/opt/pinscope"
# /usr/bin/pinscope runs the bundled Java itself, with exactly the options and class path of the launcher's
# pinscope.cfg: jpackage's native launcher asks rpm and dpkg which package owns it on every start
# (`dpkg -S` alone costs ~0.4 s, as much as a whole `pinscope validate`). The desktop entry keeps the native one.
{
    echo '#!/bin/sh'
    echo '# Pinscope (generated from /opt/pinscope/lib/app/pinscope.cfg by build-packages.sh): the same JVM the native'
    echo '# launcher /opt/pinscope/bin/pinscope starts, without its package-manager queries.'
    echo 'APPDIR=/opt/pinscope/lib/app'
    printf 'exec /opt/pinscope/lib/runtime/bin/java -classpath "%s"' "$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd: -)"
    sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do printf ' \\\n    "%s"' "$option"; done
    printf ' \\\n    "-Djpackage.app-path=/opt/pinscope/bin/pinscope" %s "$@"\n' "$(sed -n 's/^app.mainclass=//p' "$cfg")"
} > "$root/usr/bin/pinscope"
chmod 755 "$root/usr/bin/pinscope"
grep -q '^exec /opt/pinscope/lib/runtime/bin/java ' "$root/usr/bin/pinscope" || fail "could not write /usr/bin/pinscope"
install -m 644 "$here/deb/pinscope.desktop" "$root/usr/share/applications/pinscope.desktop"
install -m 644 "$here/deb/pinscope-mime.xml" "$root/usr/share/mime/packages/pinscope.xml"
for size in 16 32 64 128 256; do
    install -D -m 644 "$icons/pinscope-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/pinscope.png"
    install -D -m 644 "$icons/pinscope-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-pinscope.png"
done
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kb/" "$here/deb/control" > "$root/DEBIAN/control"
deb=$out/pinscope_${version}_amd64.deb
# gzip: xz would save ~10 % but costs a minute of CI time on two cores
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "packages: $(basename "$tarball") $(du -h "$tarball" | cut -f1), $(basename "$deb") $(du -h "$deb" | cut -f1), total $((SECONDS - start)) s"
rm -rf "$work/deb" "$work/pinscope" "$work/classes"
