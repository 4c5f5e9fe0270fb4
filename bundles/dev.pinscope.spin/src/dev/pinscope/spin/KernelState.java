package dev.pinscope.spin;

import dev.pinscope.engine.spec.Level;

/**
 * Promela expressions and statements over the shared kernel state that several actors' templates use: the
 * page-table slots of §8.3 ({@code slot[i]} = kind | writable << 2), their locks ({@code ptl[id]} = owning pinner
 * + 1, 0 = free), the insert helpers of §5.2 and the present-entry test of the fault path (§4.2).
 */
final class KernelState {
    private final Topology t;

    KernelState(Topology t) {
        this.t = t;
    }

    static String kind(int slot) {
        return slot < 0 ? "NONE" : "KIND(" + slot + ")";
    }

    /** Is a leaf present for va (pud leaf, or pud table → pmd leaf, or pmd table → pte leaf)? */
    String present(long va) {
        int pud = t.slotAt(Level.PUD, va);
        int pmd = t.slotAt(Level.PMD, va);
        int pte = t.slotAt(Level.PTE, va);
        if (pud < 0) {
            return "0";
        }
        String lower = pmd < 0 ? "0" : "(" + kind(pmd) + " == LEAF || (" + kind(pmd) + " == TABLE && "
                + (pte < 0 ? "0" : kind(pte) + " == LEAF") + "))";
        return "(" + kind(pud) + " == LEAF || (" + kind(pud) + " == TABLE && " + lower + "))";
    }

    /**
     * The locks an insert at va needs are free: the PUD lock, then, unless the PUD takes (or has) the leaf, the
     * PMD table's lock, then likewise the PTE table's lock (vmf_insert_pfn_pud / _pmd / vmf_insert_pfn, §5.2).
     */
    String insertFree(long va) {
        int pud = t.slotAt(Level.PUD, va);
        if (pud < 0) {
            return "1";
        }
        int pmd = t.slotAt(Level.PMD, va);
        String pmdPart;
        if (pmd < 0) {
            pmdPart = "1";
        } else {
            int pte = t.slotAt(Level.PTE, va);
            String ptePart = pte < 0 ? "1" : "ptl[" + t.slots.get(pte).lock() + "] == 0";
            pmdPart = "(ptl[" + t.slots.get(pmd).lock() + "] == 0 && (" + takes(pmd) + " || " + ptePart + "))";
        }
        return "(ptl[1] == 0 && (" + takes(pud) + " || " + pmdPart + "))";
    }

    /** The slot ends the insert: a leaf is there, or it is none and a leaf of its level can be installed. */
    private String takes(int slot) {
        return t.slots.get(slot).capable() ? kind(slot) + " != TABLE" : kind(slot) + " == LEAF";
    }

    /**
     * The insert of §5.2 after __handle_mm_fault's order choice (§4.2): a leaf at the highest level that is none and
     * capable, allocating the tables above it; a present entry is kept (idempotent).
     */
    String insert(long va, int vma) {
        int w = t.writableProt(vma) ? 4 : 0;
        int pud = t.slotAt(Level.PUD, va);
        if (pud < 0) {
            return "skip";
        }
        int pmd = t.slotAt(Level.PMD, va);
        int pte = t.slotAt(Level.PTE, va);
        String pteIns = pte < 0 ? "skip" : Pml.ifElse(kind(pte) + " == LEAF", "skip", "slot[" + pte + "] = LEAF + " + w);
        String pmdIns;
        if (pmd < 0) {
            pmdIns = "skip";
        } else if (t.slots.get(pmd).capable()) {
            pmdIns = "if\n:: " + kind(pmd) + " == LEAF -> skip\n:: " + kind(pmd) + " == NONE -> slot[" + pmd
                    + "] = LEAF + " + w + "\n:: else ->\n" + Pml.indentBlock(pteIns) + "\nfi";
        } else {
            pmdIns = "if\n:: " + kind(pmd) + " == LEAF -> skip\n:: else ->\n"
                    + Pml.indentBlock(Pml.ifElse(kind(pmd) + " == NONE", "slot[" + pmd + "] = TABLE", "skip") + "\n"
                            + pteIns) + "\nfi";
        }
        if (t.slots.get(pud).capable()) {
            return "if\n:: " + kind(pud) + " == LEAF -> skip\n:: " + kind(pud) + " == NONE -> slot[" + pud
                    + "] = LEAF + " + w + "\n:: else ->\n" + Pml.indentBlock(pmdIns) + "\nfi";
        }
        return "if\n:: " + kind(pud) + " == LEAF -> skip\n:: else ->\n"
                + Pml.indentBlock(Pml.ifElse(kind(pud) + " == NONE", "slot[" + pud + "] = TABLE", "skip") + "\n"
                        + pmdIns) + "\nfi";
    }

    /** __vfio_pci_memory_enabled() && !pm_runtime_engaged (§5.2): the fault may insert. */
    String mayInsert(int dev) {
        boolean noCmd = t.spec.devices().get(dev).noCommandMemory();
        return "(!dev_pm[" + dev + "] && dev_power[" + dev + "] == 0 && " + (noCmd ? "1" : "dev_mem[" + dev + "]") + ")";
    }
}
