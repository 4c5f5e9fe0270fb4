package dev.pinscope.model.validation;

/**
 * The rules {@link ScenarioValidator} checks. Each diagnostic carries its rule as
 * {@code getData().get(1)} and its {@link #ordinal()} as the code; {@link #id()} appears in the
 * message so users can search for it.
 */
public enum ScenarioRule {
    SCENARIO_COMPLETE("scenario-complete", "a scenario has a kernel configuration and an address space"),
    SCENARIO_BOUNDS("scenario-bounds", "maxRetries >= 0"),
    SCENARIO_MAX_STEPS("max-steps", "1 <= maxSteps <= 10,000,000 (a longer run is asked for with --max-steps)"),
    NOT_NEGATIVE("not-negative", "addresses, sizes, page offsets, PFNs and pinnedPages are not negative"),
    BOUNDED_MAX_RETRIES("bounded-max-retries", "the BOUNDED policy needs maxRetries >= 1"),
    KERNEL_BATCH("kernel-batch-capacity", "the vfio batch holds at least one page"),
    VMA_RANGE("vma-range", "a VMA ends after it starts"),
    VMA_USER_SPACE("vma-user-space", "a VMA lies inside the user address space"),
    VMA_PAGE_ALIGNED("vma-page-aligned", "VMA start and end are page-aligned"),
    VMA_OVERLAP("vma-overlap", "VMAs do not overlap"),
    VMA_INSIDE_BAR("vma-inside-bar", "a BAR mmap fits inside its BAR"),
    VMA_BAR_FLAGS("vma-bar-flags", "a BAR mmap has VM_SHARED and VM_PFNMAP, as vfio_pci_core_mmap() requires and sets"),
    ENTRY_ALIGNED("entry-aligned", "an entry's address and PFN are aligned to its level size"),
    ENTRY_IN_VMA("entry-in-vma", "an entry lies inside one VM_PFNMAP VMA"),
    ENTRY_PFN("entry-pfn", "an entry's PFN is the VMA's BAR PFN plus pgoff plus the page offset"),
    ENTRY_OVERLAP("entry-overlap", "no two entries cover the same address"),
    ENTRY_LEVEL_ENABLED("entry-level-enabled", "PUD entries need pudPfnmap and PMD entries pmdPfnmap"),
    BAR_INDEX("bar-index", "a BAR index is 0 to 5"),
    BAR_INDEX_UNIQUE("bar-index-unique", "BAR indices are unique per device"),
    BAR_SIZE("bar-size", "a BAR size is a power of two of at least 4K"),
    BAR_ALIGNED("bar-aligned", "a BAR's physical address is aligned to its size"),
    BAR_PHYS_RANGE("bar-phys-range", "a BAR lies below 2^52, the x86-64 physical address limit (MAXPHYADDR)"),
    DEVICE_NAME("device-name", "a device is named by its PCI address dddd:bb:dd.f"),
    DEVICE_NAME_UNIQUE("device-name-unique", "no two devices have the same PCI address"),
    PINNER_ALIGNED("pinner-aligned", "a pinner's address and size are page-aligned and the size is not zero"),
    PINNER_MAPPED("pinner-mapped", "a pinner's range is covered by VM_PFNMAP or page-backed VMAs"),
    ZAPPER_DEVICE_HAS_BARS("zapper-device-has-bars", "a zapper's device has at least one BAR"),
    CPU_ACCESS_MAPPED("cpu-access-mapped", "a CPU access touches an address inside a VMA"),
    ACTOR_NAME("actor-name", "actors have unique, non-empty names"),
    REPEAT_RANGE("repeat-range", "repeat is -1 (forever) or a count >= 0"),
    REFERENCE_SET("reference-set", "required references are set"),
    REFERENCE_RESOLVED("reference-resolved", "references point to elements of this scenario"),
    SCHEDULE_ACTOR("schedule-actor", "schedule steps name actors of this scenario"),
    SCHEDULE_COUNT("schedule-count", "a schedule step's count is -1 or at least 1"),
    SCHEDULE_LABEL("schedule-label", "a schedule step's until names a listing label"),
    EXPECTATION_PINNER("expectation-pinner", "an expectation names its pinner when there are several"),
    EXPECTATION_SINGLE_RESULT("expectation-single-result", "a THIS_SCHEDULE expectation lists at most one result");

    private final String id;
    private final String description;

    ScenarioRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
