package dev.pinscope.importer;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.pinscope.model.scenario.VmFlag;

/**
 * The two-letter {@code VmFlags} codes of {@code /proc/PID/smaps} (Documentation/filesystems/proc.rst,
 * {@code show_smap_vma_flags()} in fs/proc/task_mmu.c) and the scenario flag each one sets, if the
 * model has it. Codes the model lacks are kept as a note and reported as warnings by the importer.
 */
public enum VmFlagMnemonic {
    RD("rd", "readable", VmFlag.VM_READ),
    WR("wr", "writeable", VmFlag.VM_WRITE),
    EX("ex", "executable", null),
    SH("sh", "shared", VmFlag.VM_SHARED),
    MR("mr", "may read", null),
    MW("mw", "may write", VmFlag.VM_MAYWRITE),
    ME("me", "may execute", null),
    MS("ms", "may share", null),
    GD("gd", "stack segment grows down", null),
    PF("pf", "pure PFN range", VmFlag.VM_PFNMAP),
    DW("dw", "disabled write to the mapped file", null),
    LO("lo", "pages are locked in memory", null),
    IO("io", "memory mapped I/O area", VmFlag.VM_IO),
    SR("sr", "sequential read advise provided", null),
    RR("rr", "random read advise provided", null),
    DC("dc", "do not copy area on fork", null),
    DE("de", "do not expand area on remapping", VmFlag.VM_DONTEXPAND),
    AC("ac", "area is accountable", null),
    NR("nr", "swap space is not reserved for the area", null),
    HT("ht", "area uses huge tlb pages", null),
    SF("sf", "synchronous page fault", null),
    AR("ar", "architecture specific flag", null),
    WF("wf", "wipe on fork", null),
    DD("dd", "do not include area into core dump", VmFlag.VM_DONTDUMP),
    SD("sd", "soft dirty flag", null),
    MM("mm", "mixed map area", VmFlag.VM_MIXEDMAP),
    HG("hg", "huge page advise flag", VmFlag.VM_HUGEPAGE),
    NH("nh", "no huge page advise flag", null),
    MG("mg", "mergeable advise flag", null),
    BT("bt", "arm64 BTI guarded page", null),
    MT("mt", "arm64 MTE allocation tags are enabled", null),
    UM("um", "userfaultfd missing tracking", null),
    UW("uw", "userfaultfd wr-protect tracking", null),
    UI("ui", "userfaultfd minor fault tracking", null),
    SS("ss", "shadow stack page", null),
    SL("sl", "sealed", null),
    LF("lf", "lock on fault pages", null),
    GU("gu", "guard region", null);

    private static final Map<String, VmFlagMnemonic> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(VmFlagMnemonic::code, Function.identity()));

    private final String code;
    private final String meaning;
    private final VmFlag flag;

    VmFlagMnemonic(String code, String meaning, VmFlag flag) {
        this.code = code;
        this.meaning = meaning;
        this.flag = flag;
    }

    public String code() {
        return code;
    }

    /** proc.rst's description of the code. */
    public String meaning() {
        return meaning;
    }

    /** The scenario flag this code sets, empty when the model does not have it. */
    public Optional<VmFlag> flag() {
        return Optional.ofNullable(flag);
    }

    /** The documented code, empty for a code this release does not know (kernels add new ones). */
    public static Optional<VmFlagMnemonic> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The code that stands for {@code flag} in smaps. */
    public static VmFlagMnemonic of(VmFlag flag) {
        return Arrays.stream(values()).filter(m -> m.flag == flag).findFirst().orElseThrow();
    }
}
