package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.VmFlags;

/**
 * The fault path a pinner takes from follow_fault_pfn: mm/gup.c {@code fixup_user_fault()} (§4.1) with its
 * VM_FAULT_RETRY relock, mm/memory.c {@code handle_mm_fault()} (§4.2), and the VMA's handler —
 * drivers/vfio/pci/vfio_pci_core.c {@code vfio_pci_mmap_huge_fault()} under memory_lock (§5.2) or a provider
 * that drops the mmap lock or installs nothing (§10 #11, #15). {@link #insert} is the vmf_insert_pfn* family the
 * CPU-access actor's faults use too.
 */
final class FaultPath extends KernelCode {
    FaultPath(Machine m) {
        super(m);
    }

    void step(long[] s, int a, Pc p, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        switch (p) {
            case FIXUP -> stepFixup(s, a, ev);
            case HMF -> stepHandleFault(s, a, ev);
            case FAULT_LOCK -> {
                // vfio_pci_mmap_huge_fault(): down_read(&vdev->memory_lock); sleeps while a zapper writes (§5.2)
                L.set(s, pf.memoryR, 1);
                setPc(s, a, Pc.FAULT_INSERT);
                say(ev, "memory_lock taken (read)");
            }
            case FAULT_INSERT -> {
                // vfio_pci_vmf_insert_pfn(): SIGBUS if pm_runtime_engaged or memory disabled, else insert (§5.2)
                long va = curVaddr(s, a);
                int v = t.vmaIndexAt(va);
                int d = t.vDev[v];
                if (L.is(s, f.device[d].pmRuntimeEngaged) || !ks.memoryEnabled(s, d)) {
                    L.set(s, pf.vmf, VMF_SIGBUS);
                    say(ev, "memory disabled / low power → VM_FAULT_SIGBUS; memory_lock released");
                } else {
                    String what = insert(s, va, v, ev != null);
                    L.set(s, pf.vmf, VMF_NOPAGE);
                    if (ev != null) {
                        say(ev, what + "; VM_FAULT_NOPAGE; memory_lock released");
                    }
                }
                L.set(s, pf.memoryR, 0);
                setPc(s, a, Pc.FIXUP_RESULT);
            }
            case PROV_DROP -> {
                // a provider that returns VM_FAULT_RETRY has released the mmap lock (§4.1, §10 #11)
                L.set(s, pf.mmapR, 0);
                L.set(s, pf.vmf, VMF_RETRY);
                setPc(s, a, Pc.FIXUP_RESULT);
                say(ev, "fault handler dropped mmap_lock → VM_FAULT_RETRY");
            }
            case PROV_INSERT -> {
                long va = curVaddr(s, a);
                String what = insert(s, va, t.vmaIndexAt(va), ev != null);
                L.set(s, pf.vmf, VMF_NOPAGE);
                setPc(s, a, Pc.FIXUP_RESULT);
                if (ev != null) {
                    say(ev, "FAULT_FLAG_TRIED: " + what + "; VM_FAULT_NOPAGE");
                }
            }
            case FIXUP_RESULT -> {
                // fixup_user_fault(): VM_FAULT_ERROR → vm_fault_to_errno (SIGBUS/SIGSEGV → -EFAULT); RETRY → relock
                int vmf = L.geti(s, pf.vmf);
                L.set(s, pf.vmf, 0);
                if (vmf == VMF_RETRY) {
                    setPc(s, a, Pc.FIXUP_RELOCK);
                    say(ev, "VM_FAULT_RETRY: retake mmap_lock, *unlocked = true, FAULT_FLAG_TRIED");
                } else {
                    setRet(s, a, vmf == VMF_NOPAGE ? R_OK : R_EFAULT);
                    setPc(s, a, Pc.FIXUP_RET);
                    if (ev != null) {
                        say(ev, "fixup_user_fault returns " + R_NAMES[ret(s, a)] + " (" + VMF_NAMES[vmf] + ")");
                    }
                }
            }
            case FIXUP_RELOCK -> {
                // mmap_read_lock() after RETRY is not killable (§4.1); then goto retry with *unlocked set
                L.set(s, pf.mmapR, 1);
                L.set(s, pf.unlocked, 1);
                L.set(s, pf.tried, 1);
                setPc(s, a, Pc.FIXUP);
                say(ev, "mmap_lock retaken (read); unlocked = true");
            }
            default -> throw new IllegalStateException("fault path at " + p);
        }
    }

    private void stepFixup(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // fixup_user_fault() retry: gup_vma_lookup, vma_permits_fault, then the KILLABLE fatal-signal check that
        // 'unlocked != NULL' enables (§4.1) — every policy's loop passes here, so SIGKILL always ends it (§9 b)
        long va = curVaddr(s, a);
        int v = ks.lookup(s, va);
        if (v < 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.FIXUP_RET);
            say(ev, "gup_vma_lookup: NULL → -EFAULT");
            return;
        }
        int need = at.pWrite[a] ? VmFlags.VM_WRITE : VmFlags.VM_READ;
        if ((t.vFlags[v] & need) == 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.FIXUP_RET);
            if (ev != null) {
                say(ev, "vma_permits_fault: no " + (at.pWrite[a] ? "VM_WRITE" : "VM_READ") + " → -EFAULT");
            }
            return;
        }
        if (L.is(s, pf.sigPending)) {
            setRet(s, a, R_EINTR);
            setPc(s, a, Pc.FIXUP_RET);
            say(ev, "FAULT_FLAG_KILLABLE && fatal_signal_pending → -EINTR");
            return;
        }
        setPc(s, a, Pc.HMF);
        if (ev != null) {
            say(ev, "handle_mm_fault(" + (at.pWrite[a] ? "WRITE|" : "") + "REMOTE|ALLOW_RETRY|KILLABLE"
                    + (L.is(s, pf.tried) ? "|TRIED" : "") + ")");
        }
    }

    private void stepHandleFault(long[] s, int a, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        // handle_mm_fault(): sanitize_fault_flags (write without VM_MAYWRITE → SIGSEGV), a present entry is only
        // marked accessed, otherwise the VMA's handler runs (§4.2)
        long va = curVaddr(s, a);
        int v = t.vmaIndexAt(va);
        if (at.pWrite[a] && (t.vFlags[v] & VmFlags.VM_MAYWRITE) == 0) {
            L.set(s, pf.vmf, VMF_SIGSEGV);
            setPc(s, a, Pc.FIXUP_RESULT);
            say(ev, "sanitize_fault_flags: write without VM_MAYWRITE → VM_FAULT_SIGSEGV");
            return;
        }
        if (ks.present(s, va) >= 0) {
            L.set(s, pf.vmf, VMF_NOPAGE);
            setPc(s, a, Pc.FIXUP_RESULT);
            say(ev, "entry present: marked accessed, returns 0");
            return;
        }
        switch (t.vFb[v]) {
            case VFIO_PCI -> {
                setPc(s, a, Pc.FAULT_LOCK);
                say(ev, "no entry → vfio_pci_mmap_huge_fault()");
            }
            case NO_INSTALL -> {
                L.set(s, pf.vmf, VMF_NOPAGE);
                setPc(s, a, Pc.FIXUP_RESULT);
                say(ev, "fault handler returns VM_FAULT_NOPAGE without installing an entry (§10 #15)");
            }
            case DROPS_LOCK -> {
                setPc(s, a, L.is(s, pf.tried) ? Pc.PROV_INSERT : Pc.PROV_DROP);
                say(ev, "no entry → provider fault handler");
            }
        }
    }

    /**
     * The insert helpers of §5.2 (vmf_insert_pfn / _pmd / _pud) after __handle_mm_fault's order choice (§4.2):
     * install a PUD leaf if the PUD is none and PUD_ORDER is possible, else allocate the PMD table and try
     * PMD_ORDER, else the PTE. A present entry is kept (idempotent). Returns a description for the trace.
     */
    String insert(long[] s, long va, int vma, boolean describe) {
        boolean w = t.vmaWritableProt(vma);
        int pud = t.pudSlot(va);
        if (pud < 0) {
            return describe ? "no page table modelled here" : null;
        }
        int k = f.slotKind(s, pud);
        if (k == K_LEAF) {
            return describe ? "PUD leaf already present (kept)" : null;
        }
        if (k == K_NONE && t.sCapable[pud]) {
            f.setSlot(s, pud, K_LEAF, w, true);
            return describe ? String.format("PUD leaf inserted (pfn 0x%x)", t.pfnAt(t.sVaddr[pud])) : null;
        }
        String pre = "";
        if (k == K_NONE) {
            f.setSlot(s, pud, K_TABLE, false, false);
            pre = "PMD table allocated; ";
        }
        int pmd = t.pmdSlot(va);
        k = f.slotKind(s, pmd);
        if (k == K_LEAF) {
            return describe ? pre + "PMD leaf already present (kept)" : null;
        }
        if (k == K_NONE && t.sCapable[pmd]) {
            f.setSlot(s, pmd, K_LEAF, w, true);
            return describe ? pre + String.format("PMD leaf inserted (pfn 0x%x)", t.pfnAt(t.sVaddr[pmd])) : null;
        }
        if (k == K_NONE) {
            f.setSlot(s, pmd, K_TABLE, false, false);
            pre += "PTE table allocated; ";
        }
        int pte = t.pteSlot(va);
        if (f.slotKind(s, pte) == K_LEAF) {
            return describe ? pre + "PTE already present (kept)" : null;
        }
        f.setSlot(s, pte, K_LEAF, w, true);
        return describe ? pre + String.format("PTE inserted (pfn 0x%x)", t.pfnAt(va & ~0xfffL)) : null;
    }
}
