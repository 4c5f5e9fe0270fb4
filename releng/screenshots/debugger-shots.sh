#!/usr/bin/env bash
# Takes the README's debugger screenshots from the real product, as a user gets there: unpack the product
# archive, start it on its own Xvfb screen (1600x1000) with a fresh home, debug example 02 (the first start
# opens it) from Quick Access, resume to the end of its schedule, then walk the Timeline with the keyboard.
#   releng/screenshots/debugger-shots.sh [PRODUCT.tar.gz] [OUTDIR]
# Writes OUTDIR/debugger-side-by-side.png (the Debug perspective, qemu about to re-check the PUD under its
# lock: listing and diagram side by side) and OUTDIR/debugger-after-split.png (right after the numa_maps walk
# cleared the PUD leaf: its ghost "zapped by numa_maps, step 14"). Needs Xvfb, xdotool and ImageMagick.
# Only the Xvfb and the product this script starts are stopped, by their process ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
archive=${1:-$here/../dev.pinscope.product/target/products/pinscope-0.1.0-linux.gtk.x86_64.tar.gz}
out=${2:-$here}
work=$(mktemp -d /tmp/pinscope-shots.XXXXXX)
display=:$((40 + RANDOM % 50))

tar -xzf "$archive" -C "$work"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
export DISPLAY=$display
mkdir -p "$work/home"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
HOME=$work/home "$work/pinscope/pinscope" -data "$work/workspace" >"$work/app.log" 2>&1 &
app=$!

# waits (up to 240 s on a loaded machine) for a window named $1 and prints its id
window() {
    for _ in $(seq 240); do
        w=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)
        [ -n "$w" ] && { echo "$w"; return 0; }
        sleep 1
    done
    echo "no window '$1' after 240 s: $(tail -n 3 "$work/app.log")" >&2
    return 1
}
shot() {
    sleep "${2:-4}" # let the views finish their asynchronous updates and repaint
    import -window root "$1"
    echo "wrote $1"
}
key() {
    xdotool key --clearmodifiers "$@"
    sleep 0.4
}
quick() { # Quick Access (Ctrl+3): run a command or show a view by its name
    key ctrl+3
    sleep 3
    xdotool type --delay 80 "$1"
    sleep 3
    key Return
}

win=$(window '^Pinscope')
# no window manager on Xvfb: place and size the workbench window ourselves
xdotool windowmove "$win" 0 0 windowsize "$win" 1600 1000
sleep 45 # first start: the example editor opens and lays out (slow on a loaded machine)
xdotool windowfocus --sync "$win"
[ -n "${PINSCOPE_SHOTS_DEBUG:-}" ] && shot "$out/step-0-start.png" 1

# the first start shows Welcome maximized over the example's editor: close it (the x on its tab)
xdotool mousemove 131 76 click 1
sleep 5
[ -n "${PINSCOPE_SHOTS_DEBUG:-}" ] && shot "$out/step-0b-editor.png" 1
# the scenario editor's Debug button, first in the main tool bar while the editor is active
xdotool mousemove 88 40 click 1
sleep 30 # the launch, the Debug perspective, the listing editor
[ -n "${PINSCOPE_SHOTS_DEBUG:-}" ] && shot "$out/step-1-debug.png" 1
xdotool mousemove 800 990 # off the tool bar: no tooltip in the pictures
key F8 # Resume: the example's schedule to its end
sleep 15
# click into the Timeline (bottom left of the Debug perspective), Home selects row 0 (the initial state), each
# Down then selects the next row, which jumps there
xdotool mousemove 600 864 click 1
sleep 3
key Home # the table scrolled to the last row on Resume: back to row 0
sleep 3
for _ in $(seq 12); do key Down; sleep 0.6; done
xdotool mousemove 800 990
shot "$out/debugger-side-by-side.png" 8
key Down
sleep 0.6
key Down # row 14: the numa_maps walk has just cleared the PUD leaf
xdotool mousemove 800 990
shot "$out/debugger-after-split.png" 8
