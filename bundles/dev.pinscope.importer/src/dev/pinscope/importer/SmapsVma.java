package dev.pinscope.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dev.pinscope.model.scenario.VmFlag;

/**
 * One VMA of an smaps (or maps) file: its maps line, the {@code kB} size fields and the
 * {@code VmFlags} codes that follow it.
 *
 * @param line    the line number of the maps line in its file (1-based), for messages
 * @param maps    the maps line
 * @param kb      the {@code Name: N kB} fields in file order (empty for a maps file)
 * @param other   the other {@code Name: value} fields ({@code THPeligible}, {@code ProtectionKey}, …)
 * @param vmFlags the {@code VmFlags} codes in file order, or null when the file has none (maps)
 */
public record SmapsVma(int line, MapsLine maps, Map<String, Long> kb, Map<String, String> other, List<String> vmFlags) {

    /** vfio-pci's region offset encoding: VFIO_PCI_OFFSET_SHIFT (drivers/vfio/pci/vfio_pci_priv.h). */
    public static final int VFIO_PCI_OFFSET_SHIFT = 40;
    /** VFIO_PCI_BAR5_REGION_INDEX: regions 0-5 are the BARs, 6 the ROM, 7 config space, 8 VGA. */
    public static final int VFIO_PCI_BAR5_REGION_INDEX = 5;
    /** The path of an mmap of a vfio device fd from VFIO_GROUP_GET_DEVICE_FD (an anonymous inode). */
    public static final String VFIO_ANON_INODE = "anon_inode:[vfio-device]";

    /** The fields the importer reads; every other field is ignored (listed in the README). */
    public static final Set<String> USED_FIELDS = Set.of("Size", "KernelPageSize", "MMUPageSize", "AnonHugePages",
            "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb", "VmFlags");

    public boolean hasVmFlags() {
        return vmFlags != null;
    }

    public OptionalLong kb(String field) {
        Long v = kb.get(field);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * The scenario flags: from {@code VmFlags} when the file has them, else (a maps file) from the
     * perms column, where {@code s} is VM_MAYSHARE and stands in for VM_SHARED.
     */
    public Set<VmFlag> modelFlags() {
        EnumSet<VmFlag> flags = EnumSet.noneOf(VmFlag.class);
        if (vmFlags != null) {
            for (String code : vmFlags) {
                VmFlagMnemonic.of(code).flatMap(VmFlagMnemonic::flag).ifPresent(flags::add);
            }
            return flags;
        }
        if (maps.readable()) {
            flags.add(VmFlag.VM_READ);
        }
        if (maps.writable()) {
            flags.add(VmFlag.VM_WRITE);
        }
        if (maps.mayShare()) {
            flags.add(VmFlag.VM_SHARED);
        }
        return flags;
    }

    /** Documented codes the model has no flag for ({@code ex}, {@code mr}, {@code ac}, …). */
    public List<String> unmodelledCodes() {
        List<String> out = new ArrayList<>();
        if (vmFlags != null) {
            for (String code : vmFlags) {
                if (VmFlagMnemonic.of(code).map(m -> m.flag().isEmpty()).orElse(false)) {
                    out.add(code);
                }
            }
        }
        return out;
    }

    /** Codes proc.rst does not document (a newer kernel's). */
    public List<String> unknownCodes() {
        return vmFlags == null ? List.of() : vmFlags.stream().filter(c -> VmFlagMnemonic.of(c).isEmpty()).toList();
    }

    /** An mmap of a vfio device: the cdev {@code /dev/vfio/devices/vfioN} or the group API's anonymous inode. */
    public boolean hasVfioPath() {
        return maps.path().equals(VFIO_ANON_INODE) || maps.path().startsWith("/dev/vfio/");
    }

    /**
     * A vfio-pci BAR mmap: VM_IO|VM_PFNMAP ({@code io pf}, as vfio_pci_core_mmap() sets them) on a vfio
     * device path, in a BAR region. A maps file has no VmFlags: there the path and region decide.
     */
    public boolean isVfioBar() {
        boolean ioPfn = vmFlags == null || vmFlags.contains("io") && vmFlags.contains("pf");
        return ioPfn && hasVfioPath() && vfioRegionIndex() <= VFIO_PCI_BAR5_REGION_INDEX;
    }

    /** The vfio region (BAR index for 0-5) from offset bits 40 and up: VFIO_PCI_OFFSET_TO_INDEX(). */
    public int vfioRegionIndex() {
        return (int) (maps.offset() >>> VFIO_PCI_OFFSET_SHIFT);
    }

    /** The page offset inside the region: the offset below bit 40, in pages (vma->vm_pgoff's low part). */
    public long vfioPgoff() {
        return (maps.offset() & ((1L << VFIO_PCI_OFFSET_SHIFT) - 1)) >>> 12;
    }

    /**
     * What the size fields say about leaves larger than 4K: hugetlb pages (KernelPageSize / MMUPageSize
     * above 4 kB, Shared_/Private_Hugetlb) and PMD-mapped THPs (AnonHugePages, ShmemPmdMapped,
     * FilePmdMapped). PFNMAP leaves do not show in smaps (they are not counted in Rss).
     */
    public List<String> hugeLeafHints() {
        List<String> hints = new ArrayList<>();
        long kps = kb("KernelPageSize").orElse(4);
        long mmu = kb("MMUPageSize").orElse(4);
        if (kps > 4 || mmu > 4) {
            hints.add("hugetlb " + sizeText(kps) + " pages" + (mmu != kps ? " (MMU " + sizeText(mmu) + ")" : ""));
        }
        for (String f : List.of("Shared_Hugetlb", "Private_Hugetlb")) {
            long v = kb(f).orElse(0);
            if (v > 0 && kps <= 4) {
                hints.add(f + " " + sizeText(v));
            }
        }
        for (String f : List.of("AnonHugePages", "ShmemPmdMapped", "FilePmdMapped")) {
            long v = kb(f).orElse(0);
            if (v > 0) {
                hints.add(sizeText(v) + " in PMD leaves (" + f + ")");
            }
        }
        return hints;
    }

    private static String sizeText(long kib) {
        return dev.pinscope.model.units.Sizes.format(kib << 10);
    }
}
