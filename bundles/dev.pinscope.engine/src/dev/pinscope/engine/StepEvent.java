package dev.pinscope.engine;

/**
 * Kernel events a step can cause, as the debugger's event breakpoints name them. Told from the packed states
 * on both sides of the step ({@link StepView#happened}), and summarised per checkpoint segment while a trace is
 * recorded ({@link Run#mayHappen}), so Run Back to an event breakpoint set just now skips the segments where the
 * event never happens instead of replaying them.
 */
public enum StepEvent {
    /** A present page-table leaf stopped being a leaf: zapped (zap_page_range, unmap_mapping_range) or split. */
    ENTRY_ZAPPED,
    /** vaddr_get_pfns() takes its {@code goto retry} (the step labelled RETRY). */
    RETRY_TAKEN,
    /** Some actor became a holder of mmap_lock, a device's memory_lock, a page-table lock or i_mmap_rwsem. */
    LOCK_ACQUIRED,
    /** A pinner's VFIO_IOMMU_MAP_DMA returned. */
    PINNER_FINISHED;

    /** This event's bit in a mask of events. */
    public int bit() {
        return 1 << ordinal();
    }
}
