package dev.pinscope.spin;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.engine.spec.ZapTrigger;

/**
 * Proctypes of the actors that race with the pinner (KERNEL-MODEL.md §8.6): the vfio-pci memory_lock writers of
 * §5.3, the numa_maps/smaps walker, another CPU thread touching the BAR, the SIGKILL sender and munmap. Each is
 * one template per kernel function, at the step granularity of §8.5 (a zap is one step per leaf, a walker split
 * one step per PUD leaf).
 */
final class ActorTemplates {
    private final Topology t;
    private final KernelState ks;
    private final Pml o;

    ActorTemplates(Topology t, Pml o) {
        this.t = t;
        this.ks = new KernelState(t);
        this.o = o;
    }

    private void open(int a, String what, String locals) {
        ActorSpec as = t.spec.actors().get(a);
        o.line("");
        o.comment(what);
        o.line("proctype P" + a + "_" + Pml.ident(as.name()) + "() {");
        o.in();
        o.line(locals);
        o.line("do");
    }

    private void close(String donePc) {
        o.line(":: (pc == " + donePc + ") -> break");
        o.line("od");
        o.out();
        o.line("}");
    }

    /** End of one iteration of a repeating actor: again from first, or done after repeat times (-1 = forever). */
    private static String endIteration(int repeat, String first, String done) {
        if (repeat < 0) {
            return "cursor = 0;\npc = " + first;
        }
        return "cursor = 0;\n" + Pml.ifElse("iter + 1 >= " + repeat, "iter = 0;\npc = " + done,
                "iter++;\npc = " + first);
    }

    private static String start(int repeat, String first, String done) {
        return repeat == 0 ? done : first;
    }

    // ---------------------------------------------------------------------------------------------- §5.3

    void zapper(int a, ActorSpec.Zapper z) {
        int d = z.device();
        ZapTrigger tr = z.trigger();
        boolean hot = tr == ZapTrigger.HOT_RESET;
        String first = hot ? "Z_TRYLOCK" : "Z_LOCK";
        String fn = switch (tr) {
            case COMMAND_MEMORY_DISABLE, COMMAND_MEMORY_ENABLE, BAR_SIZING -> "vfio_basic_config_write()";
            case DEVICE_RESET -> "vfio_pci_ioctl_reset()";
            case HOT_RESET -> "vfio_pci_dev_set_hot_reset()";
            case LOW_POWER_ENTRY -> "vfio_pci_runtime_pm_entry()";
            case D3HOT -> "vfio_lock_and_set_power_state()";
        };
        open(a, "Zapper '" + z.name() + "': " + tr + " via " + fn + " on device " + d + (z.repeat() < 0
                ? ", forever" : ", " + z.repeat() + " time(s)") + " (§5.3)",
                "byte pc = " + start(z.repeat(), first, "Z_DONE") + "; byte cursor = 0; byte iter = 0; byte zi = 0;");
        String end = endIteration(z.repeat(), first, "Z_DONE");
        String free = "mem_r[" + d + "] == 0 && !mem_w[" + d + "]";
        if (hot) {
            o.comment("VFIO_DEVICE_PCI_HOT_RESET: down_write_trylock(&vdev->memory_lock); contention → -EBUSY [M]");
            o.step(a, "pc == Z_TRYLOCK", Pml.ifElse(free, "mem_w[" + d + "] = 1;\ncursor = 0;\npc = ZAP", end));
        } else {
            o.comment(tr.zaps() ? "vfio_pci_zap_and_down_write_memory_lock(): down_write first, so faults are "
                    + "excluded during the zap" : "down_write(&vdev->memory_lock): MEMORY set, no zap");
            o.step(a, "pc == Z_LOCK && " + free, "mem_w[" + d + "] = 1;\ncursor = 0;\npc = "
                    + (tr.zaps() ? "ZAP" : "Z_STATE"));
        }
        zap(a, d);
        String state = switch (tr) {
            case COMMAND_MEMORY_DISABLE, BAR_SIZING -> "dev_mem[" + d + "] = 0";
            case COMMAND_MEMORY_ENABLE -> "dev_mem[" + d + "] = 1";
            case DEVICE_RESET, HOT_RESET -> "dev_power[" + d + "] = 0";
            case LOW_POWER_ENTRY -> "dev_pm[" + d + "] = 1";
            case D3HOT -> "dev_power[" + d + "] = 1";
        };
        o.comment(switch (tr) {
            case COMMAND_MEMORY_DISABLE, BAR_SIZING -> "vconfig COMMAND.MEMORY = 0";
            case COMMAND_MEMORY_ENABLE -> "vconfig COMMAND.MEMORY = 1";
            case DEVICE_RESET, HOT_RESET -> "reset: device back in D0, vconfig untouched (§5.3 2., §10 #8)";
            case LOW_POWER_ENTRY -> "pm_runtime_engaged = true";
            case D3HOT -> "vfio_pci_set_power_state(PCI_D3hot)";
        });
        o.step(a, "pc == Z_STATE", state + ";\npc = Z_UNLOCK");
        o.comment("up_write(&vdev->memory_lock)");
        o.step(a, "pc == Z_UNLOCK", "mem_w[" + d + "] = 0;\n" + (tr == ZapTrigger.BAR_SIZING ? "pc = Z_BAR" : end));
        if (tr == ZapTrigger.BAR_SIZING) {
            o.comment("BAR sizing: pci_write_config_dword(BAR0, ~0), then MEMORY=1 under the write lock (no zap)");
            o.step(a, "pc == Z_BAR", "pc = Z_LOCK2");
            o.step(a, "pc == Z_LOCK2 && " + free, "mem_w[" + d + "] = 1;\ncursor = 0;\npc = Z_STATE2");
            o.step(a, "pc == Z_STATE2", "dev_mem[" + d + "] = 1;\npc = Z_UNLOCK2");
            o.step(a, "pc == Z_UNLOCK2", "mem_w[" + d + "] = 0;\n" + end);
        }
        close("Z_DONE");
    }

    /**
     * vfio_pci_zap_bars() → unmap_mapping_range() under i_mmap_rwsem (read): one step per present leaf of the
     * device's mappings, in address order, each under its page-table lock (§5.3). cursor = next leaf index + 1
     * while the walk is under way (then i_mmap_rwsem is held).
     */
    private void zap(int a, int d) {
        int[] ds = t.devSlots[d];
        int n = ds.length;
        StringBuilder map = new StringBuilder();
        StringBuilder lockMap = new StringBuilder();
        for (int i = 0; i < n; i++) {
            map.append("(zi == ").append(i).append(" -> ").append(ds[i]).append(" : ");
            lockMap.append("(zi == ").append(i).append(" -> ").append(t.slots.get(ds[i]).lock()).append(" : ");
        }
        o.line("#define ZS_" + a + " " + map + "0" + ")".repeat(n));
        // the guard: the first leaf at or after the cursor has a free page-table lock
        for (int i = n; i >= 0; i--) {
            String def = i == n ? "1" : "(" + KernelState.kind(ds[i]) + " == LEAF -> ptl[" + t.slots.get(ds[i]).lock()
                    + "] == 0 : ZF_" + a + "_" + (i + 1) + ")";
            o.line("#define ZF_" + a + "_" + i + " " + def);
        }
        StringBuilder guard = new StringBuilder();
        for (int c = 0; c <= n; c++) {
            int from = c == 0 ? 0 : c - 1;
            guard.append(c == n ? "ZF_" + a + "_" + from : "(cursor == " + c + " -> ZF_" + a + "_" + from + " : ");
        }
        guard.append(")".repeat(n));
        String skipToLeaf = "do\n:: zi < " + n + " && KIND(ZS_" + a + ") != LEAF -> zi++\n:: else -> break\nod";
        String body = "if\n:: cursor > 0 -> immap_r--\n:: else -> skip\nfi;\n"
                + "zi = (cursor == 0 -> 0 : cursor - 1);\n" + skipToLeaf + ";\n"
                + Pml.ifElse("zi == " + n, "cursor = 0;\npc = Z_STATE", "slot[ZS_" + a + "] = NONE;\nzi++;\n"
                        + skipToLeaf + ";\n" + Pml.ifElse("zi == " + n, "cursor = 0;\npc = Z_STATE",
                                "cursor = zi + 1;\nimmap_r++"))
                + ";\nzi = 0";
        o.comment("vfio_pci_zap_bars(): unmap_mapping_range(), one leaf per step under its page-table lock (§5.3)");
        o.step(a, "pc == ZAP && " + guard, body);
    }

    // ---------------------------------------------------------------------------------------------- walker

    void walker(int a, ActorSpec.Walker w) {
        int[] ws = t.walkerSlots(w.vma());
        open(a, "Walker '" + w.name() + "': show_numa_map()/smaps walk of VMA " + w.vma() + (w.repeat() < 0
                ? ", forever" : ", " + w.repeat() + " time(s)") + " (§5.3 other zappers)",
                "byte pc = " + start(w.repeat(), "W_LOCK", "W_DONE") + "; byte cursor = 0; byte iter = 0;");
        o.comment("show_numa_map(): mmap_read_lock(mm) for the walk");
        o.step(a, "pc == W_LOCK && !mmap_w", "mmap_r++;\ncursor = 0;\npc = " + (ws.length == 0 ? "W_UNLOCK" : "SPLIT"));
        o.comment("walk_pud_range(): no pud_entry → split_huge_pud() under pud_lock, which for PFNMAP just clears it");
        for (int c = 0; c < ws.length; c++) {
            String next = c + 1 >= ws.length ? "cursor = 0;\npc = W_UNLOCK" : "cursor = " + (c + 1);
            o.step(a, "pc == SPLIT && cursor == " + c + " && ptl[1] == 0", Pml.ifElse(KernelState.kind(ws[c])
                    + " == LEAF", "slot[" + ws[c] + "] = NONE", "skip") + ";\n" + next);
        }
        o.comment("mmap_read_unlock(mm)");
        o.step(a, "pc == W_UNLOCK", "mmap_r--;\n" + endIteration(w.repeat(), "W_LOCK", "W_DONE"));
        close("W_DONE");
    }

    // ---------------------------------------------------------------------------------------------- CPU access

    void cpu(int a, ActorSpec.CpuAccess c) {
        long va = c.vaddr();
        int vi = t.vmaAt(va);
        open(a, "CPU access '" + c.name() + "' at 0x" + Long.toHexString(va) + (c.write() ? " (write)" : "")
                + (c.repeat() < 0 ? ", forever" : ", " + c.repeat() + " time(s)") + " (§8.6 F)",
                "byte pc = " + start(c.repeat(), "C_LOCK", "C_DONE") + "; byte cursor = 0; byte iter = 0;");
        o.comment("cpu_access(): mmap_read_lock(mm) (or the per-VMA lock)");
        o.step(a, "pc == C_LOCK && !mmap_w", "mmap_r++;\npc = C_FAULT");
        VmaSpec v = vi < 0 ? null : t.spec.vmas().get(vi);
        String guard = "pc == C_FAULT";
        String body;
        if (v == null) {
            body = "pc = C_UNLOCK";
        } else {
            String onVma;
            if (!v.has(c.write() ? VmFlags.VM_WRITE : VmFlags.VM_READ)) {
                onVma = "pc = C_UNLOCK";
            } else {
                String fault = switch (v.faultBehavior()) {
                    case VFIO_PCI -> "pc = C_FAULT_LOCK";
                    case DROPS_LOCK -> ks.insert(va, vi) + ";\npc = C_UNLOCK";
                    case NO_INSTALL -> "pc = C_UNLOCK";
                };
                onVma = Pml.ifElse(ks.present(va), "pc = C_UNLOCK", fault);
            }
            body = Pml.ifElse("vma_present[" + vi + "]", onVma, "pc = C_UNLOCK");
            if (v.faultBehavior() == FaultBehavior.DROPS_LOCK) {
                // the TRIED pass inserts at once, so the access waits for the insert's page-table locks
                guard += " && (!vma_present[" + vi + "] || " + ks.present(va) + " || " + ks.insertFree(va) + ")";
            }
        }
        o.comment("handle_mm_fault() for the CPU's access: a present entry needs no fault (§4.2)");
        o.step(a, guard, body);
        if (v != null && v.faultBehavior() == FaultBehavior.VFIO_PCI) {
            int d = v.device();
            o.comment("vfio_pci_mmap_huge_fault(): down_read(&vdev->memory_lock) (§5.2)");
            o.step(a, "pc == C_FAULT_LOCK && !mem_w[" + d + "]", "mem_r[" + d + "]++;\npc = C_FAULT_INSERT");
            o.comment("vfio_pci_vmf_insert_pfn(): SIGBUS when memory is off, else the idempotent insert; up_read");
            o.step(a, "pc == C_FAULT_INSERT && " + ks.insertFree(va), Pml.ifElse(ks.mayInsert(d), ks.insert(va, vi),
                    "skip") + ";\nmem_r[" + d + "]--;\npc = C_UNLOCK");
        }
        o.comment("mmap_read_unlock(mm)");
        o.step(a, "pc == C_UNLOCK", "mmap_r--;\n" + endIteration(c.repeat(), "C_LOCK", "C_DONE"));
        close("C_DONE");
    }

    // ---------------------------------------------------------------------------------------------- signal

    void signal(int a, ActorSpec.SignalSender s) {
        open(a, "Signal sender '" + s.name() + "': send_sig(SIGKILL) to actor " + s.target() + " (§8.6 S)",
                "byte pc = S_SEND;");
        o.comment("send_sigkill(): fatal_signal_pending(p) becomes true");
        o.step(a, "pc == S_SEND", "fatal_signal_pending[" + s.target() + "] = 1;\npc = S_DONE");
        close("S_DONE");
    }

    // ---------------------------------------------------------------------------------------------- munmap

    void unmapper(int a, ActorSpec.Unmapper u) {
        VmaSpec v = t.spec.vmas().get(u.vma());
        open(a, "munmap '" + u.name() + "' of VMA " + v.name() + " (§8.6 M): needs mmap_lock for write",
                "byte pc = M_LOCK;");
        o.comment("do_munmap(): mmap_write_lock(mm)");
        o.step(a, "pc == M_LOCK && !mmap_w && mmap_r == 0", "mmap_w = 1;\npc = M_UNMAP");
        StringBuilder b = new StringBuilder("vma_present[" + u.vma() + "] = 0;\n");
        for (Topology.Slot s : t.slots) {
            long lo = s.vaddr();
            long hi = lo + s.level().size();
            if (lo >= v.start() && lo < v.end()) {
                b.append(hi <= v.end() ? "slot[" + s.id() + "] = NONE;\n"
                        : Pml.ifElse(KernelState.kind(s.id()) + " == LEAF", "slot[" + s.id() + "] = NONE", "skip")
                                + ";\n");
            }
        }
        b.append("pc = M_UNLOCK");
        o.comment("do_vmi_munmap(): unmap_region (zap + free_pgtables), unlink_file_vma under i_mmap_rwsem (write)");
        o.step(a, "pc == M_UNMAP && immap_r == 0", b.toString());
        o.comment("mmap_write_unlock(mm)");
        o.step(a, "pc == M_UNLOCK", "mmap_w = 0;\npc = M_DONE");
        close("M_DONE");
    }
}
