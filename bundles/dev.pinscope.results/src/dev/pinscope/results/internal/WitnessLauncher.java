package dev.pinscope.results.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;

/**
 * Opens a witness or a lasso in the debugger: a "Pinscope Scenario" launch configuration (type and attributes
 * are the debugger's contract) that stops at step 0 with the schedule preloaded, so Resume replays it and Step
 * Back works; for a lasso the loop start is set, the Timeline marks stem and loop, and Resume repeats the loop.
 */
public final class WitnessLauncher {
    public static final String TYPE = "dev.pinscope.debug.launchType";
    public static final String ATTR_FILE = "dev.pinscope.debug.file";
    public static final String ATTR_POLICY = "dev.pinscope.debug.policy";
    public static final String ATTR_MAX_RETRIES = "dev.pinscope.debug.maxRetries";
    public static final String ATTR_SCHEDULER = "dev.pinscope.debug.scheduler";
    public static final String ATTR_SEED = "dev.pinscope.debug.seed";
    public static final String ATTR_STOP_AT_FIRST_STEP = "dev.pinscope.debug.stopAtFirstStep";
    public static final String ATTR_PRELOADED_SCHEDULE = "dev.pinscope.debug.preloadedSchedule";
    public static final String ATTR_LOOP_START = "dev.pinscope.debug.loopStart";

    /** What to replay: the scenario file, the policy, and the schedule (stem + loop for a lasso). */
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

    public static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(TYPE);
    }

    /** The launch configuration (not saved), or a CoreException when the debugger is not installed. */
    public static ILaunchConfigurationWorkingCopy configuration(Witness w) throws CoreException {
        ILaunchConfigurationType t = type();
        if (t == null) {
            throw new CoreException(org.eclipse.core.runtime.Status.error(
                    "The Pinscope debugger (launch type " + TYPE + ") is not installed"));
        }
        ILaunchManager lm = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy wc = t.newInstance(null, lm.generateLaunchConfigurationName(w.title()));
        wc.setAttribute(ATTR_FILE, w.file().toAbsolutePath().toString());
        wc.setAttribute(ATTR_POLICY, w.policy());
        wc.setAttribute(ATTR_MAX_RETRIES, w.maxRetries());
        wc.setAttribute(ATTR_SCHEDULER, "script");
        wc.setAttribute(ATTR_SEED, "0");
        wc.setAttribute(ATTR_STOP_AT_FIRST_STEP, true);
        wc.setAttribute(ATTR_PRELOADED_SCHEDULE, w.schedule());
        wc.setAttribute(ATTR_LOOP_START, w.loopStart());
        return wc;
    }

    /** Launches the witness in debug mode (asynchronously, as the debug UI does). */
    public static ILaunchConfiguration launch(Witness w) throws CoreException {
        ILaunchConfigurationWorkingCopy wc = configuration(w);
        DebugUITools.launch(wc, ILaunchManager.DEBUG_MODE);
        return wc;
    }
}
