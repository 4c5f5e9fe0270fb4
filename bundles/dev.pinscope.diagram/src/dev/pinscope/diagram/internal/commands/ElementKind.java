package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.gef.requests.CreationFactory;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.ScenarioPackage;

/** What a palette creation tool makes; the object type of its creation request. */
public enum ElementKind {
    VMA("VMA", "A vfio-pci BAR mmap: VM_IO | VM_PFNMAP | VM_SHARED, 2M", ScenarioPackage.Literals.VMA, null),
    PUD("PUD entry", "A 1G PUD leaf (pud_mkspecial) inside a VMA", ScenarioPackage.Literals.PAGE_TABLE_ENTRY, PageLevel.PUD),
    PMD("PMD entry", "A 2M PMD leaf (pmd_mkspecial) inside a VMA", ScenarioPackage.Literals.PAGE_TABLE_ENTRY, PageLevel.PMD),
    PTE("PTE entry", "A 4K PTE (pte_mkspecial) inside a VMA", ScenarioPackage.Literals.PAGE_TABLE_ENTRY, PageLevel.PTE),
    DEVICE("Device", "A vfio-pci device (struct vfio_pci_core_device)", ScenarioPackage.Literals.DEVICE, null),
    BAR("BAR", "A memory BAR of a device (click inside the device)", ScenarioPackage.Literals.BAR, null),
    PINNER("Pinner", "VFIO_IOMMU_MAP_DMA: vfio_pin_pages_remote() over a range", ScenarioPackage.Literals.PINNER, null),
    ZAPPER("Zapper", "vfio_pci_zap_and_down_write_memory_lock() on a device", ScenarioPackage.Literals.ZAPPER, null),
    WALKER("Page-table walker", "A numa_maps / smaps reader walking a VMA (may split PUD leaves)",
            ScenarioPackage.Literals.PAGE_TABLE_WALKER, null),
    CPU_ACCESS("CPU access", "A userspace load/store that faults the BAR mapping in", ScenarioPackage.Literals.CPU_ACCESS, null),
    SIGNAL("Signal sender", "Sends a fatal signal to a pinner", ScenarioPackage.Literals.SIGNAL_SENDER, null),
    UNMAPPER("Unmapper", "munmap() of a VMA", ScenarioPackage.Literals.UNMAPPER, null);

    private final String label;
    private final String description;
    private final EClass eClass;
    private final PageLevel level;

    ElementKind(String label, String description, EClass eClass, PageLevel level) {
        this.label = label;
        this.description = description;
        this.eClass = eClass;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public EClass eClass() {
        return eClass;
    }

    /** The leaf level for the entry kinds, null otherwise. */
    public PageLevel level() {
        return level;
    }

    public boolean isEntry() {
        return level != null;
    }

    public boolean isActor() {
        return ScenarioPackage.Literals.ACTOR.isSuperTypeOf(eClass);
    }

    /** The creation factory of this kind's palette tool: the request's new object is the kind itself. */
    public CreationFactory factory() {
        return new CreationFactory() {
            @Override
            public Object getNewObject() {
                return ElementKind.this;
            }

            @Override
            public Object getObjectType() {
                return ElementKind.this;
            }
        };
    }
}
