#!/usr/bin/env bash
# GUI start benchmark (issue 18 point 6): how long from starting Pinscope until its window shows the last editor.
#   releng/bench/gui-start.sh [LAUNCHER] [RUNS]
#   LAUNCHER  bin/pinscope of the app image (default: the one releng/dev.pinscope.packages built), or the
#             product archive's pinscope script
#   RUNS      rounds (default 5); each round is one cold and one warm start, so both see the same load
# Cold: a fresh HOME, so no OSGi configuration and no workspace yet, opening a shipped example from the
# command line (the file system cache is whatever the machine has: this does not drop it). Warm: the same HOME
# again without arguments; the workbench restores the example's editor. Two figures per start:
#   window    from the exec to a visible window titled "Pinscope - <example>" (the editor is active), polled every
#             50 ms with xdotool, and the process's CPU time at that moment;
#   rendered  what the application itself reports (PINSCOPE_STARTUP_REPORT): milliseconds from the JVM's start until
#             the window, its editor included, has been painted.
#   ui CPU    the CPU time of the busiest thread that is not the JIT's or the GC's (the UI thread: the critical path)
# Each start quits through File > Exit, as a user would, so the next one restores. Medians at the end.
# Needs an X display (xvfb-run -a -s "-screen 0 1600x1000x24") and xdotool. A benchmark, not a test.
# On a shared machine (other builds running), the nearest to a quiet one: run it, Xvfb included, in a scheduler
# autogroup of its own at a high priority (root, Linux with autogroups), so the other builds yield the cores:
#   setsid -w bash -c 'echo -15 > /proc/self/autogroup && exec xvfb-run -a -s "-screen 0 1600x1000x24" releng/bench/gui-start.sh'
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
plugins=$(dirname "$app")/../lib/app/plugins
[ -d "$plugins" ] || plugins=$(dirname "$app")/plugins
(cd "$work" && unzip -q -o "$(ls "$plugins"/dev.pinscope.model_*.jar | head -n 1)" 'examples/02-*.pinscope')
example=$(ls "$work"/examples/02-*.pinscope)
title="^Pinscope - $(basename "$example" | sed 's/\./\\./g')"

# start [ARGS...]: prints "window-ms cpu-ms rendered-ms" for a start that shows the example's editor
start() {
    local t0 wid="" report=$work/startup-report
    rm -f "$report"
    t0=$(date +%s%N)
    env -i "PATH=/usr/bin:/bin" "HOME=$work/home" "DISPLAY=$DISPLAY" "XAUTHORITY=${XAUTHORITY:-}" "LANG=C.UTF-8" \
        "XDG_RUNTIME_DIR=$work/xdg" "PINSCOPE_STARTUP_REPORT=$report" \
        ${PINSCOPE_JAVA:+"PINSCOPE_JAVA=$PINSCOPE_JAVA"} "$app" "$@" > "$work/gui.log" 2>&1 &
    pid=$!
    while [ -z "$wid" ]; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/gui.log" "$work"/home/.pinscope/configuration/*.log >&2 2>/dev/null; fail "pinscope exited before showing its window"; }
        [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 120 ] || { kill "$pid"; fail "no window '$title' within 120 s"; }
        wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)
        [ -n "$wid" ] || sleep 0.05
    done
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    # CPU time of the process so far (utime + stime, in clock ticks): less sensitive to load than wall time
    local ticks ui
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    ui=$(for task in /proc/$pid/task/*; do
        # comm may hold spaces ("C2 CompilerThre"): the fields after the closing parenthesis
        { read -r stat < "$task/stat" && read -r comm < "$task/comm"; } 2>/dev/null || continue
        case $comm in C1\ Compiler*|C2\ Compiler*|GC\ *|G1\ *) continue ;; esac
        set -- ${stat##*) }; echo $(( ${12} + ${13} ))
    done | sort -n | tail -n 1)
    # the application's own figure, written once the editor has been painted (normally already there)
    for _ in $(seq 1 600); do [ -s "$report" ] && break; sleep 0.1; done
    local rendered
    rendered=$(sed -n 's/^rendered-ms=//p' "$report" 2>/dev/null || true)
    echo "$ms $(( ticks * 1000 / $(getconf CLK_TCK) )) ${rendered:--} $(( ${ui:-0} * 1000 / $(getconf CLK_TCK) ))"
    # File > Exit through the menu mnemonics (GTK ignores synthetic keys to an unfocused window)
    sleep 2
    xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
    sleep 0.3
    xdotool key alt+f; sleep 0.8; xdotool key x
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; pid=""; return 0; }
        sleep 0.25
    done
    kill "$pid"
    fail "pinscope did not quit through File > Exit"
}

cold=(); cold_cpu=(); cold_rendered=(); cold_ui=(); warm=(); warm_cpu=(); warm_rendered=(); warm_ui=()
for round in $(seq 1 "$runs"); do
    rm -rf "$work/home" "$work/xdg" && mkdir -p "$work/home" "$work/xdg" && chmod 700 "$work/xdg"
    read -r w c r u <<< "$(start "$example")"
    [ -n "$w" ] || fail "round $round: the cold start failed"
    cold+=("$w"); cold_cpu+=("$c"); cold_rendered+=("$r"); cold_ui+=("$u")
    read -r w c r u <<< "$(start)"
    [ -n "$w" ] || fail "round $round: the warm start failed"
    warm+=("$w"); warm_cpu+=("$c"); warm_rendered+=("$r"); warm_ui+=("$u")
    echo "gui-start: round $round: cold ${cold[-1]} ms window, ${cold_rendered[-1]} ms rendered, ${cold_cpu[-1]} ms CPU (UI thread ${cold_ui[-1]});" \
        "warm ${warm[-1]} ms window, ${warm_rendered[-1]} ms rendered, ${warm_cpu[-1]} ms CPU (UI thread ${warm_ui[-1]}); load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "gui-start: $app, $runs rounds, $(cat /proc/self/autogroup 2>/dev/null || echo 'no autogroup')"
summary() {
    local -n wall=$1 cpu=$1_cpu painted=$1_rendered ui=$1_ui
    echo "gui-start: $1 window ${wall[*]} ms (median $(median "${wall[@]}")), rendered ${painted[*]} ms (median $(median "${painted[@]}")), CPU ${cpu[*]} ms (median $(median "${cpu[@]}")), UI thread ${ui[*]} ms (median $(median "${ui[@]}"))"
}
summary cold
summary warm
echo "gui-start: load $(cut -d' ' -f1-3 /proc/loadavg)"
