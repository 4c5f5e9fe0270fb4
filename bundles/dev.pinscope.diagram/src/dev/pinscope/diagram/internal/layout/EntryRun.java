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

    public int count() {
        return entries.size();
    }
}
