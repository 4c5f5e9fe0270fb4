package dev.pinscope.engine.spec;

/**
 * One step of a scripted schedule: run actor {@code count} atomic steps (-1 = until it finishes or blocks),
 * or, when {@code until} is set, at least one step and then until it is about to execute a line carrying that
 * label. {@code optional}: skip instead of failing when the actor is finished or blocked.
 */
public record ScheduleStepSpec(int actor, int count, String until, boolean optional) {
    public static ScheduleStepSpec steps(int actor, int count) {
        return new ScheduleStepSpec(actor, count, null, false);
    }

    public static ScheduleStepSpec until(int actor, String label) {
        return new ScheduleStepSpec(actor, -1, label, false);
    }
}
