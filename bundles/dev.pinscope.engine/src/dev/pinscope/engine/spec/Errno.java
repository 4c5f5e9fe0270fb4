package dev.pinscope.engine.spec;

/** The userspace-visible result of VFIO_IOMMU_MAP_DMA (OK or a negative errno). */
public enum Errno {
    OK(0), EINVAL(22), EAGAIN(11), EBUSY(16), EFAULT(14), EINTR(4), ENOMEM(12);

    private final int value;

    Errno(int value) {
        this.value = value;
    }

    /** The positive errno number (0 for OK). */
    public int value() {
        return value;
    }

    /** Kernel spelling: "0" for OK, otherwise e.g. "-EINVAL". */
    public String kernelName() {
        return this == OK ? "0" : "-" + name();
    }
}
