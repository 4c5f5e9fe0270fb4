package dev.pinscope.engine.internal;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.Frame.Variable;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Listing;
import dev.pinscope.engine.StepEvent;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.PowerState;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.ZapTrigger;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;
import java.util.ArrayList;
import java.util.List;

/** Read-only views of a packed state for debuggers and reports: frames, locals, kernel snapshot. */
public final class Views {
    private final Machine m;
    private final Listing listing;

    public Views(Machine m, Listing listing) {
        this.m = m;
        this.listing = listing;
    }

    // one formatter for addresses and sizes everywhere: the model's (the editor, the diagram and the debugger agree)
    static String hex(long v) {
        return Hex.format(v);
    }

    static String size(long bytes) {
        return Sizes.format(bytes);
    }

    ZapTrigger trigger(int a) {
        return m.at.actors[a] instanceof ActorSpec.Zapper z ? z.trigger() : null;
    }

    public int lineOf(int a, Pc pc) {
        return listing.lineOfKey(Listings.keyOf(pc, trigger(a)));
    }

    /** The record of the step actor a is about to take in state s (function/line/label before the step). */
    public StepRecord describeNext(long[] s, int a, long index, String event) {
        Pc pc = m.f.pcOf(s, a);
        int line = lineOf(a, pc);
        String fn = line > 0 ? listing.functionOf(line) : pc.fn.cname;
        return new StepRecord(index, a, m.actorName(a), fn, line, pc.label, event);
    }

    /** The facts of actor a's step from state before to state after (see StepRecord.Outcome). */
    public StepRecord.Outcome outcome(long[] before, long[] after, int a) {
        if (m.at.kind[a] != ActorTable.A_PIN) {
            return StepRecord.Outcome.NONE;
        }
        StateLayout.Pinner pf = m.f.pinner[a];
        Layout L = m.f.bits;
        Pc pc = m.f.pcOf(before, a);
        long pinned = L.get(after, pf.pinned) - L.get(before, pf.pinned);
        boolean fault = pc == Pc.HMF || pc == Pc.FAULT_INSERT || pc == Pc.PROV_DROP || pc == Pc.PROV_INSERT;
        Pc next = m.f.pcOf(after, a);
        return new StepRecord.Outcome(KernelCode.R_NAMES[L.geti(after, pf.ret)], Math.max(0, pinned),
                fault && next == Pc.FIXUP_RESULT ? KernelCode.VMF_NAMES[L.geti(after, pf.vmf)] : null);
    }

    public String labelOfNext(long[] s, int a) {
        return m.f.pcOf(s, a).label;
    }

    /** Line label (F_READ/F_LOCK for follow_pfnmap_start) of the next step, or null. */
    public String lineLabelOfNext(long[] s, int a) {
        int line = lineOf(a, m.f.pcOf(s, a));
        return line > 0 ? listing.labelOf(line) : null;
    }

    public ActorView actor(long[] s, int a) {
        int wait = m.waitCode(s, a);
        ActorView.Status st = wait < 0 ? ActorView.Status.FINISHED
                : wait == 0 ? ActorView.Status.RUNNABLE : ActorView.Status.BLOCKED;
        ActorView.Kind k = ActorView.Kind.values()[m.at.kind[a]];
        Errno r = m.result(s, a);
        return new ActorView(a, m.actorName(a), k, st, m.waitText(wait), wait < 0 ? List.of() : frames(s, a), r,
                r == Errno.OK ? m.at.pPages[a] : 0, m.stalePfnUsed(s, a));
    }

    /**
     * The {@link StepEvent}s (a mask of their bits) actor a's step from state before to state after caused. Read
     * from the packed states only, no snapshot, so a recorded trace can summarise them for every step.
     */
    public int events(long[] before, long[] after, int a) {
        int mask = 0;
        if ("RETRY".equals(m.f.pcOf(before, a).label)) {
            mask |= StepEvent.RETRY_TAKEN.bit();
        }
        if (ActorView.Kind.values()[m.at.kind[a]] == ActorView.Kind.PINNER && m.waitCode(after, a) < 0) {
            mask |= StepEvent.PINNER_FINISHED.bit();
        }
        for (int i = 0; i < m.t.nSlot; i++) {
            if (m.f.slotKind(before, i) == Topology.K_LEAF && m.f.slotKind(after, i) != Topology.K_LEAF) {
                mask |= StepEvent.ENTRY_ZAPPED.bit();
                break;
            }
        }
        if (lockAcquired(before, after)) {
            mask |= StepEvent.LOCK_ACQUIRED.bit();
        }
        return mask;
    }

    /** Whether some actor holds a lock after the step that it did not hold before (the locks of {@link #snapshot}). */
    private boolean lockAcquired(long[] before, long[] after) {
        for (int b = 0; b < m.at.nActors; b++) {
            if (holdsMmap(after, b) && !holdsMmap(before, b)) {
                return true;
            }
            for (int d = 0; d < m.t.nDev; d++) {
                if (holdsMem(after, b, d) && !holdsMem(before, b, d)) {
                    return true;
                }
            }
            if (holdsIMmap(after, b) && !holdsIMmap(before, b)) {
                return true;
            }
        }
        for (int id = 1; id < m.t.nLocks; id++) {
            int owner = m.ks.ptlOwner(after, id);
            if (owner >= 0 && owner != m.ks.ptlOwner(before, id)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsMmap(long[] s, int a) {
        return m.ks.holdsMmapR(s, a) || m.ks.holdsMmapW(s, a);
    }

    private boolean holdsMem(long[] s, int a, int d) {
        return m.ks.memReadDevice(s, a) == d || m.ks.holdsMemW(s, a, d);
    }

    /** A zapper inside its i_mmap walk holds i_mmap_rwsem (as {@link #snapshot} lists it). */
    private boolean holdsIMmap(long[] s, int a) {
        return m.at.kind[a] == ActorTable.A_ZAP && m.f.pcOf(s, a) == Pc.ZAP && m.f.bits.geti(s, m.f.loop[a].cursor) > 0;
    }

    /** Adds the listing lines of actor a's frames in state s (the lines of {@link #frames}, without locals). */
    public void stackLines(long[] s, int a, java.util.BitSet into) {
        if (m.done(s, a)) {
            return;
        }
        Pc pc = m.f.pcOf(s, a);
        for (String callKey : pc.site.callers) {
            int line = listing.lineOfKey(callKey);
            if (line > 0) {
                into.set(line);
            }
        }
        int line = lineOf(a, pc);
        if (line > 0) {
            into.set(line);
        }
    }

    /** Call stack, innermost first. */
    public List<Frame> frames(long[] s, int a) {
        Pc pc = m.f.pcOf(s, a);
        List<Frame> outer = new ArrayList<>();
        for (String callKey : pc.site.callers) {
            int line = listing.lineOfKey(callKey);
            String fn = listing.functionOf(line);
            outer.add(new Frame(fn, line, null, locals(s, a, fn)));
        }
        int line = lineOf(a, pc);
        String fn = line > 0 ? listing.functionOf(line) : pc.fn.cname;
        outer.add(new Frame(fn, line, pc.label, locals(s, a, fn)));
        List<Frame> inner = new ArrayList<>(outer);
        java.util.Collections.reverse(inner);
        return inner;
    }

    private List<Variable> locals(long[] s, int a, String fn) {
        List<Variable> v = new ArrayList<>();
        Layout L = m.f.bits;
        if (m.at.kind[a] == ActorTable.A_PIN) {
            StateLayout.Pinner pf = m.f.pinner[a];
            long mapped = m.ks.mapped(s, a);
            long pinned = L.get(s, pf.pinned);
            int ret = L.geti(s, pf.ret);
            switch (fn) {
                case "vfio_pin_map_dma" -> {
                    v.add(new Variable("size", size(L.get(s, pf.remaining) << 12)));
                    v.add(new Variable("dma->vaddr", hex(m.at.pStart[a])));
                    v.add(new Variable("dma->size", size(mapped << 12)));
                    v.add(new Variable("ret", KernelCode.R_NAMES[ret]));
                }
                case "vfio_pin_pages_remote" -> {
                    v.add(new Variable("vaddr", hex(m.at.pStart[a] + ((mapped + pinned) << 12))));
                    v.add(new Variable("npage", Long.toString(m.ks.curNpages(s, a))));
                    v.add(new Variable("pinned", Long.toString(pinned)));
                    boolean set = L.is(s, pf.pfnBaseSet);
                    v.add(new Variable("*pfn_base", set ? hex(m.t.pfnAt(m.at.pStart[a] + (mapped << 12))) : "0"));
                    v.add(new Variable("rsvd", set ? Boolean.toString(L.is(s, pf.rsvd)) : "?"));
                }
                case "vaddr_get_pfns" -> {
                    v.add(new Variable("vaddr", hex(m.ks.curVaddr(s, a))));
                    v.add(new Variable("npages", Long.toString(m.ks.curNpages(s, a))));
                    v.add(new Variable("ret", KernelCode.R_NAMES[ret]));
                    int vma = m.ks.lookup(s, m.ks.curVaddr(s, a));
                    v.add(new Variable("vma", vma < 0 ? "NULL" : m.spec.vmas().get(vma).name()));
                    if (m.policy == dev.pinscope.engine.spec.Policy.BOUNDED) {
                        v.add(new Variable("retries", L.get(s, pf.retries) + " (max " + m.maxRetries + ")"));
                    }
                    v.add(new Variable("mmap_lock", L.is(s, pf.mmapR) ? "held (read)" : "not held"));
                    v.add(new Variable("fatal_signal_pending", Boolean.toString(L.is(s, pf.sigPending))));
                }
                case "follow_fault_pfn" -> {
                    int lvl = L.geti(s, pf.lvl);
                    int lock = L.geti(s, pf.ptl);
                    v.add(new Variable("ret", KernelCode.R_NAMES[ret]));
                    v.add(new Variable("args.lock", m.t.lockName(lock)));
                    if (lock != 0) {
                        v.add(new Variable("args.pfn", hex(m.t.pfnAt(m.ks.curVaddr(s, a)))));
                        v.add(new Variable("args.addr_mask", Type1.maskName(lvl)));
                        v.add(new Variable("args.writable", Boolean.toString(L.is(s, pf.writable))));
                    }
                    v.add(new Variable("unlocked", Boolean.toString(L.is(s, pf.unlocked))));
                    v.add(new Variable("write_fault", Boolean.toString(m.at.pWrite[a])));
                }
                case "follow_pfnmap_start" -> {
                    v.add(new Variable("address", hex(m.ks.curVaddr(s, a))));
                    v.add(new Variable("recheck_under_lock", Boolean.toString(m.recheck)));
                    Pc pc = m.f.pcOf(s, a);
                    if (pc != Pc.F1_READ && pc != Pc.F2_READ) {
                        v.add(new Variable("snapshot", Level.values()[L.geti(s, pf.lvl)] + " leaf"
                                + (L.is(s, pf.writable) ? " (writable)" : "")));
                    }
                }
                case "fixup_user_fault" -> {
                    v.add(new Variable("address", hex(m.ks.curVaddr(s, a))));
                    v.add(new Variable("fault_flags", (m.at.pWrite[a] ? "WRITE|" : "") + "REMOTE|ALLOW_RETRY|KILLABLE"
                            + (L.is(s, pf.tried) ? "|TRIED" : "")));
                    v.add(new Variable("*unlocked", Boolean.toString(L.is(s, pf.unlocked))));
                }
                case "handle_mm_fault", "vfio_pci_mmap_huge_fault", "provider_fault" -> {
                    long va = m.ks.curVaddr(s, a);
                    v.add(new Variable("address", hex(va)));
                    v.add(new Variable("pfn", hex(m.t.pfnAt(va))));
                    if (fn.equals("vfio_pci_mmap_huge_fault")) {
                        v.add(new Variable("memory_lock", L.is(s, pf.memoryR) ? "held (read)" : "not held"));
                    }
                }
                default -> {
                }
            }
        } else if (m.at.kind[a] == ActorTable.A_ZAP) {
            ActorSpec.Zapper z = (ActorSpec.Zapper) m.at.actors[a];
            v.add(new Variable("vdev", m.spec.devices().get(z.device()).name()));
            v.add(new Variable("iteration", m.at.repeat[a] < 0 ? L.get(s, m.f.loop[a].iteration) + " (forever)"
                    : (L.get(s, m.f.loop[a].iteration) + 1) + " of " + m.at.repeat[a]));
        } else if (m.at.kind[a] == ActorTable.A_WALK || m.at.kind[a] == ActorTable.A_CPU) {
            v.add(new Variable("iteration", m.at.repeat[a] < 0 ? "forever" : (L.get(s, m.f.loop[a].iteration) + 1) + " of "
                    + m.at.repeat[a]));
            if (m.at.actors[a] instanceof ActorSpec.CpuAccess c) {
                v.add(new Variable("addr", hex(c.vaddr())));
            }
        } else if (m.at.actors[a] instanceof ActorSpec.SignalSender ss) {
            v.add(new Variable("p", m.actorName(ss.target())));
        } else if (m.at.actors[a] instanceof ActorSpec.Unmapper u) {
            v.add(new Variable("vma", m.spec.vmas().get(u.vma()).name()));
        }
        return v;
    }

    public KernelSnapshot snapshot(long[] s, long step) {
        List<KernelSnapshot.VmaState> vmas = new ArrayList<>();
        for (int i = 0; i < m.t.nVma; i++) {
            vmas.add(new KernelSnapshot.VmaState(m.spec.vmas().get(i).name(), m.t.vStart[i], m.t.vEnd[i],
                    VmFlags.toString(m.t.vFlags[i]), m.f.vmaPresent(s, i)));
        }
        List<KernelSnapshot.SlotState> slots = new ArrayList<>();
        for (int i = 0; i < m.t.nSlot; i++) {
            int k = m.f.slotKind(s, i);
            slots.add(new KernelSnapshot.SlotState(m.t.sLevel[i].name(), m.t.sVaddr[i],
                    KernelSnapshot.SlotKind.values()[k], k == Topology.K_LEAF ? m.t.pfnAt(m.t.sVaddr[i]) : 0,
                    k == Topology.K_LEAF && m.f.slotW(s, i), k == Topology.K_LEAF && m.f.slotSpecial(s, i),
                    m.t.sVma[i] < 0 ? null : m.spec.vmas().get(m.t.sVma[i]).name()));
        }
        List<KernelSnapshot.DeviceState> devs = new ArrayList<>();
        for (int d = 0; d < m.t.nDev; d++) {
            devs.add(new KernelSnapshot.DeviceState(m.spec.devices().get(d).name(), m.f.bits.is(s, m.f.device[d].memory),
                    PowerState.values()[m.f.bits.geti(s, m.f.device[d].power)].name(), m.f.bits.is(s, m.f.device[d].pmRuntimeEngaged),
                    m.t.devNoCmdMem[d], m.ks.memoryEnabled(s, d) && !m.f.bits.is(s, m.f.device[d].pmRuntimeEngaged)));
        }
        List<KernelSnapshot.LockState> locks = new ArrayList<>();
        // mmap_lock
        List<String> r = new ArrayList<>();
        String w = null;
        for (int a = 0; a < m.at.nActors; a++) {
            if (m.ks.holdsMmapR(s, a)) {
                r.add(m.actorName(a));
            }
            if (m.ks.holdsMmapW(s, a)) {
                w = m.actorName(a);
            }
        }
        locks.add(new KernelSnapshot.LockState("mmap_lock", r, w, waiters(s, KernelState.LK_MMAP_R, KernelState.LK_MMAP_W, 0)));
        for (int d = 0; d < m.t.nDev; d++) {
            r = new ArrayList<>();
            w = null;
            for (int a = 0; a < m.at.nActors; a++) {
                if (m.ks.memReadDevice(s, a) == d) {
                    r.add(m.actorName(a));
                }
                if (m.ks.holdsMemW(s, a, d)) {
                    w = m.actorName(a);
                }
            }
            locks.add(new KernelSnapshot.LockState("memory_lock (" + m.spec.devices().get(d).name() + ")", r, w,
                    waiters(s, KernelState.LK_MEM_R, KernelState.LK_MEM_W, d)));
        }
        for (int id = 1; id < m.t.nLocks; id++) {
            int owner = m.ks.ptlOwner(s, id);
            List<String> wt = waiters(s, KernelState.LK_PTL, -1, id);
            if (id == 1 || owner >= 0 || !wt.isEmpty()) {
                locks.add(new KernelSnapshot.LockState(m.t.lockName(id), List.of(),
                        owner < 0 ? null : m.actorName(owner), wt));
            }
        }
        r = new ArrayList<>();
        for (int a = 0; a < m.at.nActors; a++) {
            if (holdsIMmap(s, a)) {
                r.add(m.actorName(a));
            }
        }
        locks.add(new KernelSnapshot.LockState("i_mmap_rwsem", r, null, waiters(s, KernelState.LK_IMMAP_W, -1, 0)));
        List<ActorView> actors = new ArrayList<>();
        for (int a = 0; a < m.at.nActors; a++) {
            actors.add(actor(s, a));
        }
        return new KernelSnapshot(step, vmas, slots, devs, locks, actors);
    }

    private List<String> waiters(long[] s, int k1, int k2, int id) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < m.at.nActors; a++) {
            int c = m.waitCode(s, a);
            if (c > 0 && ((c >>> 20) == k1 || (c >>> 20) == k2) && (c & 0xfffff) == id) {
                out.add(m.actorName(a));
            }
        }
        return out;
    }
}
