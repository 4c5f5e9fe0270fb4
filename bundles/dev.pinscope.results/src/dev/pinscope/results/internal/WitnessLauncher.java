package dev.pinscope.results.internal;

import dev.pinscope.debug.core.PinscopeLaunch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;

/**
 * Opens a witness or a lasso in the debugger through its launch contract ({@link PinscopeLaunch}): a debug launch
 * that stops at step 0 with the schedule preloaded, so Resume replays it and Step Back works; for a lasso the loop
 * start is set, the Timeline marks stem and loop, and Resume repeats the loop.
 */
public final class WitnessLauncher {

    /**
     * What to replay: the scenario file, the policy, and the schedule (stem + loop for a lasso); the title names
     * the launch, {@code <scenario> · <POLICY> · <finding>}.
     */
    public record Witness(Path file, String policy, int maxRetries, String title, List<String> stem,
            List<String> loop) {
        public List<String> schedule() {
            List<String> all = new ArrayList<>(stem);
            if (loop != null) {
                all.addAll(loop);
            }
            return all;
        }

        /** Index of the first loop step, or -1 for a plain witness. */
        public int loopStart() {
            return loop == null || loop.isEmpty() ? -1 : stem.size();
        }
    }

    private WitnessLauncher() {
    }

    /** Launches the witness in debug mode; the launch is suspended before its first step when this returns. */
    public static ILaunch launch(Witness w) throws CoreException {
        return PinscopeLaunch.launchWitness(w.title(), w.file(), w.policy(), w.maxRetries(), w.schedule(), w.loopStart());
    }
}
