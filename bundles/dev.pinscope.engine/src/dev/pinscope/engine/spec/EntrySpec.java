package dev.pinscope.engine.spec;

/** A page-table leaf present at the start of the run. */
public record EntrySpec(long vaddr, Level level, long pfn, boolean writable, boolean special) {
}
