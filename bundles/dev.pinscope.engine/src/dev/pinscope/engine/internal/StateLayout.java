package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Policy;

/**
 * The typed layout of the packed state: named offsets into {@link Layout}'s bit fields, per actor (program
 * counter, a pinner's locals, a loop's counters), per page-table slot, per VMA and per device. The state itself
 * stays a {@code long[]}; this says where each kernel variable lives in it.
 */
final class StateLayout {
    /** A pinner's variables: vfio_pin_map_dma/vfio_pin_pages_remote/vaddr_get_pfns/follow_fault_pfn locals. */
    static final class Pinner {
        final int ret; // R_* of the innermost call
        final int remaining; // vfio_pin_map_dma: size left, pages
        final int pinned; // vfio_pin_pages_remote: pinned so far in this call
        final int pfnBaseSet, rsvd; // *pfn_base taken, and its rsvd
        final int lvl; // follow_pfnmap_start's leaf level (0 PTE, 1 PMD, 2 PUD, 3 GUP)
        final int writable; // args.writable of the snapshot
        final int stale, staleUsed; // the snapshot's entry was zapped (pre-fix kernel); a stale PFN was returned
        final int ptl; // the page-table lock held from F_LOCK to F_END (0 none)
        final int unlocked, tried; // fixup_user_fault's *unlocked, FAULT_FLAG_TRIED
        final int zapped; // BOUNDED: the last F2 failed because the entry was zapped
        final int vmf; // VMF_* result of the fault path
        final int retries; // BOUNDED: counted F2 failures
        final int mmapR, memoryR; // holds mmap_lock / memory_lock for read
        final int sigPending; // fatal_signal_pending()

        Pinner(Layout l, String n, long pages, int nLocks, boolean recheck, Policy policy, int maxRetries) {
            ret = l.add(n + ".ret", 7);
            remaining = l.add(n + ".remaining", pages);
            pinned = l.add(n + ".pinned", pages);
            pfnBaseSet = l.add(n + ".pfn_base_set", 1);
            rsvd = l.add(n + ".rsvd", 1);
            lvl = l.add(n + ".lvl", 3);
            writable = l.add(n + ".writable", 1);
            stale = l.add(n + ".stale", recheck ? 0 : 1);
            staleUsed = l.add(n + ".stale_pfn_used", recheck ? 0 : 1);
            ptl = l.add(n + ".ptl", nLocks - 1);
            unlocked = l.add(n + ".unlocked", 1);
            tried = l.add(n + ".tried", 1);
            zapped = l.add(n + ".zapped", policy == Policy.BOUNDED ? 1 : 0);
            vmf = l.add(n + ".vmf", 3);
            // an unbounded policy keeps no counter in the state, so its retry loop closes a cycle
            retries = l.add(n + ".retries", policy == Policy.BOUNDED ? maxRetries + 1L : 0);
            mmapR = l.add(n + ".mmap_r", 1);
            memoryR = l.add(n + ".memory_r", 1);
            sigPending = l.add(n + ".fatal_signal_pending", 1);
        }
    }

    /** A zapper's, walker's or CPU thread's loop: the iteration and the cursor (next devSlots/walker slot). */
    static final class Loop {
        final int iteration;
        final int cursor; // -1 for a CPU thread (no cursor)

        Loop(int iteration, int cursor) {
            this.iteration = iteration;
            this.cursor = cursor;
        }
    }

    /** A device's state: vconfig COMMAND.MEMORY, the power state, pm_runtime_engaged. */
    static final class Device {
        final int memory, power, pmRuntimeEngaged;

        Device(Layout l, int d) {
            memory = l.add("dev" + d + ".memory", 1);
            power = l.add("dev" + d + ".power", 2);
            pmRuntimeEngaged = l.add("dev" + d + ".pm_runtime_engaged", 1);
        }
    }

    final Layout bits = new Layout();
    final int[] pc; // per actor
    final Pinner[] pinner; // per actor, null unless a pinner
    final Loop[] loop; // per actor, null unless zapper/walker/CPU
    final int[] slot; // per slot: kind | writable << 2 | special << 3
    final int[] vmaPresent;
    final Device[] device;

    StateLayout(Topology t, ActorTable at, int[][] walkerSlots, Policy policy, int maxRetries, boolean recheck) {
        pc = new int[at.nActors];
        pinner = new Pinner[at.nActors];
        loop = new Loop[at.nActors];
        for (int a = 0; a < at.nActors; a++) {
            ActorSpec as = at.actors[a];
            String n = as.name();
            pc[a] = bits.add(n + ".pc", Pc.ALL.length - 1);
            switch (as) {
                case ActorSpec.Pinner p -> pinner[a] = new Pinner(bits, n, at.pPages[a], t.nLocks, recheck, policy,
                        maxRetries);
                case ActorSpec.Zapper z -> loop[a] = new Loop(iterations(n, z.repeat()),
                        bits.add(n + ".cursor", t.nSlot + 1L));
                case ActorSpec.Walker w -> loop[a] = new Loop(iterations(n, w.repeat()),
                        bits.add(n + ".cursor", walkerSlots[a].length));
                case ActorSpec.CpuAccess c -> loop[a] = new Loop(iterations(n, c.repeat()), -1);
                default -> {
                    // a SIGKILL sender and munmap have only their program counter
                }
            }
        }
        slot = new int[t.nSlot];
        for (int s = 0; s < t.nSlot; s++) {
            slot[s] = bits.add("slot" + s, 15);
        }
        vmaPresent = new int[t.nVma];
        for (int v = 0; v < t.nVma; v++) {
            vmaPresent[v] = bits.add("vma" + v + ".present", 1);
        }
        device = new Device[t.nDev];
        for (int d = 0; d < t.nDev; d++) {
            device[d] = new Device(bits, d);
        }
    }

    private int iterations(String n, int repeat) {
        return bits.add(n + ".iteration", repeat < 0 ? 0 : repeat);
    }

    int words() {
        return bits.words();
    }

    // ---------------------------------------------------------------------------------------- accessors

    Pc pcOf(long[] s, int a) {
        return Pc.ALL[bits.geti(s, pc[a])];
    }

    void setPc(long[] s, int a, Pc p) {
        bits.set(s, pc[a], p.ordinal());
    }

    int slotKind(long[] s, int sl) {
        return sl < 0 ? Topology.K_NONE : bits.geti(s, slot[sl]) & 3;
    }

    boolean slotW(long[] s, int sl) {
        return (bits.geti(s, slot[sl]) & 4) != 0;
    }

    boolean slotSpecial(long[] s, int sl) {
        return (bits.geti(s, slot[sl]) & 8) != 0;
    }

    void setSlot(long[] s, int sl, int k, boolean w, boolean special) {
        bits.set(s, slot[sl], k | (w ? 4 : 0) | (special ? 8 : 0));
    }

    boolean vmaPresent(long[] s, int v) {
        return bits.is(s, vmaPresent[v]);
    }
}
