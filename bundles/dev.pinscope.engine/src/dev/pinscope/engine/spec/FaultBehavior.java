package dev.pinscope.engine.spec;

/** What a VMA's fault handler does (KERNEL-MODEL.md §4, §5.2, §10 #11 and #15). */
public enum FaultBehavior {
    /** vfio_pci_mmap_huge_fault(): memory_lock read, SIGBUS when memory is off, inserts the leaf. */
    VFIO_PCI,
    /** Returns VM_FAULT_NOPAGE without installing anything (§10 #15). */
    NO_INSTALL,
    /** Drops the mmap lock and returns VM_FAULT_RETRY unless FAULT_FLAG_TRIED (e.g. TTM, §10 #11). */
    DROPS_LOCK
}
