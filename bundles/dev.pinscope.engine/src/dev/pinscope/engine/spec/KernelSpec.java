package dev.pinscope.engine.spec;

/**
 * Kernel build and sysfs knobs (KERNEL-MODEL.md §3.3, §4.2, §8.4).
 *
 * @param recheckUnderLock follow_pfnmap_start() re-reads the PUD/PMD under the page-table lock (ffef67b93aa3)
 */
public record KernelSpec(ThpMode thpMode, boolean pudPfnmap, boolean pmdPfnmap, boolean recheckUnderLock,
        boolean disableHugepages, int batchCapacity) {

    public static KernelSpec defaults() {
        return new KernelSpec(ThpMode.ALWAYS, true, true, true, false, 512);
    }

    public KernelSpec withThp(ThpMode mode) {
        return new KernelSpec(mode, pudPfnmap, pmdPfnmap, recheckUnderLock, disableHugepages, batchCapacity);
    }

    public KernelSpec withRecheck(boolean recheck) {
        return new KernelSpec(thpMode, pudPfnmap, pmdPfnmap, recheck, disableHugepages, batchCapacity);
    }

    public KernelSpec withPfnmap(boolean pud, boolean pmd) {
        return new KernelSpec(thpMode, pud, pmd, recheckUnderLock, disableHugepages, batchCapacity);
    }

    public KernelSpec withDisableHugepages(boolean disable) {
        return new KernelSpec(thpMode, pudPfnmap, pmdPfnmap, recheckUnderLock, disable, batchCapacity);
    }
}
