package dev.pinscope.engine;

/**
 * One executed step of a run: which actor, where (function and listing line, before the step), the step's
 * schedule label (F1_READ vs F2_READ are told apart), what happened as text ({@code event}, for people) and as
 * facts ({@code outcome}, for programs and tests: null for a step not yet taken, e.g. {@code Run.peek}).
 */
public record StepRecord(long index, int actor, String actorName, String function, int line, String label,
        String event, Outcome outcome) {

    /**
     * What a pinner's step did, in kernel terms. {@code ret}: the pinner's {@code ret} after the step ("0",
     * "-EFAULT", ...; null for other actors); {@code pagesPinned}: PFNs this step added to
     * vfio_pin_pages_remote()'s {@code pinned} (0 for most steps); {@code faultResult}: the vm_fault_t a fault
     * step produced ("VM_FAULT_NOPAGE", "VM_FAULT_SIGBUS", ...), null when the step is no fault.
     */
    public record Outcome(String ret, long pagesPinned, String faultResult) {
        public static final Outcome NONE = new Outcome(null, 0, null);
    }

    /** A record without facts (a step about to be taken). */
    public StepRecord(long index, int actor, String actorName, String function, int line, String label,
            String event) {
        this(index, actor, actorName, function, line, label, event, null);
    }

    /** This record with what the step did. */
    public StepRecord taken(String what, Outcome facts) {
        return new StepRecord(index, actor, actorName, function, line, label, what, facts);
    }

    @Override
    public String toString() {
        return String.format("#%d %s %s:%d [%s] %s", index, actorName, function, line, label, event);
    }
}
