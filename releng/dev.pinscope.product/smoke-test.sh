#!/usr/bin/env bash
# Product smoke test: unpack the materialised archive, check the launcher's --version and its
# old-Java message, start the GUI on the current X display, wait for the "Pinscope" window, take a
# screenshot, and fail on any ERROR entry in the workspace log.
#   smoke-test.sh ARCHIVE WORKDIR
set -euo pipefail
archive=$1
work=$2
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

[ -f "$archive" ] || fail "no product archive at $archive"
[ -n "${DISPLAY:-}" ] || fail "no X display; run the build under xvfb-run -a (see README)"
command -v xdotool >/dev/null || fail "xdotool is missing (apt-get install xdotool)"

rm -rf "$work"; mkdir -p "$work"
tar -xzf "$archive" -C "$work"
app="$work/pinscope"
[ -x "$app/pinscope" ] || fail "the archive has no executable pinscope script"

version=$("$app/pinscope" --version)
echo "smoke: $version"
[[ "$version" =~ ^Pinscope\ [0-9]+\.[0-9]+\.[0-9]+\ \(build\ [0-9]{12}\)$ ]] || fail "unexpected --version output: $version"

# An old Java must give the one-line message, not a stack trace.
for old in /usr/lib/jvm/java-17-openjdk-amd64/bin/java; do
    [ -x "$old" ] || continue
    set +e
    msg=$(PATH=/usr/bin:/bin JAVA_HOME= PINSCOPE_JAVA=$old "$app/pinscope" 2>&1 </dev/null); rc=$?
    set -e
    [ $rc -eq 2 ] || fail "launcher with Java 17 exited $rc, expected 2"
    [[ "$msg" == *"needs Java 21 or newer"* ]] || fail "launcher with Java 17 said: $msg"
    [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || fail "launcher with Java 17 printed more than one line: $msg"
    echo "smoke: old Java refused with: $msg"
done

# The headless CLI through the same script: an example validates (exit 0); a missing file gives exit 2
# and exactly one "pinscope: ..." line on stderr. A scratch HOME shows where class-data archives get written.
example=$(ls "$app"/plugins/dev.pinscope.model_*.jar | head -n 1)
(cd "$work" && unzip -q -o "$example" 'examples/02-numa-maps-split-w1.pinscope')
clihome=$work/cli-home
mkdir -p "$clihome"
HOME=$clihome "$app/pinscope" validate "$work/examples/02-numa-maps-split-w1.pinscope" >/dev/null ||
    fail "pinscope validate on a shipped example failed"
set +e
err=$(HOME=$clihome "$app/pinscope" validate "$work/no-such.pinscope" 2>&1 >/dev/null); rc=$?
set -e
[ $rc -eq 2 ] || fail "pinscope validate on a missing file exited $rc, expected 2"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ "$err" == "pinscope: "* ]] ||
    fail "a failing CLI call must print exactly one 'pinscope: ...' line on stderr, got: $err"
echo "smoke: CLI validate -> 0 on an example, missing file -> 2 with: $err"
# ...and without Equinox (issue 18), on the class-data archive the build made (not one made on first use):
# the archive ships, the JVM maps it after unpacking elsewhere (-Xshare:on refuses to run otherwise), and
# the script wrote no archive of its own, nor any OSGi framework state
[ -s "$app/cli/pinscope-cli.jsa" ] || fail "the product has no cli/pinscope-cli.jsa made at build time"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -Xss8m -Xshare:on -Xlog:disable -XX:SharedArchiveFile="$app/cli/pinscope-cli.jsa" -cp "$app/cli/pinscope-cli.jar" \
    dev.pinscope.cli.PinscopeCli validate "$work/examples/02-numa-maps-split-w1.pinscope" >/dev/null ||
    fail "the JVM that built the product cannot map cli/pinscope-cli.jsa in the unpacked product"
[ ! -e "$clihome/.pinscope/cli.jsa" ] && [ ! -e "$app/configuration/cli.jsa" ] ||
    fail "the CLI made its own class-data archive instead of using cli/pinscope-cli.jsa"
[ ! -e "$app/configuration/org.eclipse.osgi" ] || fail "the CLI started Equinox: configuration/org.eclipse.osgi exists"
echo "smoke: CLI ran on a plain class path with the build's AppCDS archive ($(du -k "$app/cli/pinscope-cli.jsa" | cut -f1) KiB)"

ws="$work/workspace"
"$app/pinscope" -data "$ws" > "$work/stdout.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

# generous: on a loaded 2-core build machine the first start has taken over a minute
wait_s=${PINSCOPE_SMOKE_WAIT:-180}
deadline=$((SECONDS + wait_s))
wid=""
while [ $SECONDS -lt $deadline ]; do
    kill -0 $pid 2>/dev/null || { cat "$work/stdout.log" >&2; fail "pinscope exited before showing a window"; }
    wid=$(xdotool search --onlyvisible --name '^Pinscope' 2>/dev/null | head -n 1 || true)
    [ -n "$wid" ] && break
    sleep 1
done
[ -n "$wid" ] || { cat "$work/stdout.log" >&2; fail "no window titled Pinscope within $wait_s s"; }
echo "smoke: window $wid '$(xdotool getwindowname "$wid")' after $((SECONDS - (deadline - wait_s))) s"

sleep 6   # let the workbench finish painting the editor and views
shot="$work/pinscope-main-window.png"
if [ -x /usr/bin/convert ]; then
    xwd -root -silent | /usr/bin/convert xwd:- "$shot" && echo "smoke: screenshot $shot"
else
    xwd -root -silent -out "$work/pinscope-main-window.xwd" && echo "smoke: screenshot $work/pinscope-main-window.xwd"
fi

log="$ws/.metadata/.log"
if [ -f "$log" ] && grep -q '^!ENTRY [^ ]* 4 ' "$log"; then
    cat "$log" >&2
    fail "the workspace log has ERROR entries"
fi
echo "smoke: no ERROR entries in $log"
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
trap - EXIT
echo "smoke: OK"
