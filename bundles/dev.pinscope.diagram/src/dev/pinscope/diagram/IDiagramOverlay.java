package dev.pinscope.diagram;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;

/**
 * A read-only picture of a run laid over the scenario diagram, supplied by whoever animates it
 * (the debugger). The editor only reads it while painting: it never mutates the model, and the
 * overlay never sees the editor's figures. Set it with {@link IScenarioDiagram#setOverlay} and call
 * {@link IScenarioDiagram#overlayChanged()} after each step so the diagram repaints.
 *
 * <p>Every method has a neutral default so an implementation answers only what it knows.
 */
public interface IDiagramOverlay {

    /** What happened to a page-table leaf that is present in the scenario at start. */
    enum EntryState {
        /** still mapped: drawn as in the editor */
        PRESENT,
        /** zapped (cleared by zap_page_range / unmap_mapping_range): drawn as a dashed ghost */
        ZAPPED,
        /** split into smaller leaves (e.g. a PUD split by a numa_maps walk): drawn hatched */
        SPLIT
    }

    /** A leaf installed during the run (by a fault or a split), which the model does not contain. */
    record TransientEntry(long vaddr, PageLevel level, long pfn) {
    }

    /**
     * A leaf that was present earlier in the run and is gone now: zapped (drawn as a grey dashed ghost) or
     * split (hatched), labelled with who did it and when, e.g. {@code "zapped by numa_maps, step 14"}. It stays
     * while later steps are shown.
     */
    record Ghost(long vaddr, PageLevel level, EntryState state, String label) {
    }

    /** Leaves zapped or split earlier in the run (see {@link Ghost}). */
    default List<Ghost> ghosts() {
        return List.of();
    }

    /** A leaf installed by a fault that the pinner has not read yet: drawn dashed until it is read. */
    default boolean isUnread(TransientEntry entry) {
        return false;
    }

    /** The scenario's VMAs that have been unmapped (munmap) at this point of the run: drawn crossed out. */
    default List<dev.pinscope.model.scenario.Vma> unmappedVmas() {
        return List.of();
    }

    /** The state of {@code entry} at the current point of the run. */
    default EntryState entryState(PageTableEntry entry) {
        return EntryState.PRESENT;
    }

    /** Leaves present now that were not in the scenario at start; drawn with a dashed outline. */
    default List<TransientEntry> transientEntries() {
        return List.of();
    }

    /**
     * Elements to emphasise, e.g. the entry a page-table walker or follow_pfnmap_start() is
     * reading, or the VMA being faulted; drawn with a thick orange outline.
     */
    default boolean isHighlighted(EObject element) {
        return false;
    }

    /**
     * Whether the run's leaf of {@code level} at {@code vaddr} that is no element of the scenario (one of
     * {@link #transientEntries()} or {@link #ghosts()}) is emphasised as {@link #isHighlighted(EObject)} does for
     * elements, e.g. the leaf the step shown faulted in or zapped: drawn with the same orange outline.
     */
    default boolean isHighlighted(long vaddr, PageLevel level) {
        return false;
    }

    /**
     * A lock held on or inside {@code element} (a VMA: mmap_lock, its page-table lock; a device:
     * memory_lock), written as the kernel would, e.g. {@code "memory_lock W: zapper"}; {@code null}
     * when none. Drawn as a badge on the element.
     */
    default String lockLabel(EObject element) {
        return null;
    }

    /**
     * Where {@code actor} is: e.g. {@code "follow_pfnmap_start F1_LOCK"} or {@code "done: -EAGAIN"};
     * {@code null} when the overlay does not know. Shown as a second line in the actor's box.
     */
    default String actorStatus(Actor actor) {
        return null;
    }

    /** The virtual address the current actor is touching, marked on the axis; -1 for none. */
    default long currentAddress() {
        return -1;
    }
}
