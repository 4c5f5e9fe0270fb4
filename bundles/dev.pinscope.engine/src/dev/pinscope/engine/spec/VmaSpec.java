package dev.pinscope.engine.spec;

/**
 * A VMA. {@code device}/{@code bar} index into the scenario's devices and that device's bars (-1 = none);
 * {@code pgoff} is the page offset of vm_start within the BAR (KERNEL-MODEL.md §5.1).
 */
public record VmaSpec(String name, long start, long end, int flags, int device, int bar, long pgoff,
        FaultBehavior faultBehavior) {
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
