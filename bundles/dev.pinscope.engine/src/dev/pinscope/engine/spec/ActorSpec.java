package dev.pinscope.engine.spec;

/** The racing threads of DESIGN.md / KERNEL-MODEL.md §8.6. Indices refer to the scenario's lists. */
public sealed interface ActorSpec {
    String name();

    /** VFIO_IOMMU_MAP_DMA of [vaddr, vaddr + size); write = IOMMU_WRITE. */
    record Pinner(String name, long vaddr, long size, boolean write) implements ActorSpec {
    }

    /** A vfio-pci path holding memory_lock for write; repeat -1 = forever. */
    record Zapper(String name, int device, ZapTrigger trigger, int repeat) implements ActorSpec {
    }

    /** numa_maps/smaps reader that splits (zaps) PUD leaves of a VMA; repeat -1 = forever. */
    record Walker(String name, int vma, int repeat) implements ActorSpec {
    }

    /** Another CPU thread touching the BAR (inserts the same entry); repeat -1 = forever. */
    record CpuAccess(String name, long vaddr, boolean write, int repeat) implements ActorSpec {
    }

    /** Sends SIGKILL to a pinner (target = actor index). */
    record SignalSender(String name, int target) implements ActorSpec {
    }

    /** munmap of a VMA (needs mmap_lock for write). */
    record Unmapper(String name, int vma) implements ActorSpec {
    }
}
