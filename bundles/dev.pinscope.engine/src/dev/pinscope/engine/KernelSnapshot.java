package dev.pinscope.engine;

import java.util.List;

/**
 * The kernel state at one point of a run, for the Variables view and the diagram animation. Immutable.
 */
public record KernelSnapshot(long step, List<VmaState> vmas, List<SlotState> slots, List<DeviceState> devices,
        List<LockState> locks, List<ActorView> actors) {

    public record VmaState(String name, long start, long end, String flags, boolean present) {
    }

    public enum SlotKind { NONE, TABLE, LEAF }

    /** A modelled page-table slot; pfn is meaningful for LEAF (the PFN its first page maps). */
    public record SlotState(String level, long vaddr, SlotKind kind, long pfn, boolean writable, boolean special,
            String vma) {
    }

    /** vconfig COMMAND.MEMORY, power state, pm_runtime_engaged, no_command_memory, and what faults see. */
    public record DeviceState(String name, boolean commandMemory, String powerState, boolean pmRuntimeEngaged,
            boolean noCommandMemory, boolean memoryEnabled) {
    }

    /** A lock: readers and writer (actor names) and the actors waiting for it. */
    public record LockState(String name, List<String> readers, String writer, List<String> waiters) {
    }
}
