package dev.pinscope.cli;

import dev.pinscope.engine.ExpectationResult;
import java.util.List;

/**
 * What {@code pinscope}'s exit status says, so a CI job can trust it (issue 12):
 * <ul>
 * <li>{@link #OK} 0: every checked expectation holds, and every run and exploration completed;</li>
 * <li>{@link #REFUTED} 1: an expectation is refuted (the engine found what it rules out);</li>
 * <li>{@link #BAD_INPUT} 2: bad input or usage (one line on stderr);</li>
 * <li>{@link #INCONCLUSIVE} 3: a run cut by MAX_STEPS, or an exploration stopped by a bound, a cancel or memory,
 * left something undecided: an expectation shown as INCONCLUSIVE, or nothing checked at all;</li>
 * <li>{@link #INTERNAL_ERROR} 70 (sysexits' EX_SOFTWARE): a bug of Pinscope, not of the input: one "internal error"
 * line naming a report file with the details.</li>
 * </ul>
 * A refutation outranks an undecided rest: what was found is real.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int REFUTED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCONCLUSIVE = 3;
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }

    /** The status for checked expectations after runs/explorations that all completed or not. */
    static int of(List<ExpectationResult> expectations, boolean completed) {
        if (expectations.stream().anyMatch(ExpectationResult::failed)) {
            return REFUTED;
        }
        if (!completed || expectations.stream().anyMatch(ExpectationResult::inconclusive)) {
            return INCONCLUSIVE;
        }
        return OK;
    }
}
