package dev.pinscope.spin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The shell scripts of a SPIN run directory. {@code member.sh K} is the one implementation of "verify this model
 * with pan": it builds pan, collects every reachable result by re-running the safety search with the already
 * found results masked out (each run either proves no further result exists or stops at a new one, whose trail
 * {@code spin -t} replays), then runs the acceptance-cycle search with weak fairness once per pinner. Its outputs
 * ({@code out/member-K/*.out}) are all {@link SpinOutputs} reads, so the same directory can be filled on one machine,
 * by {@code swarm.sh} over ssh, or by a batch scheduler, and merged with {@code pinscope verify --spin-merge DIR}.
 * Needs only sh, spin and a C compiler on the machine that runs it.
 */
final class SpinScripts {
    private SpinScripts() {
    }

    /** How pan is built and run; see {@link SpinMode}. */
    /** @param policy the policy's ordinal for a model that chooses it when pan runs, else -1 (fixed in the model) */
    record Config(SpinMode mode, int pinners, int members, int cores, int hashBits, long maxDepth, String ccOpt,
            int policy) {
    }

    static String member(Config c) {
        String cc = c.ccOpt + switch (c.mode) {
            case BITSTATE -> " -DBITSTATE";
            // the swarm members' search orders (-p_permute, -p_reverse, -t_reverse, -p_rotateN) need these
            case SWARM -> " -DBITSTATE -DPERMUTED -DT_RAND";
            default -> "";
        };
        String mc = c.mode == SpinMode.MULTICORE ? "-DNCORE=" + c.cores + " -DMEMLIM=4096" : "";
        String pan = "-m" + c.maxDepth + " -w" + c.hashBits + (c.mode == SpinMode.BITSTATE || c.mode == SpinMode.SWARM
                ? " -k3" : "");
        return """
                #!/bin/sh
                # Pinscope SPIN member run (generated; see the README section "Second opinion with SPIN").
                # usage: member.sh K     -- K = member number (0 for a single run; 0..N-1 in a swarm)
                # Outputs go to out/member-K/: safety-I.out + trail-I.out per result found, accept-J.out (+ trail) per pinner.
                set -u
                K=${1:-0}
                MODE=%s
                PINNERS=%d
                CCOPTS="%s"
                MCOPTS="%s"
                PANOPTS="%s"
                SPIN=${SPIN:-spin}
                CC=${CC:-gcc}
                POLICY="%s"
                # a model that chooses the policy when pan runs reads it from the environment (pan and its replays)
                if [ -n "$POLICY" ]; then PINSCOPE_POLICY=$POLICY; export PINSCOPE_POLICY; fi
                HERE=$(cd "$(dirname "$0")" && pwd)
                W="$HERE/out/member-$K"
                rm -rf "$W"; mkdir -p "$W"; cp "$HERE/model.pml" "$W/model.pml"; cd "$W" || exit 2
                # a swarm member searches in its own order: its own hash seed and transition/process order
                ORDER=""
                if [ "$MODE" = swarm ]; then
                    case $((K %% 4)) in
                        0) ORDER="" ;; 1) ORDER="-p_permute" ;; 2) ORDER="-p_reverse -t_reverse" ;; 3) ORDER="-p_rotate$K" ;;
                    esac
                    ORDER="$ORDER -RS$((K * 7919 + 17)) -rhash"
                fi
                compile() { # $1 = pinner whose retry path carries the accept label, $2 = output, $3 = extra cc flags
                    "$SPIN" -a -DPINSCOPE_COLLECT -DPINSCOPE_LIVE=$1 model.pml >> build.out 2>&1 &&
                    "$CC" $CCOPTS $3 -w -o $2 pan.c >> build.out 2>&1
                }
                # PINSCOPE_PAN_CACHE=DIR: a pan built before from the same model text and flags is copied from DIR
                # instead of being compiled again (the tests build one pan per scenario for all six policies);
                # flock, where there is one, keeps two runs of the same model from building it twice
                build() {
                    if [ -n "${PINSCOPE_PAN_CACHE:-}" ] && [ -z "$MCOPTS" ] && mkdir -p "$PINSCOPE_PAN_CACHE" 2>/dev/null; then
                        KEY=$( (cat model.pml; echo "live=$1 cc=$CCOPTS $3"; "$SPIN" -V; "$CC" --version | head -n 1) 2>&1 |
                            sha256sum | cut -c1-32)
                        C="$PINSCOPE_PAN_CACHE/pan-$KEY"
                        (
                            if command -v flock >/dev/null 2>&1; then exec 9>"$C.lock"; flock 9; fi
                            [ -x "$C" ] && exit 0
                            compile "$1" "$C.$$" "$3" && mv -f "$C.$$" "$C" && exit 10
                            exit 1
                        )
                        R=$?
                        case $R in
                            0) echo "$2: from the cache $C" >> build.out ;;
                            10) echo "$2: compiled into the cache $C" >> build.out ;;
                            *) return 1 ;;
                        esac
                        cp "$C" "$2"
                        return
                    fi
                    compile "$@"
                }
                # pan's own replay (-r, -S: only the model's printfs) is exact with the embedded C check and
                # replays permuted (swarm) and multi-core searches, whose trails spin -t refuses
                trailfile() { for f in model.pml.trail model.pml.cpu*_trail; do [ -f "$f" ] && { echo "$f"; return; }; done; }
                cleantrails() { rm -f model.pml.trail model.pml.cpu*_trail model.pml*.rst model.pml*_rst; }
                T0=$(date +%%s.%%N)
                : > build.out
                build 0 pan0 "" || { echo "BUILD FAILED" >> build.out; exit 3; }
                # multicore: the safety searches run on all cores (panmc); its trails do not replay, so a run that
                # stops at an error is repeated by the single-core pan0 for a replayable trail of a new result
                SEARCH=./pan0
                if [ -n "$MCOPTS" ]; then
                    "$CC" $CCOPTS $MCOPTS -w -o panmc pan.c >> build.out 2>&1 || { echo "BUILD FAILED" >> build.out; exit 3; }
                    SEARCH=./panmc
                fi
                T1=$(date +%%s.%%N)
                echo "compile $T0 $T1" > times.out
                FOUND=0; E=""; I=0
                while [ $I -lt 64 ]; do
                    PINSCOPE_FOUND=$FOUND $SEARCH $PANOPTS $ORDER $E > safety-$I.out 2>&1
                    grep -q "errors: 0" safety-$I.out && break
                    if [ "$SEARCH" != ./pan0 ]; then
                        cleantrails
                        mv safety-$I.out multicore-$I.out
                        PINSCOPE_FOUND=$FOUND ./pan0 $PANOPTS $E > safety-$I.out 2>&1
                    fi
                    TF=$(trailfile)
                    [ -n "$TF" ] || break
                    PINSCOPE_FOUND=$FOUND ./pan0 -S -r "$TF" $ORDER > trail-$I.out 2>&1
                    cleantrails
                    if grep -q "pan:[0-9]*: invalid end state" safety-$I.out; then
                        E="-E"
                    else
                        BIT=$(sed -n 's/^ *CODE \\([0-9][0-9]*\\)$/\\1/p' trail-$I.out | tail -n 1)
                        [ -n "$BIT" ] || break
                        FOUND=$(( FOUND | (1 << BIT) ))
                    fi
                    I=$((I + 1))
                done
                T2=$(date +%%s.%%N)
                echo "safety $T1 $T2" >> times.out
                ALL=18446744073709551615
                J=0
                while [ $J -lt $PINNERS ]; do
                    # the weakly fair cycle search runs without partial-order reduction: with it, pan 6.5.2 dove to
                    # the depth bound (millions of states for a model of a few hundred) before closing a fair cycle
                    if [ $J -eq 0 ] && [ -z "$MCOPTS" ] && echo " $CCOPTS " | grep -q -- " -DNOREDUCE "; then
                        cp pan0 accept0 # pan0 is already built without the reduction: no second compile
                    else
                        build $J accept$J -DNOREDUCE || { echo "BUILD FAILED" >> build.out; exit 3; }
                    fi
                    PINSCOPE_FOUND=$ALL ./accept$J -a -f -E $PANOPTS $ORDER > accept-$J.out 2>&1
                    TF=$(trailfile)
                    if [ -n "$TF" ]; then
                        PINSCOPE_FOUND=$ALL ./accept$J -S -r "$TF" $ORDER > accept-trail-$J.out 2>&1
                        cleantrails
                    fi
                    J=$((J + 1))
                done
                T3=$(date +%%s.%%N)
                echo "accept $T2 $T3" >> times.out
                echo done > done.out
                """.formatted(c.mode.name().toLowerCase(java.util.Locale.ROOT), c.pinners, cc, mc, pan,
                        c.policy < 0 ? "" : Integer.toString(c.policy));
    }

    /**
     * swarm.sh: runs the N members of a swarm on several machines. With a host list (one ssh destination per
     * line) it copies the run directory to each host and starts members round-robin, then copies the outputs back;
     * without one it prints the member commands for a batch scheduler (one job per member, e.g. a SLURM array:
     * {@code sh member.sh $SLURM_ARRAY_TASK_ID}).
     */
    static String swarm(int members) {
        return """
                #!/bin/sh
                # Pinscope SPIN swarm over several machines (generated).
                #   sh swarm.sh hosts.txt     -- hosts.txt: one ssh destination per line (user@host); needs spin and gcc there
                #   sh swarm.sh               -- no host list: print one command per member for a batch scheduler
                # Afterwards: pinscope verify --spin-merge <this directory>
                set -u
                N=%d
                HERE=$(cd "$(dirname "$0")" && pwd)
                if [ $# -eq 0 ]; then
                    K=0
                    while [ $K -lt $N ]; do echo "sh $HERE/member.sh $K"; K=$((K + 1)); done
                    exit 0
                fi
                HOSTS=$(grep -v '^ *#' "$1" | grep -v '^ *$')
                H=$(echo "$HOSTS" | wc -l)
                [ "$H" -gt 0 ] || { echo "swarm.sh: no hosts in $1" >&2; exit 2; }
                REMOTE=pinscope-swarm-$$
                for host in $HOSTS; do
                    ssh "$host" "mkdir -p $REMOTE" && scp -q "$HERE/model.pml" "$HERE/member.sh" "$host:$REMOTE/" || exit 2
                done
                K=0
                while [ $K -lt $N ]; do
                    host=$(echo "$HOSTS" | sed -n "$((K %% H + 1))p")
                    ssh "$host" "cd $REMOTE && sh member.sh $K" &
                    K=$((K + 1))
                done
                wait
                mkdir -p "$HERE/out"
                for host in $HOSTS; do
                    scp -q -r "$host:$REMOTE/out/*" "$HERE/out/" 2>/dev/null
                done
                echo "swarm.sh: $N members done; now: pinscope verify --spin-merge $HERE"
                """.formatted(members);
    }

    /** Writes model.pml, member.sh and swarm.sh into dir (write-then-rename). */
    static void write(Path dir, String model, Config c) throws IOException {
        Files.createDirectories(dir);
        put(dir.resolve("model.pml"), model);
        put(dir.resolve("member.sh"), member(c));
        put(dir.resolve("swarm.sh"), swarm(Math.max(1, c.members)));
    }

    static void put(Path p, String text) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        if (p.getFileName().toString().endsWith(".sh")) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the scripts are run with "sh" anyway
            }
        }
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
