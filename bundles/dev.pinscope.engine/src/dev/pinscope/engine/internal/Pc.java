package dev.pinscope.engine.internal;

/**
 * Program counters of every actor: one per atomic step of KERNEL-MODEL.md §8.5. {@code key} names the listing
 * line the step executes (ListingWriter defines the lines), {@code label} is the stable schedule label (F1_/F2_
 * variants of follow_pfnmap_start lines are told apart by the call site), {@code local} marks steps that touch
 * only the actor's own fields and commute with every other actor's step (used by partial-order reduction).
 */
enum Pc {
    // ---- pinner: vfio_pin_map_dma (§1.1)
    MAP_LOOP(Fn.MAP, "MAP_LOOP", "MAP_LOOP", true, Fn.Site.NONE),
    MAP_RESULT(Fn.MAP, "MAP_RESULT", "MAP_RESULT", true, Fn.Site.NONE),
    MAP_END(Fn.MAP, "MAP_END", "MAP_END", true, Fn.Site.NONE),
    // ---- vfio_pin_pages_remote (§1.2)
    PPR_LOOP(Fn.PPR, "PPR_LOOP", "PPR_LOOP", true, Fn.Site.PPR),
    PPR_CHECK(Fn.PPR, "PPR_CHECK", "PPR_CHECK", true, Fn.Site.PPR),
    PPR_OUT(Fn.PPR, "PPR_OUT", "PPR_OUT", true, Fn.Site.PPR),
    // ---- vaddr_get_pfns (§1.3)
    P_LOCK(Fn.VGP, "P_LOCK", "P_LOCK", false, Fn.Site.VGP),
    GUP(Fn.VGP, "GUP", "GUP", true, Fn.Site.VGP),
    LOOKUP(Fn.VGP, "LOOKUP", "LOOKUP", true, Fn.Site.VGP),
    RETRY(Fn.VGP, "RETRY", "RETRY", false, Fn.Site.VGP),
    RETRY_UNLOCK(Fn.VGP, "RETRY_UNLOCK", "RETRY_UNLOCK", false, Fn.Site.VGP),
    RELOCK(Fn.VGP, "RELOCK", "RELOCK", false, Fn.Site.VGP),
    VGP_COUNT(Fn.VGP, "VGP_COUNT", "VGP_COUNT", true, Fn.Site.VGP),
    P_UNLOCK(Fn.VGP, "P_UNLOCK", "P_UNLOCK", false, Fn.Site.VGP),
    // ---- follow_fault_pfn (§2)
    FIXUP_RET(Fn.FFP, "FIXUP_RET", "FIXUP_RET", true, Fn.Site.FFP),
    F2_FAIL(Fn.FFP, "F2_FAIL", "F2_FAIL", true, Fn.Site.FFP),
    F_END(Fn.FFP, "F_END", "F_END", false, Fn.Site.FFP),
    // ---- follow_pfnmap_start (§3.3), called at F1 and at F2
    F1_READ(Fn.FPS, "F_READ", "F1_READ", false, Fn.Site.F1),
    F1_LOCK_PUD(Fn.FPS, "F_LOCK_PUD", "F1_LOCK", false, Fn.Site.F1),
    F1_LOCK_PMD(Fn.FPS, "F_LOCK_PMD", "F1_LOCK", false, Fn.Site.F1),
    F1_LOCK_PTE(Fn.FPS, "F_LOCK_PTE", "F1_LOCK", false, Fn.Site.F1),
    F2_READ(Fn.FPS, "F_READ", "F2_READ", false, Fn.Site.F2),
    F2_LOCK_PUD(Fn.FPS, "F_LOCK_PUD", "F2_LOCK", false, Fn.Site.F2),
    F2_LOCK_PMD(Fn.FPS, "F_LOCK_PMD", "F2_LOCK", false, Fn.Site.F2),
    F2_LOCK_PTE(Fn.FPS, "F_LOCK_PTE", "F2_LOCK", false, Fn.Site.F2),
    // ---- fixup_user_fault (§4.1) and the fault path (§4.2, §5.2)
    FIXUP(Fn.FIXUP, "FIXUP", "FIXUP", false, Fn.Site.FIXUP),
    FIXUP_RESULT(Fn.FIXUP, "FIXUP_RESULT", "FIXUP_RESULT", true, Fn.Site.FIXUP),
    FIXUP_RELOCK(Fn.FIXUP, "FIXUP_RELOCK", "FIXUP_RELOCK", false, Fn.Site.FIXUP),
    HMF(Fn.HMF, "HANDLE_FAULT", "HANDLE_FAULT", false, Fn.Site.HMF),
    FAULT_LOCK(Fn.HUGE, "FAULT_LOCK", "FAULT_LOCK", false, Fn.Site.HUGE),
    FAULT_INSERT(Fn.HUGE, "FAULT_INSERT", "FAULT_INSERT", false, Fn.Site.HUGE),
    PROV_DROP(Fn.PROV, "PROV_DROP", "FAULT_DROP", false, Fn.Site.PROV),
    PROV_INSERT(Fn.PROV, "PROV_INSERT", "FAULT_INSERT", false, Fn.Site.PROV),
    P_DONE(Fn.MAP, "MAP_END", "DONE", false, Fn.Site.NONE),

    // ---- zapper (§5.3); the line keys get the trigger's function prefix
    Z_LOCK(Fn.ZAPPER, "Z_LOCK", "Z_LOCK", false, Fn.Site.NONE),
    Z_TRYLOCK(Fn.ZAPPER, "Z_TRYLOCK", "Z_LOCK", false, Fn.Site.NONE),
    ZAP(Fn.ZAPPER, "ZAP", "ZAP", false, Fn.Site.NONE),
    Z_STATE(Fn.ZAPPER, "Z_STATE", "Z_STATE", true, Fn.Site.NONE),
    Z_UNLOCK(Fn.ZAPPER, "Z_UNLOCK", "Z_UNLOCK", false, Fn.Site.NONE),
    Z_BAR(Fn.ZAPPER, "Z_BAR", "Z_BAR", true, Fn.Site.NONE),
    Z_LOCK2(Fn.ZAPPER, "Z_LOCK2", "Z_LOCK", false, Fn.Site.NONE),
    Z_STATE2(Fn.ZAPPER, "Z_STATE2", "Z_STATE", true, Fn.Site.NONE),
    Z_UNLOCK2(Fn.ZAPPER, "Z_UNLOCK2", "Z_UNLOCK", false, Fn.Site.NONE),
    Z_DONE(Fn.ZAPPER, "Z_DONE", "DONE", false, Fn.Site.NONE),
    // ---- page-table walker (numa_maps/smaps, §5.3 "other zappers")
    W_LOCK(Fn.WALKER, "W_LOCK", "W_LOCK", false, Fn.Site.NONE),
    SPLIT(Fn.WALKER, "SPLIT", "SPLIT", false, Fn.Site.NONE),
    W_UNLOCK(Fn.WALKER, "W_UNLOCK", "W_UNLOCK", false, Fn.Site.NONE),
    W_DONE(Fn.WALKER, "W_DONE", "DONE", false, Fn.Site.NONE),
    // ---- CPU access by another thread (§8.6 F)
    C_LOCK(Fn.CPU, "C_LOCK", "C_LOCK", false, Fn.Site.NONE),
    C_FAULT(Fn.HMF, "HANDLE_FAULT", "HANDLE_FAULT", false, Fn.Site.C_HMF),
    C_FAULT_LOCK(Fn.HUGE, "FAULT_LOCK", "FAULT_LOCK", false, Fn.Site.C_HUGE),
    C_FAULT_INSERT(Fn.HUGE, "FAULT_INSERT", "FAULT_INSERT", false, Fn.Site.C_HUGE),
    C_UNLOCK(Fn.CPU, "C_UNLOCK", "C_UNLOCK", false, Fn.Site.NONE),
    C_DONE(Fn.CPU, "C_DONE", "DONE", false, Fn.Site.NONE),
    // ---- SIGKILL sender
    S_SEND(Fn.SIGNAL, "SIGNAL", "SIGNAL", false, Fn.Site.NONE),
    S_DONE(Fn.SIGNAL, "S_DONE", "DONE", false, Fn.Site.NONE),
    // ---- munmap (§8.6 M)
    M_LOCK(Fn.MUNMAP, "M_LOCK", "M_LOCK", false, Fn.Site.NONE),
    M_UNMAP(Fn.MUNMAP, "M_UNMAP", "MUNMAP", false, Fn.Site.NONE),
    M_UNLOCK(Fn.MUNMAP, "M_UNLOCK", "M_UNLOCK", false, Fn.Site.NONE),
    M_DONE(Fn.MUNMAP, "M_DONE", "DONE", false, Fn.Site.NONE);

    static final Pc[] ALL = values();

    final Fn fn;
    final String key;
    final String label;
    final boolean local;
    final Fn.Site site;

    Pc(Fn fn, String key, String label, boolean local, Fn.Site site) {
        this.fn = fn;
        this.key = key;
        this.label = label;
        this.local = local;
        this.site = site;
    }

    boolean isDone() {
        return this == P_DONE || this == Z_DONE || this == W_DONE || this == C_DONE || this == S_DONE
                || this == M_DONE;
    }

    /** Functions of the listing and the call sites that lead to them (the static call tree of a pinner). */
    enum Fn {
        MAP("vfio_pin_map_dma"), PPR("vfio_pin_pages_remote"), VGP("vaddr_get_pfns"), FFP("follow_fault_pfn"),
        FPS("follow_pfnmap_start"), FIXUP("fixup_user_fault"), HMF("handle_mm_fault"),
        HUGE("vfio_pci_mmap_huge_fault"), PROV("provider_fault"), ZAPPER("zapper"),
        WALKER("show_numa_map"), CPU("cpu_access"), SIGNAL("send_sigkill"), MUNMAP("do_munmap");

        final String cname;

        Fn(String cname) {
            this.cname = cname;
        }

        /** Call-site chains: the caller frames' line keys, outermost first. */
        enum Site {
            NONE(), PPR("CALL_PPR"), VGP("CALL_PPR", "CALL_VGP"), FFP("CALL_PPR", "CALL_VGP", "CALL_FFP"),
            F1("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_F1"), F2("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_F2"),
            FIXUP("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_FIXUP"),
            HMF("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_FIXUP", "CALL_HMF"),
            HUGE("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_FIXUP", "CALL_HMF", "CALL_HUGE"),
            PROV("CALL_PPR", "CALL_VGP", "CALL_FFP", "CALL_FIXUP", "CALL_HMF", "CALL_PROV"),
            C_HMF("C_CALL_HMF"), C_HUGE("C_CALL_HMF", "CALL_HUGE");

            final String[] callers;

            Site(String... callers) {
                this.callers = callers;
            }
        }
    }
}
