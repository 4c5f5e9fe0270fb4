package dev.pinscope.diagram.internal.wizards;

import java.util.List;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.scenario.Scenario;

/** What a new scenario can start from: an empty one, or a copy of any shipped example. */
public final class ScenarioTemplates {

    private ScenarioTemplates() {
    }

    /** The choices in menu order; null stands for "empty". */
    public static List<Examples.Example> examples() {
        return Examples.list();
    }

    /** An empty scenario: kernel defaults, an empty address space, nothing else. */
    public static Scenario empty(String name) {
        return ScenarioBuilder.named(name).build();
    }

    /** Where the starter maps its BAR: where mmap() of a vfio-pci BAR typically lands on x86_64. */
    public static final long STARTER_VMA = 0x7f00_0000_0000L;
    /** The starter's BAR: a 1G BAR0 in the x86_64 64-bit MMIO window. */
    public static final long STARTER_BAR = 0x38_0000_0000L;

    /**
     * The scenario the Welcome page promises: a vfio-pci device with a 1 GiB BAR0, a VMA mapping it
     * (VM_IO | VM_PFNMAP, faulted in by vfio_pci_mmap_fault) and QEMU's VFIO_IOMMU_MAP_DMA over all
     * of it. It validates and runs as it is; add a zapper or a walker to make it race.
     */
    public static Scenario starter(String name) {
        return ScenarioBuilder.named(name)
                .description("Starter: QEMU maps a vfio-pci BAR for DMA. Add a zapper, a numa_maps walker or a munmap to race it.")
                .device("0000:01:00.0").bar(0, STARTER_BAR, 1L << 30)
                .barVma("bar0", STARTER_VMA, 1L << 30, 0, 0)
                .pinner("qemu", STARTER_VMA, 1L << 30)
                .build();
    }

    /** A fresh copy of a shipped example, or null with the reason in the result. */
    public static LoadResult example(Examples.Example example) {
        return Examples.load(example.id());
    }
}
