package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.VmFlags;

/**
 * drivers/vfio/vfio_iommu_type1.c: a pinner's VFIO_IOMMU_MAP_DMA — {@code vfio_pin_map_dma} (§1.1),
 * {@code vfio_pin_pages_remote} (§1.2), {@code vaddr_get_pfns} with its retry loop and the policies that guard
 * it (§1.3, §9), and {@code follow_fault_pfn} (§2) around the calls into mm ({@link FollowPfnmap},
 * {@link FaultPath}).
 */
final class Type1 extends KernelCode {
    static final int LEVEL_GUP = 3; // 'lvl' value: GUP pinned ordinary pages (no PFNMAP leaf)
    private static final Level[] LEVELS = Level.values();

    Type1(Machine m) {
        super(m);
    }

    static String maskName(int lvl) {
        return switch (lvl) {
            case 2 -> "PUD_MASK";
            case 1 -> "PMD_MASK";
            default -> "PAGE_MASK";
        };
    }

    void step(long[] s, int a, Pc p, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        switch (p) {
            case MAP_LOOP -> {
                // vfio_pin_map_dma(): while (size) — each pass is one vfio_pin_pages_remote() call (§1.1)
                long rem = L.get(s, pf.remaining);
                if (rem == 0) {
                    setPc(s, a, Pc.MAP_END);
                    say(ev, "size == 0: whole range mapped");
                } else {
                    L.set(s, pf.pinned, 0);
                    L.set(s, pf.pfnBaseSet, 0);
                    L.set(s, pf.rsvd, 0);
                    setPc(s, a, Pc.PPR_LOOP);
                    if (ev != null) {
                        ev.append(String.format("vfio_pin_pages_remote(vaddr=0x%x, npage=%d)", curVaddr(s, a),
                                ks.curNpages(s, a)));
                    }
                }
            }
            case PPR_LOOP -> {
                // vfio_pin_pages_remote(): while (npage) { vaddr_get_pfns(...) } (§1.2)
                if (ks.curNpages(s, a) <= 0) {
                    setPc(s, a, Pc.PPR_OUT);
                    say(ev, "npage == 0");
                } else {
                    L.set(s, pf.retries, 0);
                    setRet(s, a, R_OK);
                    setPc(s, a, Pc.P_LOCK);
                    if (ev != null) {
                        ev.append(String.format("vaddr_get_pfns(vaddr=0x%x, npages=%d)", curVaddr(s, a),
                                ks.curNpages(s, a)));
                    }
                }
            }
            case P_LOCK -> {
                // vaddr_get_pfns(): mmap_read_lock(mm), held until 'done' (§1.3, L1)
                L.set(s, pf.mmapR, 1);
                setPc(s, a, Pc.GUP);
                say(ev, "mmap_lock taken (read)");
            }
            case GUP -> stepGup(s, a, ev);
            case LOOKUP -> {
                // retry: vma_lookup(); only VM_PFNMAP takes the follow path, VM_IO alone does not (§1.3)
                long va = curVaddr(s, a);
                int v = ks.lookup(s, va);
                if (v >= 0 && (t.vFlags[v] & VmFlags.VM_PFNMAP) != 0) {
                    L.set(s, pf.unlocked, 0);
                    L.set(s, pf.tried, 0);
                    setPc(s, a, Pc.F1_READ);
                    if (ev != null) {
                        say(ev, "vma_lookup: " + t.spec.vmas().get(v).name() + " (VM_PFNMAP) → follow_fault_pfn()");
                    }
                } else {
                    if (options.resetRetOnRetry()) {
                        setRet(s, a, R_EFAULT);
                    }
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, (v < 0 ? "vma_lookup: NULL" : "vma_lookup: not VM_PFNMAP") + "; ret stays "
                                + R_NAMES[ret(s, a)]);
                    }
                }
            }
            case FIXUP_RET -> {
                // follow_fault_pfn(): 'unlocked' is tested before ret, so a fixup error is discarded (§2)
                L.set(s, pf.tried, 0);
                if (L.is(s, pf.unlocked)) {
                    setRet(s, a, R_EAGAIN);
                    setPc(s, a, Pc.RETRY);
                    say(ev, "unlocked → return -EAGAIN");
                } else if (ret(s, a) != R_OK) {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "return " + R_NAMES[ret(s, a)]);
                    }
                } else {
                    setPc(s, a, Pc.F2_READ);
                    say(ev, "fixup ok → follow_pfnmap_start() again (F2)");
                }
            }
            case F2_FAIL -> stepF2Fail(s, a, ev);
            case F_END -> {
                // follow_fault_pfn(): write check, copy pfn/addr_mask, follow_pfnmap_end() drops the PT lock (§2)
                boolean wrOk = !at.pWrite[a] || L.is(s, pf.writable);
                int lock = L.geti(s, pf.ptl);
                L.set(s, pf.ptl, 0);
                boolean stale = L.is(s, pf.stale);
                L.set(s, pf.stale, 0);
                if (wrOk) {
                    setRet(s, a, R_OK);
                    if (stale) {
                        L.set(s, pf.staleUsed, 1);
                    }
                    setPc(s, a, Pc.VGP_COUNT);
                    if (ev != null) {
                        ev.append(String.format("pfn 0x%x, addr_mask %s%s; %s released", t.pfnAt(curVaddr(s, a)),
                                maskName(L.geti(s, pf.lvl)), stale ? " — STALE: entry was zapped" : "",
                                t.lockName(lock)));
                    }
                } else {
                    setRet(s, a, R_EFAULT);
                    L.set(s, pf.lvl, 0);
                    L.set(s, pf.writable, 0);
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "write_fault && !args.writable → -EFAULT; " + t.lockName(lock) + " released");
                    }
                }
            }
            case RETRY -> stepRetry(s, a, ev);
            case RETRY_UNLOCK -> {
                // (d') mmap_read_unlock() before the retry: the VMA may change now (§9)
                L.set(s, pf.mmapR, 0);
                setPc(s, a, Pc.RELOCK);
                say(ev, "mmap_lock released (read); cond_resched()");
            }
            case RELOCK -> {
                if (!ks.mmapWriteHeld(s)) {
                    L.set(s, pf.mmapR, 1);
                    setPc(s, a, Pc.LOOKUP);
                    say(ev, "mmap_read_lock_killable: taken");
                } else {
                    // contended and a fatal signal is pending: the killable sleep returns -EINTR, no lock held
                    setRet(s, a, R_EINTR);
                    setPc(s, a, Pc.PPR_CHECK);
                    say(ev, "mmap_read_lock_killable: fatal signal → return -EINTR");
                }
            }
            case VGP_COUNT -> {
                // is_invalid_reserved_pfn(); count = min(npages, epfn - pfn) from addr_mask (§1.3)
                long va = curVaddr(s, a);
                int v = t.vmaIndexAt(va);
                if (v >= 0 && t.vRsvd[v]) {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        ev.append(String.format("is_invalid_reserved_pfn: yes; ret = %d PFNs", chunkCount(s, a)));
                    }
                } else {
                    setRet(s, a, R_EFAULT);
                    L.set(s, pf.lvl, 0);
                    L.set(s, pf.writable, 0);
                    setPc(s, a, Pc.P_UNLOCK);
                    say(ev, "pfn has a normal struct page → -EFAULT");
                }
            }
            case P_UNLOCK -> {
                // done: mmap_read_unlock(mm); return ret (§1.3)
                L.set(s, pf.mmapR, 0);
                setPc(s, a, Pc.PPR_CHECK);
                if (ev != null) {
                    say(ev, "mmap_lock released (read); return " + (ret(s, a) == R_OK ? chunkCount(s, a) + " PFNs"
                            : R_NAMES[ret(s, a)]));
                }
            }
            case PPR_CHECK -> stepPprCheck(s, a, ev);
            case PPR_OUT -> {
                // out: vfio_lock_acct(0) for PFNMAP, return pinned (§1.2)
                setRet(s, a, R_OK);
                setPc(s, a, Pc.MAP_RESULT);
                if (ev != null) {
                    say(ev, "return pinned = " + L.get(s, pf.pinned));
                }
            }
            case MAP_RESULT -> {
                // vfio_pin_map_dma(): any error aborts the whole MAP_DMA (§1.1)
                if (ret(s, a) != R_OK) {
                    setPc(s, a, Pc.MAP_END);
                    L.set(s, pf.pinned, 0);
                    if (ev != null) {
                        say(ev, "npage <= 0: ret = " + R_NAMES[ret(s, a)] + "; vfio_remove_dma() unwinds everything");
                    }
                } else {
                    long n = L.get(s, pf.pinned);
                    L.set(s, pf.remaining, L.get(s, pf.remaining) - n);
                    L.set(s, pf.pinned, 0);
                    L.set(s, pf.pfnBaseSet, 0);
                    L.set(s, pf.rsvd, 0);
                    setPc(s, a, Pc.MAP_LOOP);
                    if (ev != null) {
                        say(ev, "iommu_map(" + n + " pages); size -= " + n + " pages");
                    }
                }
            }
            case MAP_END -> {
                setPc(s, a, Pc.P_DONE);
                if (ev != null) {
                    int r = ret(s, a);
                    ev.append(r == R_OK ? "VFIO_IOMMU_MAP_DMA returns 0 (" + at.pPages[a] + " pages pinned)"
                            + (L.is(s, pf.staleUsed) ? " — with a STALE PFN" : "")
                            : "VFIO_IOMMU_MAP_DMA returns " + R_NAMES[r]);
                }
            }
            default -> throw new IllegalStateException("pinner at " + p);
        }
    }

    private void stepGup(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // pin_user_pages_remote(locked = NULL): check_vma_flags() refuses VM_IO|VM_PFNMAP with -EFAULT before any
        // fault or signal check (§1.3); no VMA → -EFAULT too
        long va = curVaddr(s, a);
        int v = ks.lookup(s, va);
        if (v < 0 || (t.vFlags[v] & (VmFlags.VM_IO | VmFlags.VM_PFNMAP)) != 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.LOOKUP);
            if (ev != null) {
                say(ev, "pin_user_pages_remote: -EFAULT (" + (v < 0 ? "no VMA" : "VM_IO|VM_PFNMAP") + ")");
            }
        } else if (at.pWrite[a] && (t.vFlags[v] & VmFlags.VM_WRITE) == 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.LOOKUP);
            say(ev, "pin_user_pages_remote: -EFAULT (write to a read-only VMA)");
        } else {
            // ordinary memory: GUP pins pages (modelled as one contiguous page-backed run up to the VMA end)
            setRet(s, a, R_OK);
            L.set(s, pf.lvl, LEVEL_GUP);
            setPc(s, a, Pc.P_UNLOCK);
            if (ev != null) {
                say(ev, "pin_user_pages_remote: pinned " + chunkCount(s, a) + " page-backed pages");
            }
        }
    }

    private void stepF2Fail(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // follow_fault_pfn(): the F2 failure branch is exactly where the policies differ (§2.1, §9)
        int r = ret(s, a);
        switch (policy) {
            case PRE_PATCH -> {
                setPc(s, a, Pc.P_UNLOCK);
                if (ev != null) {
                    say(ev, "F2 failed: return " + R_NAMES[r]);
                }
            }
            case ENOENT -> {
                if (r == R_ENOENT) {
                    setRet(s, a, R_EAGAIN);
                    setPc(s, a, Pc.RETRY);
                    say(ev, "F2: -ENOENT (no entry) → return -EAGAIN");
                } else {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "F2 failed: return " + R_NAMES[r]);
                    }
                }
            }
            default -> {
                if (policy == Policy.BOUNDED) {
                    L.set(s, pf.zapped, 1);
                }
                setRet(s, a, R_EAGAIN);
                setPc(s, a, Pc.RETRY);
                say(ev, "F2 failed (entry zapped?) → return -EAGAIN");
            }
        }
    }

    private void stepRetry(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // vaddr_get_pfns(): if (ret == -EAGAIN) goto retry — guarded per policy (§9)
        boolean zapped = L.is(s, pf.zapped);
        boolean unlocked = L.is(s, pf.unlocked);
        L.set(s, pf.zapped, 0);
        L.set(s, pf.unlocked, 0);
        switch (policy) {
            case BOUNDED -> {
                if (zapped || (options.boundedCountsUnlocked() && unlocked)) {
                    long n = L.get(s, pf.retries) + 1;
                    if (n > m.maxRetries) {
                        setRet(s, a, R_EBUSY);
                        setPc(s, a, Pc.P_UNLOCK);
                        if (ev != null) {
                            say(ev, "F2 failure #" + n + " > " + m.maxRetries + " → -EBUSY");
                        }
                        return;
                    }
                    L.set(s, pf.retries, n);
                    if (ev != null) {
                        say(ev, "retry #" + n + " of " + m.maxRetries);
                    }
                } else {
                    say(ev, "retry (unlocked, not counted)");
                }
                setPc(s, a, Pc.LOOKUP);
            }
            case GUP_STYLE, ENOENT, GUP_STYLE_DROP_LOCK -> {
                if (L.is(s, pf.sigPending)) {
                    setRet(s, a, R_EINTR);
                    setPc(s, a, Pc.P_UNLOCK);
                    say(ev, "fatal_signal_pending → -EINTR");
                    return;
                }
                if (policy == Policy.GUP_STYLE_DROP_LOCK) {
                    setPc(s, a, Pc.RETRY_UNLOCK);
                    say(ev, "retry: no fatal signal");
                } else {
                    setPc(s, a, Pc.LOOKUP);
                    say(ev, "retry: no fatal signal; cond_resched()");
                }
            }
            default -> {
                setPc(s, a, Pc.LOOKUP);
                say(ev, "goto retry");
            }
        }
    }

    /** PFNs the finished vaddr_get_pfns() call returned: min(npages, epfn - pfn) (§1.3 addr_mask table). */
    long chunkCount(long[] s, int a) {
        StateLayout.Pinner pf = f.pinner[a];
        long va = curVaddr(s, a);
        long np = ks.curNpages(s, a);
        int lvl = L.geti(s, pf.lvl);
        if (lvl == LEVEL_GUP) {
            int v = t.vmaIndexAt(va);
            long cap = t.spec.kernel().disableHugepages() ? 1 : t.spec.kernel().batchCapacity();
            return Math.min(Math.min(np, cap), (t.vEnd[v] - va) >>> 12);
        }
        long pages = LEVELS[lvl].pages();
        long pfn = t.pfnAt(va);
        long epfn = (pfn | (pages - 1)) + 1;
        return Math.min(np, epfn - pfn);
    }

    private void stepPprCheck(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // vfio_pin_pages_remote(): error → unpin_out; first PFN becomes *pfn_base; a PFN that does not continue
        // *pfn_base + pinned (or !rsvd) ends this call with what it has (§1.2)
        int r = ret(s, a);
        if (r != R_OK) {
            L.set(s, pf.lvl, 0);
            L.set(s, pf.writable, 0);
            setPc(s, a, Pc.MAP_RESULT);
            if (ev != null) {
                say(ev, "ret < 0: goto unpin_out; return " + R_NAMES[r]);
            }
            return;
        }
        long va = curVaddr(s, a);
        long count = chunkCount(s, a);
        int lvl = L.geti(s, pf.lvl);
        boolean rsvdNow = lvl != LEVEL_GUP;
        long pinned = L.get(s, pf.pinned);
        if (!L.is(s, pf.pfnBaseSet)) {
            L.set(s, pf.pfnBaseSet, 1);
            L.set(s, pf.rsvd, rsvdNow);
        }
        long base = t.pfnAt(at.pStart[a] + (ks.mapped(s, a) << 12));
        boolean contiguous = lvl == LEVEL_GUP ? !L.is(s, pf.rsvd) : t.pfnAt(va) == base + pinned && L.is(s, pf.rsvd);
        L.set(s, pf.lvl, 0);
        L.set(s, pf.writable, 0);
        if (!contiguous) {
            setPc(s, a, Pc.PPR_OUT);
            if (ev != null) {
                ev.append(String.format("pfn 0x%x != *pfn_base + pinned (0x%x): goto out", t.pfnAt(va), base + pinned));
            }
            return;
        }
        L.set(s, pf.pinned, pinned + count);
        setPc(s, a, Pc.PPR_LOOP);
        if (ev != null) {
            ev.append(String.format("pinned += %d (pfn 0x%x); npage -= %d", count, t.pfnAt(va), count));
        }
    }
}
