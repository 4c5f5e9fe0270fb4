package dev.pinscope.model.validation;

import java.util.List;

/**
 * The stable listing labels a {@code ScheduleStep.until} may name (DESIGN.md Schedule, named after
 * the atomic steps of KERNEL-MODEL.md section 8.5). This list is the contract: the model's validator
 * and the engine's own check both refuse any other label, and the engine's listing carries every one
 * of them (a test checks). {@code F1_READ}/{@code F1_LOCK} and {@code F2_READ}/{@code F2_LOCK} name
 * follow_pfnmap_start()'s steps at its first and second call site; {@code F_READ}/{@code F_LOCK} name
 * the same lines at either site (the next one the actor reaches).
 */
public final class ScheduleLabels {

    public static final String P_LOCK = "P_LOCK";
    public static final String GUP = "GUP";
    public static final String LOOKUP = "LOOKUP";
    public static final String F1_READ = "F1_READ";
    public static final String F1_LOCK = "F1_LOCK";
    public static final String FIXUP = "FIXUP";
    public static final String FAULT_INSERT = "FAULT_INSERT";
    public static final String F2_READ = "F2_READ";
    public static final String F2_LOCK = "F2_LOCK";
    public static final String F_READ = "F_READ";
    public static final String F_LOCK = "F_LOCK";
    public static final String F_END = "F_END";
    public static final String P_UNLOCK = "P_UNLOCK";
    public static final String RETRY = "RETRY";
    public static final String ZAP = "ZAP";
    public static final String SPLIT = "SPLIT";

    /**
     * Every label, grouped by the function whose step carries it: the pinner's
     * vfio_pin_map_dma / vfio_pin_pages_remote / vaddr_get_pfns / follow_fault_pfn /
     * follow_pfnmap_start / fixup_user_fault / fault handlers, then the zapper, walker, CPU access,
     * SIGKILL sender and munmap.
     */
    public static final List<String> ALL = List.of(
            "MAP_LOOP", "MAP_RESULT", "MAP_END",
            "PPR_LOOP", "PPR_CHECK", "PPR_OUT",
            P_LOCK, GUP, LOOKUP, RETRY, "RETRY_UNLOCK", "RELOCK", "VGP_COUNT", P_UNLOCK,
            "FIXUP_RET", "F2_FAIL", F_END,
            F1_READ, F1_LOCK, F2_READ, F2_LOCK, F_READ, F_LOCK,
            FIXUP, "FIXUP_RESULT", "FIXUP_RELOCK", "HANDLE_FAULT", "FAULT_LOCK", FAULT_INSERT, "FAULT_DROP",
            "PROV_DROP", "PROV_INSERT",
            "Z_LOCK", ZAP, "Z_STATE", "Z_UNLOCK", "Z_BAR",
            "W_LOCK", SPLIT, "W_UNLOCK",
            "C_LOCK", "C_UNLOCK",
            "SIGNAL",
            "M_LOCK", "MUNMAP", "M_UNLOCK");

    /** The message for an until that names no listing label; validator and engine say the same. */
    public static String unknown(String label) {
        return "runs until '" + label + "', which is not a listing label; use one of " + String.join(", ", ALL);
    }

    private ScheduleLabels() {
    }
}
