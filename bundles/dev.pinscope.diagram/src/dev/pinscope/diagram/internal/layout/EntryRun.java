package dev.pinscope.diagram.internal.layout;

import java.util.List;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Vma;

/**
 * Contiguous leaves of one level inside one VMA drawn as a single block, used when a scenario has
 * too many entries to draw one figure each. Equal runs are equal records, so the viewer keeps their
 * edit parts across relayouts.
 */
public record EntryRun(Vma vma, PageLevel level, long start, long end, List<PageTableEntry> entries) {

    @Override
    public int hashCode() {
        // the leaves list is compared by equals but kept out of the hash: hashing is per layout
        return (System.identityHashCode(vma) * 31 + level.hashCode()) * 31 + Long.hashCode(start) * 17 + Long.hashCode(end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryRun r && r.vma == vma && r.level == level && r.start == start && r.end == end
                && r.entries.equals(entries);
    }

    public int count() {
        return entries.size();
    }
}
