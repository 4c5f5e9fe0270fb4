package dev.pinscope.engine;

/**
 * One executed step of a run: which actor, where (function and listing line, before the step), the step's
 * schedule label (F1_READ vs F2_READ are told apart) and what happened.
 */
public record StepRecord(long index, int actor, String actorName, String function, int line, String label,
        String event) {
    @Override
    public String toString() {
        return String.format("#%d %s %s:%d [%s] %s", index, actorName, function, line, label, event);
    }
}
