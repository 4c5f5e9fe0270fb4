package dev.pinscope.engine.spec;

/** A PCI BAR; hasStructPage/pageReserved feed is_invalid_reserved_pfn() (KERNEL-MODEL.md §1.3). */
public record BarSpec(int index, long physicalAddress, long size, boolean hasStructPage, boolean pageReserved) {
    public BarSpec(int index, long physicalAddress, long size) {
        this(index, physicalAddress, size, false, false);
    }
}
