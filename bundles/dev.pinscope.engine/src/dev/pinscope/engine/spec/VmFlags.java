package dev.pinscope.engine.spec;

import java.util.ArrayList;
import java.util.List;

/** vm_flags bits as a bit mask (KERNEL-MODEL.md §8.2); bit values are ours, names are the kernel's. */
public final class VmFlags {
    public static final int VM_READ = 1;
    public static final int VM_WRITE = 1 << 1;
    public static final int VM_SHARED = 1 << 2;
    public static final int VM_MAYWRITE = 1 << 3;
    public static final int VM_IO = 1 << 4;
    public static final int VM_PFNMAP = 1 << 5;
    public static final int VM_MIXEDMAP = 1 << 6;
    public static final int VM_DONTEXPAND = 1 << 7;
    public static final int VM_DONTDUMP = 1 << 8;
    public static final int VM_HUGEPAGE = 1 << 9;

    /** What vfio_pci_core_mmap() gives a PROT_READ|PROT_WRITE shared BAR mmap. */
    public static final int VFIO_BAR_RW = VM_READ | VM_WRITE | VM_SHARED | VM_MAYWRITE | VM_IO | VM_PFNMAP
            | VM_DONTEXPAND | VM_DONTDUMP;

    private static final String[] NAMES = {"VM_READ", "VM_WRITE", "VM_SHARED", "VM_MAYWRITE", "VM_IO", "VM_PFNMAP",
        "VM_MIXEDMAP", "VM_DONTEXPAND", "VM_DONTDUMP", "VM_HUGEPAGE"};

    private VmFlags() {
    }

    /** The flag for a kernel name such as "VM_PFNMAP", or 0 if unknown. */
    public static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    public static String toString(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out.isEmpty() ? "0" : String.join("|", out);
    }
}
