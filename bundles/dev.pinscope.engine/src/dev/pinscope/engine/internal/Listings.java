package dev.pinscope.engine.internal;

import dev.pinscope.engine.Listing;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Our own pseudo-C listing of the modelled code paths, one per policy. It uses the kernel's function and
 * variable names so a kernel developer recognises it, but it is a paraphrase written for this tool (see
 * KERNEL-MODEL.md §1–§6), not kernel source. Lines that a step executes carry a key (the Pc's line key) and a
 * label; every engine step maps to exactly one such line.
 */
public final class Listings {
    private static final Map<Policy, Listing> CACHE = new EnumMap<>(Policy.class);

    private Listings() {
    }

    public static synchronized Listing of(Policy p) {
        return CACHE.computeIfAbsent(p, Listings::build);
    }

    /**
     * Labels the engine can stop an {@code until} at: every step's label and every listing line's. The
     * contract ({@code ScheduleLabels.ALL}, what validator and engine accept) is a subset, as a test checks.
     */
    public static List<String> knownLabels() {
        TreeSet<String> t = new TreeSet<>();
        for (Pc p : Pc.ALL) {
            if (!p.label.equals("DONE")) {
                t.add(p.label);
            }
        }
        for (Listing.Line l : of(Policy.GUP_STYLE_DROP_LOCK).lines()) {
            if (l.label() != null) {
                t.add(l.label());
            }
        }
        return List.copyOf(t);
    }

    private static final class B {
        final List<Listing.Line> lines = new ArrayList<>();
        String fn = "";

        void fn(String name) {
            fn = name;
        }

        void l(String text) {
            lines.add(new Listing.Line(lines.size() + 1, text, null, fn, null));
        }

        void k(String key, String label, String text) {
            lines.add(new Listing.Line(lines.size() + 1, text, label, fn, key));
        }

        /** A line executed by a step: key = label. */
        void s(String key, String text) {
            k(key, key, text);
        }
    }

    private static Listing build(Policy p) {
        B b = new B();
        boolean bounded = p == Policy.BOUNDED;
        boolean gup = p == Policy.GUP_STYLE || p == Policy.GUP_STYLE_DROP_LOCK || p == Policy.ENOENT;
        String noent = p == Policy.ENOENT ? "-ENOENT" : "-EINVAL";

        b.l("/* Pinscope listing, policy " + p + " (KERNEL-MODEL.md §9 (" + p.letter() + ")).");
        b.l(" * Paraphrased pseudo-C of drivers/vfio/vfio_iommu_type1.c, mm/memory.c, mm/gup.c and");
        b.l(" * drivers/vfio/pci/vfio_pci_core.c; one marked line per atomic step of the engine. */");
        b.l("");
        b.fn("vfio_pin_map_dma");
        b.l("static int vfio_pin_map_dma(struct vfio_iommu *iommu, struct vfio_dma *dma, size_t map_size)");
        b.l("{");
        b.l("    size_t size = map_size;");
        b.l("    unsigned long pfn;");
        b.l("    long npage;");
        b.l("    int ret = 0;");
        b.l("");
        b.s("MAP_LOOP", "    while (size) {");
        b.k("CALL_PPR", null, "        npage = vfio_pin_pages_remote(dma, dma->vaddr + dma->size, size >> PAGE_SHIFT, &pfn, limit, &batch);");
        b.s("MAP_RESULT", "        if (npage <= 0) { ret = (int)npage; break; }   /* any error aborts the whole MAP_DMA */");
        b.l("        ret = vfio_iommu_map(iommu, dma->iova + dma->size, pfn, npage, dma->prot);");
        b.l("        size -= npage << PAGE_SHIFT;");
        b.l("        dma->size += npage << PAGE_SHIFT;");
        b.l("    }");
        b.s("MAP_END", "    if (ret) vfio_remove_dma(iommu, dma);   /* unmap + unpin everything mapped so far */");
        b.l("    return ret;");
        b.l("}");
        b.l("");
        b.fn("vfio_pin_pages_remote");
        b.l("static long vfio_pin_pages_remote(struct vfio_dma *dma, unsigned long vaddr, long npage,");
        b.l("                                  unsigned long *pfn_base, unsigned long limit, struct vfio_batch *batch)");
        b.l("{");
        b.l("    long ret, pinned = 0;");
        b.l("    unsigned long pfn;");
        b.l("    bool rsvd;");
        b.l("");
        b.l("    *pfn_base = 0;                       /* 0 = unset */");
        b.l("    if (disable_hugepages) npage = 1;");
        b.s("PPR_LOOP", "    while (npage) {");
        b.k("CALL_VGP", null, "        ret = vaddr_get_pfns(mm, vaddr, npage, dma->prot, &pfn, batch);");
        b.s("PPR_CHECK", "        if (ret < 0) goto unpin_out;");
        b.l("        if (!*pfn_base) { *pfn_base = pfn; rsvd = is_invalid_reserved_pfn(*pfn_base); }");
        b.l("        /* PFNMAP: the batch stays empty; stitch leaves while the PFNs stay contiguous */");
        b.l("        if (pfn != *pfn_base + pinned || !rsvd) goto out;");
        b.l("        pinned += ret; npage -= ret; vaddr += ret << PAGE_SHIFT;");
        b.l("    }");
        b.l("out:");
        b.s("PPR_OUT", "    ret = vfio_lock_acct(dma, 0, false);   /* PFNMAP pages are not accounted */");
        b.l("unpin_out:");
        b.l("    return ret < 0 ? ret : pinned;");
        b.l("}");
        b.l("");
        b.fn("vaddr_get_pfns");
        b.l("static long vaddr_get_pfns(struct mm_struct *mm, unsigned long vaddr, long npages, int prot,");
        b.l("                           unsigned long *pfn, struct vfio_batch *batch)");
        b.l("{");
        b.l("    long pin_pages = min_t(long, npages, batch->capacity);");
        b.l("    unsigned int flags = (prot & IOMMU_WRITE) ? FOLL_WRITE : 0;");
        b.l("    struct vm_area_struct *vma;");
        b.l("    long ret;");
        if (bounded) {
            b.l("    int retries = 0;                     /* F2 failures in this call */");
            b.l("    bool zapped;");
        }
        b.l("");
        b.s("P_LOCK", "    mmap_read_lock(mm);");
        b.s("GUP", "    ret = pin_user_pages_remote(mm, vaddr, pin_pages, flags | FOLL_LONGTERM, batch->pages, NULL);");
        b.l("    if (ret > 0) { *pfn = page_to_pfn(batch->pages[0]); batch->size = ret; goto done; }");
        b.l("    if (!ret) ret = -EFAULT;                 /* check_vma_flags(): VM_IO|VM_PFNMAP → -EFAULT */");
        b.l("    vaddr = untagged_addr_remote(mm, vaddr);");
        b.l("retry:");
        b.s("LOOKUP", "    vma = vma_lookup(mm, vaddr);");
        b.l("    if (vma && vma->vm_flags & VM_PFNMAP) {");
        b.l("        unsigned long addr_mask;");
        b.l("");
        b.k("CALL_FFP", null, "        ret = follow_fault_pfn(vma, mm, vaddr, pfn, &addr_mask, prot & IOMMU_WRITE"
                + (bounded ? ", &zapped" : "") + ");");
        b.l("        if (ret == -EAGAIN) {");
        switch (p) {
            case BOUNDED -> {
                b.s("RETRY", "            if (zapped && ++retries > max_retries) {");
                b.l("                ret = -EBUSY;            /* N+1-th F2 failure: give up */");
                b.l("                goto done;");
                b.l("            }");
                b.l("            goto retry;");
            }
            case GUP_STYLE, ENOENT -> {
                b.s("RETRY", "            if (fatal_signal_pending(current)) {");
                b.l("                ret = -EINTR;");
                b.l("                goto done;");
                b.l("            }");
                b.l("            cond_resched();");
                b.l("            goto retry;");
            }
            case GUP_STYLE_DROP_LOCK -> {
                b.s("RETRY", "            if (fatal_signal_pending(current)) {");
                b.l("                ret = -EINTR;");
                b.l("                goto done;");
                b.l("            }");
                b.s("RETRY_UNLOCK", "            mmap_read_unlock(mm);    /* the VMA may change from here on */");
                b.l("            cond_resched();");
                b.s("RELOCK", "            if (mmap_read_lock_killable(mm))");
                b.l("                return -EINTR;");
                b.l("            goto retry;");
            }
            default -> b.s("RETRY", "            goto retry;");
        }
        b.l("        }");
        b.l("        if (!ret) {");
        b.s("VGP_COUNT", "            if (is_invalid_reserved_pfn(*pfn)) {");
        b.l("                unsigned long epfn = (*pfn | (~addr_mask >> PAGE_SHIFT)) + 1;");
        b.l("                ret = min_t(long, npages, epfn - *pfn);");
        b.l("            } else {");
        b.l("                ret = -EFAULT;");
        b.l("            }");
        b.l("        }");
        b.l("    }   /* otherwise ret keeps its value: the GUP error, or a stale -EAGAIN (§1.3 quirk) */");
        b.l("done:");
        b.s("P_UNLOCK", "    mmap_read_unlock(mm);");
        b.l("    return ret;");
        b.l("}");
        b.l("");
        b.fn("follow_fault_pfn");
        b.l("static int follow_fault_pfn(struct vm_area_struct *vma, struct mm_struct *mm, unsigned long vaddr,");
        b.l("                            unsigned long *pfn, unsigned long *addr_mask, bool write_fault"
                + (bounded ? ", bool *zapped" : "") + ")");
        b.l("{");
        b.l("    struct follow_pfnmap_args args = { .vma = vma, .address = vaddr };");
        b.l("    int ret;");
        b.l("");
        if (bounded) {
            b.l("    *zapped = false;");
        }
        b.k("CALL_F1", null, "    ret = follow_pfnmap_start(&args);                 /* F1 */");
        b.l("    if (ret) {");
        b.l("        bool unlocked = false;");
        b.l("");
        b.k("CALL_FIXUP", null, "        ret = fixup_user_fault(mm, vaddr, FAULT_FLAG_REMOTE |");
        b.l("                               (write_fault ? FAULT_FLAG_WRITE : 0), &unlocked);");
        b.s("FIXUP_RET", "        if (unlocked)");
        b.l("            return -EAGAIN;          /* checked before ret: a fixup error is dropped */");
        b.l("        if (ret)");
        b.l("            return ret;");
        b.l("");
        b.k("CALL_F2", null, "        ret = follow_pfnmap_start(&args);             /* F2 */");
        b.l("        if (ret)");
        switch (p) {
            case PRE_PATCH -> b.s("F2_FAIL", "            return ret;              /* -EINVAL: the reported failure */");
            case ENOENT -> {
                b.s("F2_FAIL", "            return ret == -ENOENT ? -EAGAIN : ret;");
            }
            case BOUNDED -> {
                b.s("F2_FAIL", "            { *zapped = true; return -EAGAIN; }");
            }
            default -> b.s("F2_FAIL", "            return -EAGAIN;          /* most likely zapped: retry */");
        }
        b.l("    }");
        b.l("");
        b.s("F_END", "    if (write_fault && !args.writable) {");
        b.l("        ret = -EFAULT;");
        b.l("    } else {");
        b.l("        *pfn = args.pfn;");
        b.l("        *addr_mask = args.addr_mask;");
        b.l("    }");
        b.l("    follow_pfnmap_end(&args);                      /* drops the page-table lock */");
        b.l("    return ret;                                    /* the PFN is used unlocked from here on */");
        b.l("}");
        b.l("");
        b.fn("follow_pfnmap_start");
        b.l("int follow_pfnmap_start(struct follow_pfnmap_args *args)   /* mm/memory.c */");
        b.l("{");
        b.l("    if (address < vma->vm_start || address >= vma->vm_end) return -EINVAL;        /* E1 */");
        b.l("    if (!(vma->vm_flags & (VM_IO | VM_PFNMAP))) return -EINVAL;                    /* E2 */");
        b.l("retry:");
        b.l("    pgdp = pgd_offset(mm, address);  p4dp = p4d_offset(pgdp, address);          /* E3, E4 */");
        b.k("F_READ", "F_READ", "    pud = READ_ONCE(*pud_offset(p4dp, address));   /* lockless; then pmd likewise */");
        b.l("    if (!pud_present(pud)) return " + noent + ";                                /* E5 */");
        b.l("    if (pud_leaf(pud)) {");
        b.k("F_LOCK_PUD", "F_LOCK", "        lock = pud_lock(mm, pudp);");
        b.l("        if (recheck_under_lock) pud = READ_ONCE(*pudp);   /* ffef67b93aa3; else the snapshot */");
        b.l("        if (!pud_present(pud)) { spin_unlock(lock); return " + noent + "; }      /* E6 */");
        b.l("        if (!pud_leaf(pud)) { spin_unlock(lock); goto retry; }");
        b.l("        pfnmap_args_setup(args, lock, NULL, pud_pfn(pud) + pud_index_pages, PUD_MASK, pud_write(pud));");
        b.l("        return 0;                                  /* lock held until follow_pfnmap_end() */");
        b.l("    }");
        b.l("    pmd = pmdp_get_lockless(pmd_offset(pudp, address));");
        b.l("    if (!pmd_present(pmd)) return " + noent + ";                                /* E7 */");
        b.l("    if (pmd_leaf(pmd)) {");
        b.k("F_LOCK_PMD", "F_LOCK", "        lock = pmd_lock(mm, pmdp);");
        b.l("        if (recheck_under_lock) pmd = pmdp_get(pmdp);");
        b.l("        if (!pmd_present(pmd)) { spin_unlock(lock); return " + noent + "; }      /* E8a */");
        b.l("        if (!pmd_leaf(pmd)) { spin_unlock(lock); goto retry; }");
        b.l("        pfnmap_args_setup(args, lock, NULL, pmd_pfn(pmd) + pmd_index_pages, PMD_MASK, pmd_write(pmd));");
        b.l("        return 0;");
        b.l("    }");
        b.k("F_LOCK_PTE", "F_LOCK", "    ptep = pte_offset_map_lock(mm, pmdp, address, &lock);");
        b.l("    if (!ptep) return " + noent + ";                                             /* E8 */");
        b.l("    pte = ptep_get(ptep);");
        b.l("    if (!pte_present(pte)) { pte_unmap_unlock(ptep, lock); return " + noent + "; } /* E9 */");
        b.l("    pfnmap_args_setup(args, lock, ptep, pte_pfn(pte), PAGE_MASK, pte_write(pte));");
        b.l("    return 0;");
        b.l("}");
        b.l("");
        b.fn("fixup_user_fault");
        b.l("int fixup_user_fault(struct mm_struct *mm, unsigned long address, unsigned int fault_flags,");
        b.l("                     bool *unlocked)   /* mm/gup.c */");
        b.l("{");
        b.l("    if (unlocked) fault_flags |= FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE;");
        b.l("retry:");
        b.s("FIXUP", "    vma = gup_vma_lookup(mm, address);");
        b.l("    if (!vma) return -EFAULT;");
        b.l("    if (!vma_permits_fault(vma, fault_flags)) return -EFAULT;");
        b.l("    if ((fault_flags & FAULT_FLAG_KILLABLE) && fatal_signal_pending(current)) return -EINTR;");
        b.k("CALL_HMF", null, "    ret = handle_mm_fault(vma, address, fault_flags, NULL);");
        b.s("FIXUP_RESULT", "    if (ret & VM_FAULT_ERROR) return vm_fault_to_errno(ret, 0);  /* SIGBUS/SIGSEGV → -EFAULT */");
        b.l("    if (ret & VM_FAULT_RETRY) {");
        b.s("FIXUP_RELOCK", "        mmap_read_lock(mm);                        /* not killable */");
        b.l("        *unlocked = true;");
        b.l("        fault_flags |= FAULT_FLAG_TRIED;");
        b.l("        goto retry;");
        b.l("    }");
        b.l("    return 0;");
        b.l("}");
        b.l("");
        b.fn("handle_mm_fault");
        b.l("vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags)");
        b.l("{");
        b.k("HANDLE_FAULT", "HANDLE_FAULT", "    if (!sanitize_fault_flags(vma, &flags)) return VM_FAULT_SIGSEGV;");
        b.l("    /* __handle_mm_fault(): PUD none && PUD_ORDER allowed → huge_fault(PUD_ORDER);");
        b.l("     * else pmd_alloc(), PMD none && PMD_ORDER allowed → huge_fault(PMD_ORDER); else the PTE;");
        b.l("     * a present entry is only marked accessed */");
        b.k("CALL_HUGE", null, "    return vma->vm_ops->huge_fault(vmf, order);      /* vfio-pci */");
        b.k("CALL_PROV", null, "    return vma->vm_ops->fault(vmf);                  /* other PFNMAP providers */");
        b.l("}");
        b.l("");
        b.fn("vfio_pci_mmap_huge_fault");
        b.l("static vm_fault_t vfio_pci_mmap_huge_fault(struct vm_fault *vmf, unsigned int order)");
        b.l("{");
        b.l("    unsigned long pfn = vma_to_pfn(vma) + ((addr - vma->vm_start) >> PAGE_SHIFT);");
        b.l("    if (!is_aligned_for_order(vma, addr, pfn, order)) return VM_FAULT_FALLBACK;");
        b.s("FAULT_LOCK", "    down_read(&vdev->memory_lock);");
        b.s("FAULT_INSERT", "    if (vdev->pm_runtime_engaged || !__vfio_pci_memory_enabled(vdev)) ret = VM_FAULT_SIGBUS;");
        b.l("    else ret = vfio_pci_vmf_insert_pfn(vdev, vmf, pfn, order);  /* present entry: kept */");
        b.l("    up_read(&vdev->memory_lock);");
        b.l("    return ret;");
        b.l("}");
        b.l("");
        b.fn("provider_fault");
        b.l("static vm_fault_t provider_fault(struct vm_fault *vmf)   /* NO_INSTALL / DROPS_LOCK providers */");
        b.l("{");
        b.l("    if (NO_INSTALL) return VM_FAULT_NOPAGE;          /* nothing installed: §10 #15 */");
        b.l("    if (!(vmf->flags & FAULT_FLAG_TRIED)) {");
        b.s("PROV_DROP", "        mmap_read_unlock(vmf->vma->vm_mm); return VM_FAULT_RETRY;   /* e.g. TTM */");
        b.l("    }");
        b.s("PROV_INSERT", "    return vmf_insert_pfn(vmf->vma, vmf->address, pfn);");
        b.l("}");
        b.l("");
        for (ZapTrigger t : ZapTrigger.values()) {
            zapper(b, t);
        }
        b.fn("show_numa_map");
        b.l("static int show_numa_map(struct seq_file *m, void *v)   /* numa_maps / smaps reader */");
        b.l("{");
        b.s("W_LOCK", "    mmap_read_lock(mm);");
        b.l("    walk_page_vma(vma, &show_numa_ops, md):  /* walk_pud_range(): no pud_entry */");
        b.s("SPLIT", "        if (pud_leaf(*pud)) split_huge_pud(vma, pud, addr);   /* PFNMAP: just clears it */");
        b.s("W_UNLOCK", "    mmap_read_unlock(mm);");
        b.l("}");
        b.l("");
        b.fn("cpu_access");
        b.l("static void cpu_access(void *addr)   /* another thread touching the BAR */");
        b.l("{");
        b.s("C_LOCK", "    mmap_read_lock(mm);    /* or the per-VMA lock */");
        b.k("C_CALL_HMF", null, "    if (!present(addr)) handle_mm_fault(vma, addr, flags, regs);");
        b.s("C_UNLOCK", "    mmap_read_unlock(mm);");
        b.l("}");
        b.l("");
        b.fn("send_sigkill");
        b.l("static void send_sigkill(struct task_struct *p)");
        b.l("{");
        b.k("SIGNAL", "SIGNAL", "    send_sig(SIGKILL, p, 1);   /* fatal_signal_pending(p) becomes true */");
        b.l("}");
        b.l("");
        b.fn("do_munmap");
        b.l("static int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)");
        b.l("{");
        b.s("M_LOCK", "    mmap_write_lock(mm);");
        b.k("M_UNMAP", "MUNMAP", "    do_vmi_munmap(...);   /* unmap_region + free_pgtables; unlink_file_vma (i_mmap_rwsem W) */");
        b.s("M_UNLOCK", "    mmap_write_unlock(mm);");
        b.l("}");
        return new Listing(p, b.lines);
    }

    private static void zapper(B b, ZapTrigger t) {
        String pre = t.name() + ":";
        switch (t) {
            case COMMAND_MEMORY_DISABLE, COMMAND_MEMORY_ENABLE, BAR_SIZING -> {
                b.fn("vfio_basic_config_write");
                b.l("/* vfio_basic_config_write(): " + (t == ZapTrigger.COMMAND_MEMORY_ENABLE ? "PCI_COMMAND with MEMORY set"
                        : t == ZapTrigger.BAR_SIZING ? "BAR sizing: MEMORY=0, write BAR, MEMORY=1"
                        : "PCI_COMMAND with MEMORY clear") + " (" + t + ") */");
                b.l("{");
                if (t == ZapTrigger.COMMAND_MEMORY_ENABLE) {
                    b.k(pre + "Z_LOCK", "Z_LOCK", "    down_write(&vdev->memory_lock);   /* no zap when MEMORY is set */");
                } else {
                    b.k(pre + "Z_LOCK", "Z_LOCK", "    down_write(&vdev->memory_lock);   /* vfio_pci_zap_and_down_write_memory_lock() */");
                    b.k(pre + "ZAP", "ZAP", "    vfio_pci_zap_bars(vdev);   /* unmap_mapping_range(): one leaf per step */");
                }
                b.k(pre + "Z_STATE", "Z_STATE", "    vconfig->COMMAND = " + (t == ZapTrigger.COMMAND_MEMORY_ENABLE
                        ? "cmd | PCI_COMMAND_MEMORY;" : "cmd & ~PCI_COMMAND_MEMORY;"));
                b.k(pre + "Z_UNLOCK", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                if (t == ZapTrigger.BAR_SIZING) {
                    b.k(pre + "Z_BAR", "Z_BAR", "    pci_write_config_dword(pdev, PCI_BASE_ADDRESS_0, ~0);   /* size the BAR */");
                    b.k(pre + "Z_LOCK2", "Z_LOCK", "    down_write(&vdev->memory_lock);   /* MEMORY=1: no zap */");
                    b.k(pre + "Z_STATE2", "Z_STATE", "    vconfig->COMMAND = cmd | PCI_COMMAND_MEMORY;");
                    b.k(pre + "Z_UNLOCK2", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                }
                b.l("}");
            }
            case DEVICE_RESET -> {
                b.fn("vfio_pci_ioctl_reset");
                b.l("static int vfio_pci_ioctl_reset(struct vfio_pci_core_device *vdev)   /* VFIO_DEVICE_RESET */");
                b.l("{");
                b.k(pre + "Z_LOCK", "Z_LOCK", "    down_write(&vdev->memory_lock);");
                b.k(pre + "ZAP", "ZAP", "    vfio_pci_zap_bars(vdev);");
                b.k(pre + "Z_STATE", "Z_STATE", "    vfio_pci_set_power_state(vdev, PCI_D0); pci_try_reset_function(pdev);   /* vconfig untouched */");
                b.k(pre + "Z_UNLOCK", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                b.l("}");
            }
            case HOT_RESET -> {
                b.fn("vfio_pci_dev_set_hot_reset");
                b.l("static int vfio_pci_dev_set_hot_reset(...)   /* VFIO_DEVICE_PCI_HOT_RESET, per device */");
                b.l("{");
                b.k(pre + "Z_TRYLOCK", "Z_LOCK", "    if (!down_write_trylock(&vdev->memory_lock)) return -EBUSY;");
                b.k(pre + "ZAP", "ZAP", "    vfio_pci_zap_bars(vdev);");
                b.k(pre + "Z_STATE", "Z_STATE", "    pci_reset_bus(pdev);   /* device back in D0 */");
                b.k(pre + "Z_UNLOCK", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                b.l("}");
            }
            case LOW_POWER_ENTRY -> {
                b.fn("vfio_pci_runtime_pm_entry");
                b.l("static int vfio_pci_runtime_pm_entry(...)   /* VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY */");
                b.l("{");
                b.k(pre + "Z_LOCK", "Z_LOCK", "    down_write(&vdev->memory_lock);");
                b.k(pre + "ZAP", "ZAP", "    vfio_pci_zap_bars(vdev);");
                b.k(pre + "Z_STATE", "Z_STATE", "    vdev->pm_runtime_engaged = true;");
                b.k(pre + "Z_UNLOCK", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                b.l("}");
            }
            case D3HOT -> {
                b.fn("vfio_lock_and_set_power_state");
                b.l("static void vfio_lock_and_set_power_state(...)   /* PM_CTRL write to D3hot */");
                b.l("{");
                b.k(pre + "Z_LOCK", "Z_LOCK", "    down_write(&vdev->memory_lock);");
                b.k(pre + "ZAP", "ZAP", "    vfio_pci_zap_bars(vdev);");
                b.k(pre + "Z_STATE", "Z_STATE", "    vfio_pci_set_power_state(vdev, PCI_D3hot);");
                b.k(pre + "Z_UNLOCK", "Z_UNLOCK", "    up_write(&vdev->memory_lock);");
                b.l("}");
            }
        }
        b.l("");
    }

    /** The listing key of the line actor a executes at pc (zapper lines are per trigger). */
    static String keyOf(Pc pc, ZapTrigger trigger) {
        if (pc.fn == Pc.Fn.ZAPPER) {
            return trigger + ":" + pc.key;
        }
        return pc.key;
    }
}
