package dev.pinscope.engine.spec;

import java.util.List;

/** A vfio-pci device: the state __vfio_pci_memory_enabled() reads (KERNEL-MODEL.md §5.2). */
public record DeviceSpec(String name, boolean memoryEnabled, PowerState powerState, boolean noCommandMemory,
        boolean pmRuntimeEngaged, List<BarSpec> bars) {
    public DeviceSpec {
        bars = List.copyOf(bars);
    }
}
