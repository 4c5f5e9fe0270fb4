#!/usr/bin/env bash
# GUI start benchmark (issue 18 point 6): how long from starting Pinscope until its window shows the last editor.
#   releng/bench/gui-start.sh [LAUNCHER] [RUNS]
#   LAUNCHER  bin/pinscope of the app image (default: the one releng/dev.pinscope.packages built), or the
#             product archive's pinscope script
#   RUNS      warm starts after the cold one (default 5)
# Cold: a fresh HOME, so no OSGi configuration and no workspace yet, opening a shipped example from the
# command line (the file system cache is whatever the machine has: this does not drop it). Warm: the same HOME
# again without arguments; the workbench restores the example's editor. The figure is the time from the exec
# to a visible window titled "Pinscope - <example>" (the editor is active, so its part is created and laid out),
# polled every 50 ms with xdotool; also the process's CPU time at that moment. Each run quits through File > Exit, as a user would, so the next one restores.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x1000x24") and xdotool. A benchmark, not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-$here/../dev.pinscope.packages/target/package-build/image/pinscope/bin/pinscope}
runs=${2:-5}
fail() { echo "gui-start: $*" >&2; exit 1; }
[ -x "$app" ] || fail "no launcher at $app (build the packages first: ./mvnw -o -B package -DskipTests)"
[ -n "${DISPLAY:-}" ] || fail "no X display; run under xvfb-run -a"
command -v xdotool >/dev/null || fail "xdotool is missing (apt-get install xdotool)"

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/home" "$work/xdg" && chmod 700 "$work/xdg"
plugins=$(dirname "$app")/../lib/app/plugins
[ -d "$plugins" ] || plugins=$(dirname "$app")/plugins
(cd "$work" && unzip -q -o "$(ls "$plugins"/dev.pinscope.model_*.jar | head -n 1)" 'examples/02-*.pinscope')
example=$(ls "$work"/examples/02-*.pinscope)
title="^Pinscope - $(basename "$example" | sed 's/\./\\./g')"

# start [ARGS...]: prints the milliseconds until the window shows the example's editor
start() {
    local t0 wid=""
    t0=$(date +%s%N)
    env -i "PATH=/usr/bin:/bin" "HOME=$work/home" "DISPLAY=$DISPLAY" "XAUTHORITY=${XAUTHORITY:-}" "LANG=C.UTF-8" \
        "XDG_RUNTIME_DIR=$work/xdg" ${EXTRA:+"EXTRA=$EXTRA"} ${PINSCOPE_JAVA:+"PINSCOPE_JAVA=$PINSCOPE_JAVA"} "$app" "$@" > "$work/gui.log" 2>&1 &
    pid=$!
    while [ -z "$wid" ]; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/gui.log" >&2; fail "pinscope exited before showing its window"; }
        [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 120 ] || fail "no window '$title' within 120 s"
        wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)
        [ -n "$wid" ] || sleep 0.05
    done
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    # CPU time of the process so far (utime + stime, in clock ticks): less sensitive to load than wall time
    local ticks
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    echo "$ms $(( ticks * 1000 / $(getconf CLK_TCK) ))"
    # File > Exit through the menu mnemonics (GTK ignores synthetic keys to an unfocused window)
    sleep 2
    xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
    sleep 0.3
    xdotool key alt+f; sleep 0.8; xdotool key x
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; pid=""; return 0; }
        sleep 0.25
    done
    fail "pinscope did not quit through File > Exit"
}

read -r cold cold_cpu <<< "$(start "$example")"
warm=(); warm_cpu=()
for _ in $(seq 1 "$runs"); do
    read -r w c <<< "$(start)"
    warm+=("$w"); warm_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "gui-start: $app"
echo "gui-start: cold (fresh HOME) ${cold} ms wall, ${cold_cpu} ms CPU"
echo "gui-start: warm ${warm[*]} ms wall (median $(median "${warm[@]}") ms), CPU ${warm_cpu[*]} ms (median $(median "${warm_cpu[@]}") ms)"
echo "gui-start: load $(cut -d' ' -f1-3 /proc/loadavg)"
