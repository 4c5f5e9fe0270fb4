package dev.pinscope.engine.spec;

/** Page-table level of a leaf; shift is log2 of the size it maps (KERNEL-MODEL.md §8.1). */
public enum Level {
    PTE(12), PMD(21), PUD(30);

    private final int shift;

    Level(int shift) {
        this.shift = shift;
    }

    public int shift() {
        return shift;
    }

    public long size() {
        return 1L << shift;
    }

    /** Pages mapped by one leaf of this level: 1, 512, 262144. */
    public long pages() {
        return 1L << (shift - 12);
    }
}
