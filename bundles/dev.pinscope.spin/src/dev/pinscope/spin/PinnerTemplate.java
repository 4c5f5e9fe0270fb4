package dev.pinscope.spin;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pinner's proctype: VFIO_IOMMU_MAP_DMA from vfio_pin_map_dma() down to the fault handler, one template per
 * kernel function of KERNEL-MODEL.md §1–§5 at the step granularity of §8.5 (with the engine's documented merges:
 * the lockless PUD+PMD reads are one step, "lock, re-read, decide" is one step, the fault's memory check + insert +
 * up_read is one step after the down_read step). The pinner's local state (program counter, call site, ret, the
 * follow_pfnmap_args snapshot, unlocked/tried, the BOUNDED counter) lives in proctype locals; the locks it holds are
 * reflected in the shared counters. Steps whose effect depends on the address are emitted once per call site.
 */
final class PinnerTemplate {
    private final Topology t;
    private final KernelState ks;
    private final Policy policy;
    /** False in an exported model (one policy); true: every policy, chosen by the model's {@code policy} variable. */
    private final boolean policyAtRunTime;
    private final int maxRetries;
    private final SimulationOptions options;
    private final int actor;
    private final int me; // owner id in ptl[]
    private final int pinnerOrdinal;
    private final ActorSpec.Pinner p;
    private final List<Topology.Position> pos;
    private final int end;
    private final Pml o;

    PinnerTemplate(Topology t, Policy policy, boolean policyAtRunTime, int maxRetries, SimulationOptions options,
            int actor, int pinnerOrdinal, Pml o) {
        this.t = t;
        this.ks = new KernelState(t);
        this.policy = policy;
        this.policyAtRunTime = policyAtRunTime;
        this.maxRetries = maxRetries;
        this.options = options;
        this.actor = actor;
        this.me = actor + 1;
        this.pinnerOrdinal = pinnerOrdinal;
        this.p = (ActorSpec.Pinner) t.spec.actors().get(actor);
        this.pos = t.positions(p);
        this.end = pos.size();
        this.o = o;
    }

    private String at(String pc, Topology.Position q) {
        return "pc == " + pc + " && k == " + q.index();
    }

    private String noEntry() {
        if (policyAtRunTime) {
            return "(policy == " + PromelaExport.policyConstant(Policy.ENOENT) + " -> R_ENOENT : R_EINVAL)";
        }
        return policy == Policy.ENOENT ? "R_ENOENT" : "R_EINVAL";
    }

    /**
     * A step body that differs by policy: the policy's own text in an exported model; with the policy chosen when
     * pan runs, an {@code if} over the model's {@code policy} variable whose branches are those same texts, so
     * both models do the same thing under each policy by construction.
     */
    private String byPolicy(java.util.function.Function<Policy, String> body) {
        if (!policyAtRunTime) {
            return body.apply(policy);
        }
        java.util.Map<String, List<Policy>> texts = new java.util.LinkedHashMap<>();
        for (Policy p : Policy.values()) {
            texts.computeIfAbsent(body.apply(p), k -> new java.util.ArrayList<>()).add(p);
        }
        if (texts.size() == 1) {
            return texts.keySet().iterator().next();
        }
        StringBuilder b = new StringBuilder("if");
        int i = 0;
        for (var e : texts.entrySet()) {
            String cond = ++i == texts.size() ? "else" : "(" + String.join(" || ", e.getValue().stream()
                    .map(p -> "policy == " + PromelaExport.policyConstant(p)).toList()) + ")";
            b.append("\n:: ").append(cond).append(" ->\n").append(Pml.indentBlock(e.getKey()));
        }
        return b.append("\nfi").toString();
    }

    void emit() {
        String name = "P" + actor + "_" + Pml.ident(p.name());
        o.line("");
        o.comment("Pinner '" + p.name() + "': VFIO_IOMMU_MAP_DMA of " + (p.size() >>> 12) + " pages at 0x"
                + Long.toHexString(p.vaddr()) + (p.write() ? " (IOMMU_WRITE)" : "") + "; " + end
                + " vaddr_get_pfns() call site(s)");
        o.line("proctype " + name + "() {");
        o.in();
        o.line("byte pc = MAP_LOOP;");
        o.comment("k: call site (page offset index), km: site where this vfio_pin_pages_remote() call began");
        o.line("byte k = 0; byte km = 0;");
        o.line("byte ret = R_OK; byte lvl = 0; byte vmf = 0; byte retries = 0; byte held = 0;");
        o.comment("w/stale: follow_pfnmap_args.writable and 'read from a zapped entry' (no recheck under lock)");
        o.line("bit w; bit stale; bit ever_stale; bit mr; bit memr; bit unlocked; bit tried; bit zapped;");
        o.line("top:");
        o.line("do");
        vfioPinMapDma();
        vfioPinPagesRemote();
        vaddrGetPfns();
        followPfnmapStart(true);
        followPfnmapStart(false);
        fixupUserFault();
        handleMmFault();
        followFaultPfn();
        o.comment("the retry path of vaddr_get_pfns(): its own control state, so it can carry the accept label");
        o.line(":: (pc == RETRY) -> goto retry_path");
        o.line(":: (pc == P_DONE) -> break");
        o.line("od;");
        resultCheck();
        o.line("goto finished;");
        o.comment("vaddr_get_pfns(): if (ret == -EAGAIN) goto retry — guarded per policy (§9). An acceptance cycle"
                + " through this label is a retry livelock.");
        o.line("retry_path:");
        o.line("#if PINSCOPE_LIVE == " + pinnerOrdinal);
        o.line("accept_retry:");
        o.line("#endif");
        o.line("skip;");
        o.line("d_step {");
        o.in();
        for (String l : retryBody().split("\n")) {
            o.line(l);
        }
        o.line("printf(\"@" + actor + "\\n\")");
        o.out();
        o.line("};");
        o.line("goto top;");
        o.line("finished:");
        o.line("skip");
        o.out();
        o.line("}");
    }

    // ---------------------------------------------------------------------------------------------- §1.1, §1.2

    private void vfioPinMapDma() {
        o.comment("vfio_pin_map_dma() (§1.1): while (size) { npage = vfio_pin_pages_remote(...); "
                + "if (npage <= 0) break; ... }");
        o.step(actor, "pc == MAP_LOOP && k == " + end, "pc = MAP_END");
        o.step(actor, "pc == MAP_LOOP && k != " + end, "pc = PPR_LOOP");
        o.comment("vfio_pin_map_dma(): any error aborts the whole MAP_DMA, vfio_remove_dma() unwinds it (§1.1)");
        o.step(actor, "pc == MAP_RESULT", Pml.ifElse("ret != R_OK", "pc = MAP_END;\nk = km", "km = k;\npc = MAP_LOOP"));
        o.comment("VFIO_IOMMU_MAP_DMA returns: the userspace-visible result (§9)");
        StringBuilder b = new StringBuilder("pc = P_DONE;\n");
        b.append("res[").append(actor).append("] = 1 + (ret == R_OK -> (ever_stale -> 7 : 0) : "
                + "(ret == R_ENOENT -> 1 : ret));\n");
        b.append("printf(\"CODE %d\\n\", ").append(pinnerOrdinal * 8).append(" + res[").append(actor)
                .append("] - 1);\n");
        b.append("if\n");
        String suffix = t.spec.actors().stream().filter(a -> a instanceof ActorSpec.Pinner).count() > 1
                ? " " + p.name() : "";
        long pages = p.size() >>> 12;
        b.append(":: ret == R_OK -> printf(\"RESULT 0 ").append(pages).append(suffix).append("\\n\")\n");
        String[] names = {"", "-EINVAL", "-EAGAIN", "-EBUSY", "-EFAULT", "-EINTR", "-ENOMEM", "-EINVAL"};
        for (int r = 1; r < names.length; r++) {
            b.append(":: ret == ").append(R_NAMES[r]).append(" -> printf(\"RESULT ").append(names[r]).append(" 0")
                    .append(suffix).append("\\n\")\n");
        }
        b.append("fi");
        o.step(actor, "pc == MAP_END", b.toString());
    }

    static final String[] R_NAMES = {"R_OK", "R_EINVAL", "R_EAGAIN", "R_EBUSY", "R_EFAULT", "R_EINTR", "R_ENOMEM",
        "R_ENOENT"};

    private void vfioPinPagesRemote() {
        boolean oneAtATime = t.spec.kernel().disableHugepages();
        o.comment("vfio_pin_pages_remote() (§1.2): while (npage) { ret = vaddr_get_pfns(...); ... }"
                + (oneAtATime ? " — disable_hugepages: npage = 1" : ""));
        String done = "k == " + end + (oneAtATime ? " || k != km" : "");
        o.step(actor, "pc == PPR_LOOP && (" + done + ")", "pc = PPR_OUT");
        o.step(actor, "pc == PPR_LOOP && !(" + done + ")", "retries = 0;\nret = R_OK;\npc = P_LOCK");
        o.comment("vfio_pin_pages_remote(): ret < 0 → unpin_out; a PFN that does not continue *pfn_base + pinned "
                + "(or a page-backed run after PFNMAP) → out (§1.2)");
        o.step(actor, "pc == PPR_CHECK && ret != R_OK", "lvl = 0;\nw = 0;\npc = MAP_RESULT");
        Set<Long> seen = new HashSet<>();
        for (Topology.Position km : pos) {
            for (Topology.Position k : pos) {
                if (k.index() < km.index() || !seen.add((long) km.index() << 32 | k.index())) {
                    continue;
                }
                boolean contig = t.contiguous(km, k);
                for (int lvl : k.levels()) {
                    String cond = "pc == PPR_CHECK && ret == R_OK && km == " + km.index() + " && k == " + k.index()
                            + " && lvl == " + lvl;
                    if (contig) {
                        int next = Topology.indexAt(pos, k.nextOffset()[lvl]);
                        o.step(actor, cond, "k = " + next + ";\nlvl = 0;\nw = 0;\npc = PPR_LOOP");
                    } else {
                        o.step(actor, cond, "lvl = 0;\nw = 0;\npc = PPR_OUT");
                    }
                }
            }
        }
        o.comment("vfio_pin_pages_remote() out: vfio_lock_acct(0) for PFNMAP; return pinned (§1.2)");
        o.step(actor, "pc == PPR_OUT", "ret = R_OK;\npc = MAP_RESULT");
    }

    // ---------------------------------------------------------------------------------------------- §1.3

    private void vaddrGetPfns() {
        o.comment("vaddr_get_pfns() (§1.3): mmap_read_lock(mm), held until 'done' (L1)");
        o.step(actor, "pc == P_LOCK && !mmap_w", "mr = 1;\nmmap_r++;\npc = GUP");
        for (Topology.Position q : pos) {
            VmaSpec v = q.vma() < 0 ? null : t.spec.vmas().get(q.vma());
            o.comment(String.format("call site %d: vaddr 0x%x (page offset %d)%s", q.index(), q.vaddr(), q.offset(),
                    v == null ? ", no VMA" : ", VMA " + v.name()));
            o.comment("pin_user_pages_remote(locked = NULL): check_vma_flags() refuses VM_IO|VM_PFNMAP with -EFAULT "
                    + "(§1.3, §6.2)");
            String gup;
            if (q.gup()) {
                gup = Pml.ifElse("vma_present[" + q.vma() + "]", "ret = R_OK;\nlvl = LVL_GUP;\npc = P_UNLOCK",
                        "ret = R_EFAULT;\npc = LOOKUP");
            } else {
                gup = "ret = R_EFAULT;\npc = LOOKUP";
            }
            o.step(actor, at("GUP", q), gup);
            o.comment("retry: vma = vma_lookup(mm, vaddr); only VM_PFNMAP takes follow_fault_pfn() (§1.3)");
            String miss = (options.resetRetOnRetry() ? "ret = R_EFAULT;\n" : "") + "pc = P_UNLOCK";
            String lookup = q.pfnmap() ? Pml.ifElse("vma_present[" + q.vma() + "]",
                    "unlocked = 0;\ntried = 0;\npc = F1_READ", miss) : miss;
            o.step(actor, at("LOOKUP", q), lookup);
            o.comment("is_invalid_reserved_pfn(*pfn): count = min(npages, epfn - pfn) from addr_mask, else -EFAULT "
                    + "(§1.3)");
            boolean rsvd = q.vma() >= 0 && t.reserved(q.vma());
            o.step(actor, at("VGP_COUNT", q), rsvd ? "pc = P_UNLOCK" : "ret = R_EFAULT;\nlvl = 0;\npc = P_UNLOCK");
        }
        o.comment("vaddr_get_pfns() done: mmap_read_unlock(mm); return ret (§1.3)");
        o.step(actor, "pc == P_UNLOCK", "mr = 0;\nmmap_r--;\npc = PPR_CHECK");
        // with the policy chosen at run time these steps are there for every policy; only (d') reaches RETRY_UNLOCK
        if (policy == Policy.GUP_STYLE_DROP_LOCK || policyAtRunTime) {
            o.comment("(d') mmap_read_unlock() before the retry: the VMA may change from here on (§9)");
            o.step(actor, "pc == RETRY_UNLOCK", "mr = 0;\nmmap_r--;\npc = RELOCK");
            o.comment("(d') mmap_read_lock_killable(): sleeps only if contended; a fatal signal ends the sleep "
                    + "with -EINTR and no lock held (§9)");
            o.step(actor, "pc == RELOCK && (!mmap_w || fatal_signal_pending[" + actor + "])",
                    Pml.ifElse("!mmap_w", "mr = 1;\nmmap_r++;\npc = LOOKUP", "ret = R_EINTR;\npc = PPR_CHECK"));
        }
    }

    private String retryBody() {
        String sig = "fatal_signal_pending[" + actor + "]";
        String body = byPolicy(policy -> switch (policy) {
            case BOUNDED -> {
                String counted = "zapped" + (options.boundedCountsUnlocked() ? " || unlocked" : "");
                yield Pml.ifElse(counted, Pml.ifElse("retries + 1 > " + maxRetries,
                        "ret = R_EBUSY;\npc = P_UNLOCK", "retries++;\npc = LOOKUP"), "pc = LOOKUP");
            }
            case GUP_STYLE, ENOENT -> Pml.ifElse(sig, "ret = R_EINTR;\npc = P_UNLOCK", "pc = LOOKUP");
            case GUP_STYLE_DROP_LOCK -> Pml.ifElse(sig, "ret = R_EINTR;\npc = P_UNLOCK", "pc = RETRY_UNLOCK");
            default -> "pc = LOOKUP";
        });
        return body + ";\nzapped = 0;\nunlocked = 0";
    }

    // ---------------------------------------------------------------------------------------------- §3.3

    private void followPfnmapStart(boolean f1) {
        String site = f1 ? "F1" : "F2";
        String fail = "ret = " + noEntry() + ";\nlvl = 0;\nw = 0;\nstale = 0;\n"
                + (f1 ? "unlocked = 0;\ntried = 0;\npc = FIXUP" : "pc = F2_FAIL");
        o.comment("follow_pfnmap_start() at " + site + " (§3.3): lockless pud/pmd reads (one step: a PUD table "
                + "cannot change while mmap_lock is held)");
        for (Topology.Position q : pos) {
            if (!q.pfnmap()) {
                continue;
            }
            String pud = KernelState.kind(q.pud());
            String pmd = KernelState.kind(q.pmd());
            String pmdPart = "if\n:: " + pmd + " == LEAF -> lvl = 1;\n    w = " + slotW(q.pmd()) + ";\n    pc = "
                    + site + "_LOCK_PMD\n:: " + pmd + " == NONE ->\n" + Pml.indentBlock(fail)
                    + "\n:: else -> lvl = 0;\n    pc = " + site + "_LOCK_PTE\nfi";
            String body = "if\n:: " + pud + " == LEAF -> lvl = 2;\n    w = " + slotW(q.pud()) + ";\n    pc = " + site
                    + "_LOCK_PUD\n:: " + pud + " == NONE ->\n" + Pml.indentBlock(fail) + "\n:: else ->\n"
                    + Pml.indentBlock(pmdPart) + "\nfi";
            o.step(actor, at(site + "_READ", q), body);
        }
        boolean recheck = t.spec.kernel().recheckUnderLock();
        o.comment("follow_pfnmap_start() at " + site + ": pud_lock/pmd_lock, " + (recheck
                ? "re-read under the lock (ffef67b93aa3): none → -EINVAL (E6/E8a), table → goto retry"
                : "pre-ffef67b93aa3: the stale lockless snapshot is re-tested and passes (§10 #10)")
                + "; pte_offset_map_lock + pte test (E8/E9)");
        for (Topology.Position q : pos) {
            if (!q.pfnmap()) {
                continue;
            }
            for (int slotLvl = 2; slotLvl >= 1; slotLvl--) {
                int slot = slotLvl == 2 ? q.pud() : q.pmd();
                if (slot < 0) {
                    continue;
                }
                int lock = t.slots.get(slot).lock();
                String take = "held = " + lock + ";\nptl[" + lock + "] = " + me + ";\nret = R_OK;\npc = F_END";
                String body;
                if (recheck) {
                    body = "if\n:: " + KernelState.kind(slot) + " == NONE ->\n" + Pml.indentBlock(fail) + "\n:: "
                            + KernelState.kind(slot) + " == TABLE -> lvl = 0;\n    w = 0;\n    pc = " + site
                            + "_READ\n:: else -> w = " + slotW(slot) + ";\n" + Pml.indentBlock(take) + "\nfi";
                } else {
                    body = Pml.ifElse(KernelState.kind(slot) + " != LEAF", "stale = 1", "skip") + ";\n" + take;
                }
                o.step(actor, at(site + (slotLvl == 2 ? "_LOCK_PUD" : "_LOCK_PMD"), q) + " && ptl[" + lock + "] == 0",
                        body);
            }
            int pte = q.pte();
            String cond = at(site + "_LOCK_PTE", q);
            if (pte < 0) {
                o.step(actor, cond, fail);
                continue;
            }
            int lock = t.slots.get(pte).lock();
            String body = "if\n:: " + KernelState.kind(q.pmd()) + " != TABLE ->\n" + Pml.indentBlock(fail) + "\n:: "
                    + KernelState.kind(pte) + " != LEAF ->\n" + Pml.indentBlock(fail) + "\n:: else -> held = " + lock
                    + ";\n    ptl[" + lock + "] = " + me + ";\n    w = " + slotW(pte) + ";\n    ret = R_OK;\n"
                    + "    pc = F_END\nfi";
            // the two failure tests are not exclusive: make the second one exclusive of the first
            body = body.replace(":: " + KernelState.kind(pte) + " != LEAF ->", ":: " + KernelState.kind(q.pmd())
                    + " == TABLE && " + KernelState.kind(pte) + " != LEAF ->");
            o.step(actor, cond + " && ptl[" + lock + "] == 0", body);
        }
    }

    private static String slotW(int slot) {
        return slot < 0 ? "0" : "SLOTW(" + slot + ")";
    }

    // ---------------------------------------------------------------------------------------------- §4

    private void fixupUserFault() {
        o.comment("fixup_user_fault() (§4.1): gup_vma_lookup, vma_permits_fault, then the KILLABLE fatal-signal "
                + "check that 'unlocked != NULL' enables");
        for (Topology.Position q : pos) {
            if (!q.pfnmap()) {
                continue;
            }
            VmaSpec v = t.spec.vmas().get(q.vma());
            boolean permits = v.has(p.write() ? VmFlags.VM_WRITE : VmFlags.VM_READ);
            String inner = permits ? Pml.ifElse("fatal_signal_pending[" + actor + "]",
                    "ret = R_EINTR;\npc = FIXUP_RET", "pc = HMF") : "ret = R_EFAULT;\npc = FIXUP_RET";
            o.step(actor, at("FIXUP", q), Pml.ifElse("!vma_present[" + q.vma() + "]", "ret = R_EFAULT;\npc = FIXUP_RET",
                    inner));
        }
        o.comment("fixup_user_fault(): VM_FAULT_ERROR → vm_fault_to_errno (SIGBUS/SIGSEGV → -EFAULT); "
                + "VM_FAULT_RETRY → retake mmap_lock, *unlocked = true, FAULT_FLAG_TRIED (§4.1)");
        o.step(actor, "pc == FIXUP_RESULT", Pml.ifElse("vmf == VMF_RETRY", "vmf = 0;\npc = FIXUP_RELOCK",
                "ret = (vmf == VMF_NOPAGE -> R_OK : R_EFAULT);\nvmf = 0;\npc = FIXUP_RET"));
        o.comment("fixup_user_fault(): mmap_read_lock() after RETRY is not killable (§4.1)");
        o.step(actor, "pc == FIXUP_RELOCK && !mmap_w", "mr = 1;\nmmap_r++;\nunlocked = 1;\ntried = 1;\npc = FIXUP");
    }

    private void handleMmFault() {
        o.comment("handle_mm_fault() (§4.2): sanitize_fault_flags (write without VM_MAYWRITE → SIGSEGV); a present "
                + "entry is only marked accessed; otherwise the VMA's handler");
        for (Topology.Position q : pos) {
            if (!q.pfnmap()) {
                continue;
            }
            VmaSpec v = t.spec.vmas().get(q.vma());
            String body;
            if (p.write() && !v.has(VmFlags.VM_MAYWRITE)) {
                body = "vmf = VMF_SIGSEGV;\npc = FIXUP_RESULT";
            } else {
                String handler = switch (v.faultBehavior()) {
                    case VFIO_PCI -> "pc = FAULT_LOCK";
                    case NO_INSTALL -> "vmf = VMF_NOPAGE;\npc = FIXUP_RESULT";
                    case DROPS_LOCK -> Pml.ifElse("tried", "pc = PROV_INSERT", "pc = PROV_DROP");
                };
                body = Pml.ifElse(ks.present(q.vaddr()), "vmf = VMF_NOPAGE;\npc = FIXUP_RESULT", handler);
            }
            o.step(actor, at("HMF", q), body);
            if (v.faultBehavior() == FaultBehavior.VFIO_PCI) {
                int d = v.device();
                o.comment("vfio_pci_mmap_huge_fault() (§5.2): down_read(&vdev->memory_lock); sleeps while a zapper "
                        + "holds it for write");
                o.step(actor, at("FAULT_LOCK", q) + " && !mem_w[" + d + "]", "memr = 1;\nmem_r[" + d + "]++;\n"
                        + "pc = FAULT_INSERT");
                o.comment("vfio_pci_vmf_insert_pfn(): SIGBUS if pm_runtime_engaged or memory disabled, else insert "
                        + "(present entry kept); up_read (§5.2)");
                o.step(actor, at("FAULT_INSERT", q) + " && " + ks.insertFree(q.vaddr()), Pml.ifElse(ks.mayInsert(d),
                        ks.insert(q.vaddr(), q.vma()) + ";\nvmf = VMF_NOPAGE", "vmf = VMF_SIGBUS") + ";\nmemr = 0;\n"
                        + "mem_r[" + d + "]--;\npc = FIXUP_RESULT");
            } else if (v.faultBehavior() == FaultBehavior.DROPS_LOCK) {
                o.comment("provider fault (§4.1, §10 #11): without FAULT_FLAG_TRIED it drops mmap_lock and returns "
                        + "VM_FAULT_RETRY; the TRIED pass inserts");
                o.step(actor, at("PROV_INSERT", q) + " && " + ks.insertFree(q.vaddr()), ks.insert(q.vaddr(), q.vma())
                        + ";\nvmf = VMF_NOPAGE;\npc = FIXUP_RESULT");
            }
        }
        if (pos.stream().anyMatch(q -> q.pfnmap()
                && t.spec.vmas().get(q.vma()).faultBehavior() == FaultBehavior.DROPS_LOCK)) {
            o.step(actor, "pc == PROV_DROP", "mr = 0;\nmmap_r--;\nvmf = VMF_RETRY;\npc = FIXUP_RESULT");
        }
    }

    // ---------------------------------------------------------------------------------------------- §2

    private void followFaultPfn() {
        o.comment("follow_fault_pfn() (§2): 'unlocked' is tested before ret, so a fixup error is discarded; "
                + "fixup ok → F2");
        o.step(actor, "pc == FIXUP_RET", "tried = 0;\n" + Pml.ifElse("unlocked", "ret = R_EAGAIN;\npc = RETRY",
                Pml.ifElse("ret != R_OK", "pc = P_UNLOCK", "pc = F2_READ")));
        o.comment("follow_fault_pfn(): the F2 failure branch, where the policies differ (§2.1, §9: policy "
                + (policyAtRunTime ? "chosen at run time" : policy) + ")");
        String f2 = byPolicy(policy -> switch (policy) {
            case PRE_PATCH -> "pc = P_UNLOCK";
            case ENOENT -> Pml.ifElse("ret == R_ENOENT", "ret = R_EAGAIN;\npc = RETRY", "pc = P_UNLOCK");
            case BOUNDED -> "zapped = 1;\nret = R_EAGAIN;\npc = RETRY";
            default -> "ret = R_EAGAIN;\npc = RETRY";
        });
        o.step(actor, "pc == F2_FAIL", f2);
        o.comment("follow_fault_pfn(): write_fault && !args.writable → -EFAULT; follow_pfnmap_end() drops the "
                + "page-table lock; the PFN is used unlocked from here on (§2)");
        String wr = p.write() ? "w" : "1";
        o.step(actor, "pc == F_END", "ptl[held] = 0;\nheld = 0;\n" + Pml.ifElse(wr,
                "ret = R_OK;\n" + Pml.ifElse("stale", "ever_stale = 1", "skip") + ";\npc = VGP_COUNT",
                "ret = R_EFAULT;\nlvl = 0;\npc = P_UNLOCK") + ";\nstale = 0;\nw = 0");
    }

    // ---------------------------------------------------------------------------------------------- checks

    /**
     * After the pinner returned: in the verifier's collection mode (PINSCOPE_COLLECT) a result code not yet in the
     * environment's PINSCOPE_FOUND mask is an assertion violation, so each pan run finds one more reachable result
     * (with its trail) until none is left; otherwise the stale-PFN violation of §10 #10 is a plain assertion.
     */
    private void resultCheck() {
        int bit = pinnerOrdinal * 8;
        o.line("#ifdef PINSCOPE_COLLECT");
        o.line("if");
        o.line(":: c_expr { now.res[" + actor + "] > 0 && ((pinscope_found_mask() >> (" + bit + " + now.res[" + actor
                + "] - 1)) & 1ULL) == 0 } -> assert(false)");
        o.line(":: else -> skip");
        o.line("fi;");
        o.line("#else");
        o.comment("§10 #10: MAP_DMA must not succeed with a PFN read from an entry that had been zapped");
        o.line("assert(res[" + actor + "] != 8);");
        o.line("#endif");
    }

    int end() {
        return end;
    }

    static Level levelOf(int lvl) {
        return Level.values()[lvl];
    }
}
