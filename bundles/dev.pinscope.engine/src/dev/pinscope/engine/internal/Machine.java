package dev.pinscope.engine.internal;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.DeviceSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.List;

/**
 * The compiled scenario: static tables, the packed-state layout and the transition function. A state is a
 * {@code long[]} of {@link #words} words; {@link #step} mutates it in place by one atomic step of one actor
 * (KERNEL-MODEL.md §8.5). Everything that can be derived from static data (PFNs, call stacks, lock owners) is
 * derived, not stored, so states stay small and equal situations hash equal.
 *
 * <p>The steps live where the kernel keeps them: {@link Type1} (vfio_iommu_type1.c), {@link FollowPfnmap}
 * (follow_pfnmap_start), {@link FaultPath} (fixup_user_fault, handle_mm_fault, the vfio-pci fault handler),
 * {@link ZapActors} (vfio-pci zap/reset/PM), {@link MmActors} (walker, CPU access, munmap, SIGKILL); the state
 * they read and the locks in {@link KernelState}, over {@link Topology} (VMAs, slots) and {@link StateLayout}
 * (where each variable lives in the packed state).
 */
public final class Machine {
    final ScenarioSpec spec;
    final Policy policy;
    final int maxRetries;
    final long maxSteps;
    final SimulationOptions options;
    final boolean recheck;

    final Topology t;
    final ActorTable at;
    final int[][] walkerSlots; // per actor (walkers only): PUD slots that can hold a leaf
    final StateLayout f;
    final KernelState ks;
    final Type1 type1;
    final FollowPfnmap follow;
    final FaultPath fault;
    final ZapActors zap;
    final MmActors mm;
    private final int words;
    private final long[] initial;
    /**
     * TEST-ONLY fault injection, off by default: the partial-order reduction treats the pinner's page-table lock
     * step of follow_pfnmap_start() (F1/F2_LOCK_PUD/PMD, a shared step: it re-reads the slot a zapper clears) as
     * local, which hides the zap between the lockless read and the lock (W0). Set only by the SPIN comparison's test,
     * through the system property {@value #TEST_ONLY_FAULT_PROPERTY}=true, to show that the comparison catches a
     * reduction bug.
     */
    public static final String TEST_ONLY_FAULT_PROPERTY = "pinscope.testonly.fault.reductionTreatsLockStepAsLocal";
    final boolean testOnlyFaultLockStepLocal = Boolean.getBoolean(TEST_ONLY_FAULT_PROPERTY);
    /** No actor ever takes mmap_lock for write (munmap is its only writer here). */
    private final boolean noMmapWriter;

    private Machine(ScenarioSpec spec, Policy policy, int maxRetries, long maxSteps, SimulationOptions options) {
        this.spec = spec;
        this.policy = policy;
        this.maxRetries = maxRetries;
        this.maxSteps = maxSteps;
        this.options = options;
        this.recheck = spec.kernel().recheckUnderLock();
        t = new Topology(spec);
        at = new ActorTable(spec);
        walkerSlots = new int[at.nActors][];
        for (int a = 0; a < at.nActors; a++) {
            if (at.kind[a] == ActorTable.A_WALK) {
                walkerSlots[a] = t.pudLeafSlots(((dev.pinscope.engine.spec.ActorSpec.Walker) at.actors[a]).vma());
            }
        }
        f = new StateLayout(t, at, walkerSlots, policy, maxRetries, recheck);
        ks = new KernelState(t, at, f);
        words = f.words();
        type1 = new Type1(this);
        follow = new FollowPfnmap(this);
        fault = new FaultPath(this);
        zap = new ZapActors(this);
        mm = new MmActors(this);
        noMmapWriter = at.unmapIdx.length == 0;
        initial = initialState();
    }

    private long[] initialState() {
        Layout L = f.bits;
        long[] s0 = new long[words];
        for (int a = 0; a < at.nActors; a++) {
            Pc start = switch (at.kind[a]) {
                case ActorTable.A_PIN -> Pc.MAP_LOOP;
                case ActorTable.A_ZAP -> at.zapper(a).trigger() == ZapTrigger.HOT_RESET ? Pc.Z_TRYLOCK : Pc.Z_LOCK;
                case ActorTable.A_WALK -> Pc.W_LOCK;
                case ActorTable.A_CPU -> Pc.C_LOCK;
                case ActorTable.A_SIG -> Pc.S_SEND;
                default -> Pc.M_LOCK;
            };
            if (at.repeat[a] == 0 && at.loops(a)) {
                start = at.kind[a] == ActorTable.A_ZAP ? Pc.Z_DONE : at.kind[a] == ActorTable.A_WALK ? Pc.W_DONE
                        : Pc.C_DONE;
            }
            f.setPc(s0, a, start);
            if (at.kind[a] == ActorTable.A_PIN) {
                L.set(s0, f.pinner[a].remaining, at.pPages[a]);
            }
        }
        for (int s = 0; s < t.nSlot; s++) {
            int k = t.initialKind(s);
            boolean w = false;
            boolean sp = false;
            for (EntrySpec e : spec.entries()) {
                if (e.vaddr() == t.sVaddr[s] && e.level() == t.sLevel[s]) {
                    w = e.writable();
                    sp = e.special();
                }
            }
            f.setSlot(s0, s, k, w, sp);
        }
        for (int v = 0; v < t.nVma; v++) {
            L.set(s0, f.vmaPresent[v], 1);
        }
        for (int d = 0; d < t.nDev; d++) {
            DeviceSpec ds = spec.devices().get(d);
            StateLayout.Device dv = f.device[d];
            L.set(s0, dv.memory, ds.memoryEnabled());
            L.set(s0, dv.power, ds.powerState().ordinal());
            L.set(s0, dv.pmRuntimeEngaged, ds.pmRuntimeEngaged());
        }
        return s0;
    }

    /** The engine's own limits, for a scenario the model's validator accepted (see {@link EngineLimits}). */
    public static List<String> check(ScenarioSpec spec, int maxRetries) {
        return EngineLimits.check(spec, maxRetries);
    }

    public static Machine create(ScenarioSpec spec, Policy policy, int maxRetries, long maxSteps,
            SimulationOptions options) {
        EngineFaults.onCompile(spec);
        return new Machine(spec, policy, maxRetries, maxSteps, options);
    }

    // ====================================================================================== transitions

    /**
     * Executes one atomic step of actor a on state s (in place). The caller guarantees runnable(s, a).
     * ev, when non-null, receives a human-readable event text (the explorer passes null: no strings built).
     */
    public void step(long[] s, int a, StringBuilder ev) {
        switch (at.kind[a]) {
            case ActorTable.A_PIN -> {
                Pc p = f.pcOf(s, a);
                switch (p.fn) {
                    case FPS -> follow.step(s, a, p, ev);
                    case FIXUP, HMF, HUGE, PROV -> fault.step(s, a, p, ev);
                    default -> type1.step(s, a, p, ev);
                }
            }
            case ActorTable.A_ZAP -> zap.step(s, a, ev);
            case ActorTable.A_WALK -> mm.stepWalker(s, a, ev);
            case ActorTable.A_CPU -> mm.stepCpu(s, a, ev);
            case ActorTable.A_SIG -> mm.stepSignal(s, a, ev);
            default -> mm.stepUnmapper(s, a, ev);
        }
    }

    /**
     * 0 = the actor can take its next step; -1 = finished; otherwise the lock it waits for (see
     * {@link #waitText}). Blocked actors are not runnable.
     */
    public int waitCode(long[] s, int a) {
        return ks.waitCode(s, a);
    }

    public boolean runnable(long[] s, int a) {
        return ks.waitCode(s, a) == 0;
    }

    public boolean done(long[] s, int a) {
        return f.pcOf(s, a).isDone();
    }

    public String waitText(int code) {
        return ks.waitText(code);
    }

    /**
     * True when the actor's next step commutes with every other actor's step (see Pc.local) and the reduction may
     * take it alone. Only a pinner's steps qualify: every path to its result contains them anyway, so witnesses
     * stay shortest (a walker's or a zapper's step may not be needed at all, and taking it first would lengthen
     * every witness by one), and only while no other pinner is running, whose witnesses it would lengthen.
     */
    public boolean localNext(long[] s, int a) {
        if (at.kind[a] != ActorTable.A_PIN) {
            return false;
        }
        for (int q : at.pinIdx) {
            if (q != a && !f.pcOf(s, q).isDone()) {
                return false;
            }
        }
        Pc p = f.pcOf(s, a);
        if (noMmapWriter && (p == Pc.P_LOCK || p == Pc.P_UNLOCK || p == Pc.RETRY_UNLOCK || p == Pc.RELOCK
                || p == Pc.FIXUP_RELOCK || p == Pc.PROV_DROP)) {
            // the read side of mmap_lock: with no munmap in the scenario nobody takes it for write, so taking or
            // dropping it only flips the pinner's own mmap_r (read by writers' waits alone) and never blocks
            return true;
        }
        if (testOnlyFaultLockStepLocal && (p == Pc.F1_LOCK_PUD || p == Pc.F2_LOCK_PUD
                || p == Pc.F1_LOCK_PMD || p == Pc.F2_LOCK_PMD)) {
            return true; // the injected fault (see TEST_ONLY_FAULT_PROPERTY)
        }
        if (p == Pc.RETRY) {
            return policy == Policy.PATCH_V1 || policy == Policy.BOUNDED || policy == Policy.PRE_PATCH;
        }
        return p.local;
    }

    /**
     * True for an actor none of whose steps lies on a cycle of the state graph: a zapper, walker or CPU thread
     * that repeats a bounded number of times (each iteration runs forward and counts), a signal sender and munmap
     * (each runs once). A pinner can retry forever, an endless loop repeats its states.
     */
    public boolean neverCycles(int a) {
        return at.kind[a] != ActorTable.A_PIN && (!at.loops(a) || at.repeat[a] >= 0);
    }

    // ====================================================================================== results and facts

    /** Pinner result: null while running, else the errno (OK = success). */
    public Errno result(long[] s, int a) {
        if (at.kind[a] != ActorTable.A_PIN || f.pcOf(s, a) != Pc.P_DONE) {
            return null;
        }
        return switch (f.bits.geti(s, f.pinner[a].ret)) {
            case KernelCode.R_OK -> Errno.OK;
            case KernelCode.R_EINVAL, KernelCode.R_ENOENT -> Errno.EINVAL;
            case KernelCode.R_EAGAIN -> Errno.EAGAIN;
            case KernelCode.R_EBUSY -> Errno.EBUSY;
            case KernelCode.R_EFAULT -> Errno.EFAULT;
            case KernelCode.R_EINTR -> Errno.EINTR;
            default -> Errno.ENOMEM;
        };
    }

    public boolean stalePfnUsed(long[] s, int a) {
        return at.kind[a] == ActorTable.A_PIN && f.bits.is(s, f.pinner[a].staleUsed);
    }

    /** Pages a pinner pins when its MAP_DMA succeeds (the whole range). */
    public long pages(int a) {
        return at.pPages[a];
    }

    public int words() {
        return words;
    }

    public long[] initial() {
        return initial.clone();
    }

    public int actorCount() {
        return at.nActors;
    }

    public boolean isPinner(int a) {
        return at.kind[a] == ActorTable.A_PIN;
    }

    public boolean isForever(int a) {
        return at.loops(a) && at.repeat[a] < 0;
    }

    public String actorName(int a) {
        return at.actors[a].name();
    }

    public Policy policy() {
        return policy;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    public long maxStepsBound() {
        return maxSteps;
    }

    public int totalBits() {
        return f.bits.totalBits();
    }

    Layout layout() {
        return f.bits;
    }
}
