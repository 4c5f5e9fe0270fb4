package dev.pinscope.engine;

import dev.pinscope.engine.spec.Errno;
import java.util.List;

/**
 * An actor (thread) in one state: status, what it waits for when blocked, its call stack (innermost frame
 * first, as debuggers show it) and, for a finished pinner, the MAP_DMA result.
 */
public record ActorView(int index, String name, Kind kind, Status status, String waitingFor, List<Frame> frames,
        Errno result, long pinnedPages, boolean stalePfn) {
    public enum Kind { PINNER, ZAPPER, WALKER, CPU_ACCESS, SIGNAL_SENDER, UNMAPPER }

    public enum Status { RUNNABLE, BLOCKED, FINISHED }
}
