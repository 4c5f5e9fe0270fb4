package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.VmFlags;

/**
 * The other mm actors: a page-table walker (fs/proc/task_mmu.c numa_maps/smaps, whose walk splits PUD leaves of
 * a PFNMAP VMA, §5.3 "other zappers"), another thread's CPU access faulting through handle_mm_fault (§8.6 F),
 * munmap (mm/vma.c do_vmi_munmap, §8.6 M) and the SIGKILL sender (§8.6 S).
 */
final class MmActors extends KernelCode {
    MmActors(Machine m) {
        super(m);
    }

    void stepSignal(long[] s, int a, StringBuilder ev) {
        // send_sig(SIGKILL): the target's fatal_signal_pending() becomes true (§8.6 S)
        int target = ((ActorSpec.SignalSender) at.actors[a]).target();
        L.set(s, f.pinner[target].sigPending, 1);
        setPc(s, a, Pc.S_DONE);
        if (ev != null) {
            say(ev, "SIGKILL sent to " + at.actors[target].name());
        }
    }

    void stepWalker(long[] s, int a, StringBuilder ev) {
        Pc p = pcOf(s, a);
        int[] ws = m.walkerSlots[a];
        switch (p) {
            case W_LOCK -> {
                // show_numa_map()/smaps hold mmap_read_lock for the walk (§5.3 "other zappers")
                L.set(s, f.loop[a].cursor, 0);
                setPc(s, a, ws.length == 0 ? Pc.W_UNLOCK : Pc.SPLIT);
                say(ev, "mmap_lock taken (read); walk_page_vma()");
            }
            case SPLIT -> {
                // walk_pud_range(): no pud_entry → split_huge_pud(), which for a PFNMAP VMA just clears the PUD
                int c = L.geti(s, f.loop[a].cursor);
                int slot = ws[c];
                boolean leaf = f.slotKind(s, slot) == K_LEAF;
                if (leaf) {
                    f.setSlot(s, slot, K_NONE, false, false);
                }
                if (c + 1 >= ws.length) {
                    L.set(s, f.loop[a].cursor, 0);
                    setPc(s, a, Pc.W_UNLOCK);
                } else {
                    L.set(s, f.loop[a].cursor, c + 1);
                }
                if (ev != null) {
                    ev.append(leaf ? String.format("pud_lock; PUD leaf split (zapped) at 0x%x", t.sVaddr[slot])
                            : String.format("no PUD leaf at 0x%x", t.sVaddr[slot]));
                }
            }
            case W_UNLOCK -> {
                L.set(s, f.loop[a].cursor, 0);
                endIteration(s, a);
                say(ev, "mmap_lock released (read)");
            }
            default -> throw new IllegalStateException("walker at " + p);
        }
    }

    void stepCpu(long[] s, int a, StringBuilder ev) {
        ActorSpec.CpuAccess c = (ActorSpec.CpuAccess) at.actors[a];
        long va = c.vaddr();
        Pc p = pcOf(s, a);
        switch (p) {
            case C_LOCK -> {
                setPc(s, a, Pc.C_FAULT);
                say(ev, "mmap_lock taken (read)");
            }
            case C_FAULT -> {
                // the CPU's access: a present entry needs no fault; otherwise handle_mm_fault() as in §4.2
                int v = ks.lookup(s, va);
                if (v < 0 || (t.vFlags[v] & (c.write() ? VmFlags.VM_WRITE : VmFlags.VM_READ)) == 0) {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "access: SIGSEGV");
                } else if (ks.present(s, va) >= 0) {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "access hits the present entry");
                } else if (t.vFb[v] == FaultBehavior.VFIO_PCI) {
                    setPc(s, a, Pc.C_FAULT_LOCK);
                    say(ev, "no entry → vfio_pci_mmap_huge_fault()");
                } else if (t.vFb[v] == FaultBehavior.DROPS_LOCK) {
                    // modelled as the TRIED pass: the retried fault inserts
                    String what = m.fault.insert(s, va, v, ev != null);
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, what);
                } else {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "fault returns VM_FAULT_NOPAGE, nothing installed");
                }
            }
            case C_FAULT_LOCK -> {
                setPc(s, a, Pc.C_FAULT_INSERT);
                say(ev, "memory_lock taken (read)");
            }
            case C_FAULT_INSERT -> {
                int v = t.vmaIndexAt(va);
                int d = t.vDev[v];
                if (L.is(s, f.device[d].pmRuntimeEngaged) || !ks.memoryEnabled(s, d)) {
                    say(ev, "memory disabled → VM_FAULT_SIGBUS; memory_lock released");
                } else {
                    String what = m.fault.insert(s, va, v, ev != null);
                    if (ev != null) {
                        say(ev, what + "; memory_lock released");
                    }
                }
                setPc(s, a, Pc.C_UNLOCK);
            }
            case C_UNLOCK -> {
                endIteration(s, a);
                say(ev, "mmap_lock released (read)");
            }
            default -> throw new IllegalStateException("cpu at " + p);
        }
    }

    void stepUnmapper(long[] s, int a, StringBuilder ev) {
        ActorSpec.Unmapper u = (ActorSpec.Unmapper) at.actors[a];
        Pc p = pcOf(s, a);
        switch (p) {
            case M_LOCK -> {
                setPc(s, a, Pc.M_UNMAP);
                say(ev, "mmap_lock taken (write)");
            }
            case M_UNMAP -> {
                // do_vmi_munmap(): unmap_region (zap + free_pgtables) and unlink_file_vma (i_mmap_rwsem write)
                int v = u.vma();
                L.set(s, f.vmaPresent[v], 0);
                for (int sl = 0; sl < t.nSlot; sl++) {
                    long lo = t.sVaddr[sl];
                    long hi = lo + t.sLevel[sl].size();
                    int k = f.slotKind(s, sl);
                    if (k == K_LEAF && lo >= t.vStart[v] && lo < t.vEnd[v]) {
                        f.setSlot(s, sl, K_NONE, false, false);
                    } else if (k == K_TABLE && lo >= t.vStart[v] && hi <= t.vEnd[v]) {
                        f.setSlot(s, sl, K_NONE, false, false);
                    }
                }
                setPc(s, a, Pc.M_UNLOCK);
                if (ev != null) {
                    say(ev, "VMA " + t.spec.vmas().get(v).name() + " removed; its entries and page tables freed");
                }
            }
            case M_UNLOCK -> {
                setPc(s, a, Pc.M_DONE);
                say(ev, "mmap_lock released (write)");
            }
            default -> throw new IllegalStateException("unmapper at " + p);
        }
    }
}
