#!/usr/bin/env bash
# Packaging test: install the .deb into a scratch root with dpkg -x (no root, no system change),
# then, with no Java on PATH and no JAVA_HOME, run the bundled `pinscope --version`, start the GUI
# under the current X display, wait for its window, and restart it to check that the last
# session's editor comes back. Also checks what the package registers (command, menu entry,
# icon, MIME type) and that the app-image tarball starts.
# Usage: test-packages.sh PACKAGES_DIR WORKDIR
set -euo pipefail
deb=$(ls "$1"/pinscope_*_amd64.deb 2>/dev/null | head -n 1)
tarball=$(ls "$1"/pinscope-*-linux-x86_64.tar.gz 2>/dev/null | head -n 1)
work=$2
fail() { echo "PACKAGE TEST FAILED: $*" >&2; exit 1; }
say() { echo "package-test: $*"; }

[ -f "$deb" ] || fail "no pinscope_*_amd64.deb in $1"
[ -f "$tarball" ] || fail "no pinscope-*-linux-x86_64.tar.gz in $1"
[ -n "${DISPLAY:-}" ] || fail "no X display; run the build under xvfb-run -a"
command -v xdotool >/dev/null || fail "xdotool is missing (apt-get install xdotool)"

rm -rf "$work"; mkdir -p "$work"
work=$(cd "$work" && pwd)
root=$work/root
home=$work/home
mkdir -p "$root" "$home"

# --- what the package declares and installs -------------------------------------------------
control=$(dpkg-deb --field "$deb" Package Version Architecture Depends)
say "$(echo "$control" | tr '\n' ' ')"
[[ "$control" == *"Package: pinscope"* && "$control" == *"Architecture: amd64"* ]] || fail "bad control fields: $control"
[[ "$control" != *"java"* && "$control" != *"jdk"* && "$control" != *"jre"* ]] || fail "the package must not depend on a system Java: $control"
dpkg-deb -x "$deb" "$root"
app=$root/opt/pinscope
[ -x "$app/bin/pinscope" ] || fail "no launcher at /opt/pinscope/bin/pinscope"
[ -x "$root/usr/bin/pinscope" ] && grep -q '^exec /opt/pinscope/lib/runtime/bin/java ' "$root/usr/bin/pinscope" ||
    fail "/usr/bin/pinscope does not start the bundled Java"
# the same command in the scratch root: /usr/bin/pinscope with /opt/pinscope where the package was unpacked
usr_pinscope=$work/usr-bin-pinscope
sed "s|/opt/pinscope|$root/opt/pinscope|g" "$root/usr/bin/pinscope" > "$usr_pinscope"
chmod 755 "$usr_pinscope"
[ -x "$app/lib/runtime/bin/java" ] || fail "no bundled runtime"
desktop=$root/usr/share/applications/pinscope.desktop
[ -f "$desktop" ] || fail "no desktop entry"
grep -q '^Exec=/opt/pinscope/bin/pinscope %F$' "$desktop" || fail "the desktop entry does not pass files (%F)"
grep -q '^MimeType=application/x-pinscope;$' "$desktop" || fail "the desktop entry does not claim application/x-pinscope"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root/usr/share/icons/hicolor/256x256/apps/$icon.png" ] || fail "the desktop entry's icon $icon is not installed"
mime=$root/usr/share/mime/packages/pinscope.xml
grep -q 'type="application/x-pinscope"' "$mime" && grep -q 'pattern="\*.pinscope"' "$mime" || fail "the MIME type does not cover *.pinscope"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop entry invalid"; fi
if command -v update-mime-database >/dev/null; then
    # register the type in a scratch database and ask it what a scenario file is
    mkdir -p "$work/mime/packages" && cp "$mime" "$work/mime/packages/"
    update-mime-database "$work/mime" >/dev/null 2>&1 || fail "update-mime-database rejects pinscope.xml"
    grep -q '^application/x-pinscope:\*\.pinscope$' "$work/mime/globs" || fail "the MIME database does not map *.pinscope"
fi
runtime_modules=$("$app/lib/runtime/bin/java" --list-modules | wc -l)
say "runtime: $(du -sh "$app/lib/runtime" | cut -f1), $runtime_modules modules; installed size $(du -sh "$root" | cut -f1)"

# /usr/bin/pinscope names /opt: in the scratch root run $usr_pinscope, its copy with the unpacked paths.
# --- no Java anywhere but the bundled runtime -------------------------------------------------
nojava=$work/bin
mkdir -p "$nojava"
for tool in sh bash env dirname readlink uname cat ls sed grep; do
    t=$(command -v $tool) && ln -sf "$t" "$nojava/$tool"
done
clean_env=(env -i "PATH=$nojava" "HOME=$home" "DISPLAY=$DISPLAY"
    "XAUTHORITY=${XAUTHORITY:-}" "LANG=C.UTF-8" "XDG_RUNTIME_DIR=$work/xdg")
mkdir -p "$work/xdg" && chmod 700 "$work/xdg"
if "${clean_env[@]}" sh -c 'command -v java' >/dev/null 2>&1; then fail "java is still on the test PATH"; fi

version=$("${clean_env[@]}" "$app/bin/pinscope" --version) || fail "pinscope --version failed"
say "$version"
[[ "$version" =~ ^Pinscope\ [0-9]+\.[0-9]+\.[0-9]+\ \(build\ [0-9]{12}\)$ ]] || fail "unexpected --version output: $version"

# --- the headless CLI through the same command ---------------------------------------------------
model_jar=$(ls "$app"/lib/app/plugins/dev.pinscope.model_*.jar 2>/dev/null | head -n 1)
if [ -n "$model_jar" ] && [ -n "$(ls "$app"/lib/app/plugins/dev.pinscope.cli_*.jar 2>/dev/null)" ]; then
    # examples/*.pinscope ship inside the model bundle
    (cd "$work" && unzip -q -o "$model_jar" 'examples/*.pinscope')
    example=$(ls "$work"/examples/*.pinscope | head -n 1)
    set +e
    out=$("${clean_env[@]}" "$app/bin/pinscope" validate "$example" 2>&1); rc=$?
    set -e
    [ $rc -eq 0 ] || fail "pinscope validate $(basename "$example") exited $rc: $out"
    set +e
    out=$("${clean_env[@]}" "$app/bin/pinscope" validate "$work/no-such.pinscope" 2>&1); rc=$?
    set -e
    [ $rc -eq 2 ] || fail "pinscope validate on a missing file exited $rc, expected 2: $out"
    set +e
    err=$("${clean_env[@]}" "$app/bin/pinscope" validate "$work/no-such.pinscope" 2>&1 >/dev/null)
    set -e
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ "$err" == "pinscope: "* ]] ||
        fail "a failing CLI call must print exactly one 'pinscope: ...' line on stderr, got: $err"
    say "CLI: validate $(basename "$example") -> 0, missing file -> 2"
    # /usr/bin/pinscope answers the same as the native launcher (the same JVM, class path and options)
    native_out=$("${clean_env[@]}" "$app/bin/pinscope" validate "$example" 2>&1)
    usr_out=$("${clean_env[@]}" "$usr_pinscope" validate "$example" 2>&1) || fail "/usr/bin/pinscope validate failed: $usr_out"
    [ "$usr_out" = "$native_out" ] || fail "/usr/bin/pinscope and the native launcher differ: '$usr_out' vs '$native_out'"
    [ "$("${clean_env[@]}" "$usr_pinscope" --version)" = "$version" ] || fail "/usr/bin/pinscope --version differs"
    say "CLI: /usr/bin/pinscope (the bundled Java, no package-manager queries) answers as the native launcher"
    # without Equinox (issue 18): an Equinox start would have made the user's OSGi configuration area
    [ ! -e "$home/.pinscope/configuration/org.eclipse.osgi" ] ||
        fail "the CLI started Equinox: $home/.pinscope/configuration/org.eclipse.osgi exists"
    say "CLI: ran on a plain class path (no OSGi configuration area created)"
    [ -s "$app/lib/app/pinscope.aot" ] || fail "the package has no ahead-of-time cache (lib/app/pinscope.aot)"
    grep -q '^java-options=-XX:AOTCache=$APPDIR/pinscope.aot$' "$app/lib/app/pinscope.cfg" ||
        fail "the launcher does not use lib/app/pinscope.aot"
    # the cache was made in the build's image; unpacked elsewhere the JVM must still accept it (AOTMode=on: no
    # cache, no start)
    sed 's|/lib/runtime/bin/java |/lib/runtime/bin/java -XX:AOTMode=on |' "$usr_pinscope" > "$work/aot-on"
    [ "$("${clean_env[@]}" sh "$work/aot-on" --version 2>&1)" = "$version" ] ||
        fail "the JVM cannot use lib/app/pinscope.aot where the package is installed: $("${clean_env[@]}" sh "$work/aot-on" --version 2>&1 | head -n 3)"
    say "CLI: the ahead-of-time cache maps where the package is installed (-XX:AOTMode=on)"
    # the framework and the launcher are read by a URLClassLoader: from a signed jar the JDK digests every class and
    # the archive holds none of them
    for jar in "$app"/lib/app/plugins/org.eclipse.osgi_*.jar "$app"/lib/app/plugins/org.eclipse.equinox.launcher_*.jar; do
        ! unzip -Z1 "$jar" | grep -E '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' >/dev/null || fail "$(basename "$jar") is signed in the package"
    done

    # --- start-up figures (issue 18): `pinscope validate` of a shipped example, wall and CPU seconds ------
    # median of 3 by wall time; "before" is the same command as an Equinox application (as it ran before),
    # on the same bundled runtime, its configuration area made by one unmeasured first run
    measure() {
        local runs=()
        for _ in 1 2 3; do
            runs+=("$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1; } 2>&1 | tail -n 1)")
        done
        printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'
    }
    launcher_jar=$(ls "$app"/lib/app/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
    equinox=("${clean_env[@]}" "$app/lib/runtime/bin/java" -Xss8m -Declipse.ignoreApp=false -jar "$launcher_jar"
        -install "$app/lib/app" -configuration "$work/equinox-configuration" -data @none
        -application dev.pinscope.cli.app -nosplash validate "$example")
    "${equinox[@]}" >/dev/null 2>&1 || fail "validate as an Equinox application failed"
    # with the PATH of a Debian system: the native launcher asks dpkg (and rpm) who owns it on every start
    full_env=(env -i "PATH=/usr/sbin:/usr/bin:/sbin:/bin" "HOME=$home" "LANG=C.UTF-8")
    read -r native_wall native_cpu <<< "$(measure "${full_env[@]}" "$app/bin/pinscope" validate "$example")"
    read -r after_wall after_cpu <<< "$(measure "${full_env[@]}" "$usr_pinscope" validate "$example")"
    read -r before_wall before_cpu <<< "$(measure "${equinox[@]}")"
    say "startup: /usr/bin/pinscope validate $(basename "$example"): ${after_wall} s wall, ${after_cpu} s CPU (plain class path + ahead-of-time cache); native launcher /opt/pinscope/bin/pinscope: ${native_wall} s wall, ${native_cpu} s CPU; before (Equinox): ${before_wall} s wall, ${before_cpu} s CPU; CPU $(awk -v a="$after_cpu" -v b="$before_cpu" 'BEGIN { printf "%.0f", 100 * a / b }') % of before; load $(cut -d' ' -f1 /proc/loadavg)"
else
    fail "the package has no dev.pinscope.cli or dev.pinscope.model bundle"
fi

# --- the GUI ---------------------------------------------------------------------------------
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; }
trap cleanup EXIT

# start_gui NAME_REGEX [ARGS...]: start, wait for a visible window whose title matches, set $wid
start_gui() {
    local pattern=$1; shift
    local t0=$(date +%s%N)
    rm -f "$work/startup-$runs.txt"
    "${clean_env[@]}" "PINSCOPE_STARTUP_REPORT=$work/startup-$runs.txt" "$app/bin/pinscope" "$@" > "$work/gui-$runs.log" 2>&1 &
    pid=$!
    wid=""
    local deadline=$((SECONDS + 180))  # a loaded 2-core machine has needed over a minute
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/gui-$runs.log" >&2; fail "pinscope exited before showing a window"; }
        wid=$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -n 1 || true)
        [ -n "$wid" ] && break
        sleep 0.2
    done
    [ -n "$wid" ] || { xdotool search --onlyvisible --name 'Pinscope' getwindowname %@ >&2 || true; cat "$work/gui-$runs.log" >&2; fail "no window matching '$pattern' within 180 s"; }
    startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    # the process really runs on the bundled JVM
    grep -q "$app/lib/runtime/lib/server/libjvm.so" "/proc/$pid/maps" || fail "the GUI does not run on the bundled runtime"
}

quit_gui() {
    # File > Exit through the menu mnemonics, like a user: GTK ignores synthetic key events sent
    # to a window, so focus it first (there is no window manager under Xvfb to activate it)
    xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
    sleep 0.3
    xdotool key alt+f
    sleep 0.8
    xdotool key x
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; pid=""; return 0; }
        sleep 0.5
    done
    fail "pinscope did not quit through File > Exit within 30 s"
}

check_log() {
    local log=$home/.pinscope/workspace/.metadata/.log
    if [ -f "$log" ] && grep -q '^!ENTRY [^ ]* 4 ' "$log"; then
        cat "$log" >&2
        fail "the workspace log has ERROR entries"
    fi
}

# startup_report [check]: waits for the report the application writes once its window and editor have been painted
# (PINSCOPE_STARTUP_REPORT) and sets $rendered_ms; with "check", also that nothing the window does not need was
# started for it: not Eclipse Debug or Pinscope's debugger, not the help server (Jetty, the help webapp), not p2.
# (Only on the restart, which restores the scenario editor alone: the first start also opens the text file, and the
# platform's text editor asks Eclipse Debug for its code minings.)
startup_report() {
    local report=$work/startup-$runs.txt
    for _ in $(seq 1 600); do [ -s "$report" ] && break; sleep 0.1; done
    [ -s "$report" ] || fail "the GUI wrote no start-up report to $report within 60 s of showing its window"
    rendered_ms=$(sed -n 's/^rendered-ms=//p' "$report")
    [[ "$rendered_ms" =~ ^[0-9]+$ ]] || fail "no rendered-ms in the start-up report: $(cat "$report")"
    local active
    active=$(sed -n 's/^active-bundles=//p' "$report" | tr ',' '\n')
    [ "${1:-}" = check ] || return 0
    echo "$active" | grep -q '^dev\.pinscope\.diagram$' || fail "the start-up report lists no active dev.pinscope.diagram: $(cat "$report")"
    local started
    started=$(echo "$active" | grep -E '^(org\.eclipse\.debug\.|dev\.pinscope\.debug\.|org\.eclipse\.help\.(base|ui|webapp)$|org\.eclipse\.equinox\.http\.|org\.eclipse\.jetty\.|org\.eclipse\.equinox\.p2\.)' || true)
    [ -z "$started" ] || fail "started for the first window although it does not need them: $(echo $started)"
}

# First start (empty configuration) with a file and a scenario, quit through the menu, start again without
# arguments: the window must come back with the same editors, the scenario's active (session restore).
notes=$work/notes.txt
echo "pin vs zap" > "$notes"
scenario_title="^Pinscope - $(basename "$example" | sed 's/\./\\./g') *\$"
runs=1
start_gui "$scenario_title" "$notes" "$example"
first_ms=$startup_ms
startup_report
first_rendered_ms=$rendered_ms
say "first start (empty configuration) with a file and a scenario: window '$(xdotool getwindowname "$wid")' after ${startup_ms} ms"
sleep 3
import -window root "$work/deb-first-start.png" 2>/dev/null || true
quit_gui
check_log
[ -d "$home/.pinscope/configuration" ] || fail "no per-user configuration in \$HOME/.pinscope (a read-only /opt install needs it)"
[ -d "$home/.pinscope/workspace/.metadata" ] || fail "no workspace in \$HOME/.pinscope/workspace"
[ ! -e "$app/configuration/org.eclipse.osgi" ] || fail "the GUI wrote its OSGi state into the install folder"
runs=2
start_gui "$scenario_title"
warm_ms=$startup_ms
startup_report check
warm_rendered_ms=$rendered_ms
say "restart without arguments restored '$(xdotool getwindowname "$wid")': window after ${startup_ms} ms, painted ${rendered_ms} ms after the JVM started; neither the debugger, the help server nor p2 had started"
sleep 3
import -window root "$work/deb-restored-session.png" 2>/dev/null || true
quit_gui
check_log

# --- the app-image tarball is the same thing, relocatable --------------------------------------
mkdir -p "$work/tarball"
tar -xzf "$tarball" -C "$work/tarball"
tv=$("${clean_env[@]}" "$work/tarball/pinscope/bin/pinscope" --version) || fail "the tarball's pinscope --version failed"
[ "$tv" = "$version" ] || fail "the tarball reports '$tv', the .deb '$version'"

trap - EXIT
say "startup: GUI window with the restored editor after ${warm_ms} ms on a restart (painted ${warm_rendered_ms} ms after the JVM started), ${first_ms} ms on a first start (empty configuration; painted after ${first_rendered_ms} ms); load $(cut -d' ' -f1 /proc/loadavg)"
say "OK (window after ${first_ms} ms on a first start, ${warm_ms} ms on a restart)"
