package dev.pinscope.model.validation;

import java.util.List;

/**
 * The stable listing labels a {@code ScheduleStep.until} may name (DESIGN.md Schedule, named after
 * the atomic steps of KERNEL-MODEL.md section 8.5).
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
    public static final String F_END = "F_END";
    public static final String P_UNLOCK = "P_UNLOCK";
    public static final String RETRY = "RETRY";
    public static final String ZAP = "ZAP";
    public static final String SPLIT = "SPLIT";

    public static final List<String> ALL = List.of(P_LOCK, GUP, LOOKUP, F1_READ, F1_LOCK, FIXUP, FAULT_INSERT,
            F2_READ, F2_LOCK, F_END, P_UNLOCK, RETRY, ZAP, SPLIT);

    private ScheduleLabels() {
    }
}
