package dev.pinscope.engine;

import dev.pinscope.engine.spec.Policy;

/**
 * How a scenario is compiled. Null overrides keep the scenario's own value. The two booleans are the
 * places where KERNEL-MODEL.md leaves a design choice open ([I]); they are settings, not guesses:
 *
 * @param boundedCountsUnlocked BOUNDED also counts the {@code unlocked} -EAGAIN path (§9 (c): "I suggest counting
 *                              only F2 failures" — default false)
 * @param resetRetOnRetry       vaddr_get_pfns() resets {@code ret} to -EFAULT when the retried vma_lookup fails,
 *                              i.e. an implementation without the stale -EAGAIN quirk (§1.3, §10 #11; default
 *                              false = the kernel as it is)
 * @param checkpointInterval    steps between trace checkpoints (goTo/step back replay at most this many steps)
 */
public record SimulationOptions(Policy policy, Integer maxRetries, Long maxSteps, boolean boundedCountsUnlocked,
        boolean resetRetOnRetry, int checkpointInterval) {

    public static SimulationOptions defaults() {
        return new SimulationOptions(null, null, null, false, false, 4096);
    }

    public SimulationOptions withPolicy(Policy p) {
        return new SimulationOptions(p, maxRetries, maxSteps, boundedCountsUnlocked, resetRetOnRetry,
                checkpointInterval);
    }

    public SimulationOptions withMaxRetries(Integer n) {
        return new SimulationOptions(policy, n, maxSteps, boundedCountsUnlocked, resetRetOnRetry, checkpointInterval);
    }

    public SimulationOptions withMaxSteps(Long n) {
        return new SimulationOptions(policy, maxRetries, n, boundedCountsUnlocked, resetRetOnRetry, checkpointInterval);
    }

    public SimulationOptions withBoundedCountsUnlocked(boolean b) {
        return new SimulationOptions(policy, maxRetries, maxSteps, b, resetRetOnRetry, checkpointInterval);
    }

    public SimulationOptions withResetRetOnRetry(boolean b) {
        return new SimulationOptions(policy, maxRetries, maxSteps, boundedCountsUnlocked, b, checkpointInterval);
    }

    public SimulationOptions withCheckpointInterval(int n) {
        return new SimulationOptions(policy, maxRetries, maxSteps, boundedCountsUnlocked, resetRetOnRetry, n);
    }
}
