package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.stream.IntStream;

/** The scenario's actors by role, with the static facts their steps read (a pinner's range, a loop's repeat). */
final class ActorTable {
    static final int A_PIN = 0, A_ZAP = 1, A_WALK = 2, A_CPU = 3, A_SIG = 4, A_UNMAP = 5;

    final int nActors;
    final ActorSpec[] actors;
    final int[] kind; // A_*
    final int[] repeat; // zapper / walker / CPU: iterations, -1 forever
    final long[] pStart, pPages; // pinner: dma->vaddr, pages
    final boolean[] pWrite;
    // actor indices by role, so lock-owner scans only look at actors that can own that lock
    final int[] pinIdx, zapIdx, unmapIdx, mmapReaderIdx, memReaderIdx;

    ActorTable(ScenarioSpec spec) {
        nActors = spec.actors().size();
        actors = spec.actors().toArray(new ActorSpec[0]);
        kind = new int[nActors];
        repeat = new int[nActors];
        pStart = new long[nActors];
        pPages = new long[nActors];
        pWrite = new boolean[nActors];
        for (int a = 0; a < nActors; a++) {
            switch (actors[a]) {
                case ActorSpec.Pinner p -> {
                    kind[a] = A_PIN;
                    pStart[a] = p.vaddr();
                    pPages[a] = p.size() >>> 12;
                    pWrite[a] = p.write();
                }
                case ActorSpec.Zapper z -> {
                    kind[a] = A_ZAP;
                    repeat[a] = z.repeat();
                }
                case ActorSpec.Walker w -> {
                    kind[a] = A_WALK;
                    repeat[a] = w.repeat();
                }
                case ActorSpec.CpuAccess c -> {
                    kind[a] = A_CPU;
                    repeat[a] = c.repeat();
                }
                case ActorSpec.SignalSender s -> kind[a] = A_SIG;
                case ActorSpec.Unmapper u -> kind[a] = A_UNMAP;
            }
        }
        pinIdx = byKind(A_PIN);
        zapIdx = byKind(A_ZAP);
        unmapIdx = byKind(A_UNMAP);
        mmapReaderIdx = IntStream.range(0, nActors)
                .filter(a -> kind[a] == A_PIN || kind[a] == A_WALK || kind[a] == A_CPU).toArray();
        memReaderIdx = IntStream.range(0, nActors).filter(a -> kind[a] == A_PIN || kind[a] == A_CPU).toArray();
    }

    private int[] byKind(int k) {
        return IntStream.range(0, nActors).filter(a -> kind[a] == k).toArray();
    }

    /** A zapper, walker or CPU thread: a loop of iterations. */
    boolean loops(int a) {
        return kind[a] == A_ZAP || kind[a] == A_WALK || kind[a] == A_CPU;
    }

    ActorSpec.Zapper zapper(int a) {
        return (ActorSpec.Zapper) actors[a];
    }

    ActorSpec.CpuAccess cpu(int a) {
        return (ActorSpec.CpuAccess) actors[a];
    }
}
