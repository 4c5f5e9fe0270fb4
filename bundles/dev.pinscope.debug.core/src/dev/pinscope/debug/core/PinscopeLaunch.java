package dev.pinscope.debug.core;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

/**
 * The launch contract other bundles (the exploration Results view, the editor's Debug button) use to
 * open a scenario in the Pinscope debugger: the launch configuration type, its attribute names, and
 * helpers that create and launch a configuration.
 */
public final class PinscopeLaunch {

    /** Launch configuration type "Pinscope Scenario" (modes run and debug). */
    public static final String TYPE_ID = "dev.pinscope.debug.launchType";
    /** The debug model identifier of every Pinscope debug element and breakpoint. */
    public static final String MODEL_ID = "dev.pinscope.debug.model";

    /** String: absolute path of the {@code .pinscope} file. */
    public static final String ATTR_FILE = "dev.pinscope.debug.file";
    /** String: a {@code RetryPolicy} literal, e.g. {@code PATCH_V1}; absent = the scenario's own policy. */
    public static final String ATTR_POLICY = "dev.pinscope.debug.policy";
    /** int: the BOUNDED policy's retry limit; absent = the scenario's. */
    public static final String ATTR_MAX_RETRIES = "dev.pinscope.debug.maxRetries";
    /** String: one of {@link #SCHEDULER_SCRIPT}, {@link #SCHEDULER_ROUND_ROBIN}, {@link #SCHEDULER_RANDOM}, {@link #SCHEDULER_INTERACTIVE}. */
    public static final String ATTR_SCHEDULER = "dev.pinscope.debug.scheduler";
    /** String holding a long: the seed of the random scheduler. */
    public static final String ATTR_SEED = "dev.pinscope.debug.seed";
    /** boolean: suspend before the first step (debug mode). */
    public static final String ATTR_STOP_AT_FIRST_STEP = "dev.pinscope.debug.stopAtFirstStep";
    /**
     * List&lt;String&gt; of actor names, one per atomic engine step: Resume replays exactly this schedule,
     * then continues with the configured scheduler.
     */
    public static final String ATTR_PRELOADED_SCHEDULE = "dev.pinscope.debug.preloadedSchedule";
    /**
     * int, default -1: index in the preloaded schedule where a livelock lasso's loop begins; when &ge; 0
     * Resume after the end of the schedule repeats the loop part forever.
     */
    public static final String ATTR_LOOP_START = "dev.pinscope.debug.loopStart";

    public static final String SCHEDULER_SCRIPT = "script";
    public static final String SCHEDULER_ROUND_ROBIN = "round-robin";
    public static final String SCHEDULER_RANDOM = "random";
    public static final String SCHEDULER_INTERACTIVE = "interactive";

    /** The ids of the Pinscope debug views. */
    public static final String TIMELINE_VIEW_ID = "dev.pinscope.debug.timeline";
    public static final String SCHEDULER_VIEW_ID = "dev.pinscope.debug.scheduler";
    /** The read-only listing editor. */
    public static final String LISTING_EDITOR_ID = "dev.pinscope.debug.listingEditor";

    private PinscopeLaunch() {
    }

    /** The launch configuration type. */
    public static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(TYPE_ID);
    }

    /**
     * A new, unsaved configuration for {@code file} with the given policy (null = the scenario's) and
     * scheduler; callers may set further attributes before launching it.
     */
    public static ILaunchConfigurationWorkingCopy newConfiguration(Path file, String policy, String scheduler)
            throws CoreException {
        ILaunchManager mgr = DebugPlugin.getDefault().getLaunchManager();
        String base = file.getFileName().toString().replaceFirst("\\.pinscope$", "")
                + (policy == null ? "" : " [" + policy + "]");
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, mgr.generateLaunchConfigurationName(base));
        wc.setAttribute(ATTR_FILE, file.toAbsolutePath().toString());
        if (policy != null) {
            wc.setAttribute(ATTR_POLICY, policy);
        }
        wc.setAttribute(ATTR_SCHEDULER, scheduler == null ? SCHEDULER_SCRIPT : scheduler);
        wc.setAttribute(ATTR_SEED, "0");
        wc.setAttribute(ATTR_STOP_AT_FIRST_STEP, true);
        wc.setAttribute(ATTR_LOOP_START, -1);
        return wc;
    }

    /**
     * Opens a witness schedule (or a livelock lasso) from an exploration in the debugger: a debug launch
     * that suspends before the first step; Resume replays {@code schedule} and, when {@code loopStart >= 0},
     * repeats {@code schedule[loopStart..]} forever (until a breakpoint or Suspend).
     */
    public static ILaunch launchWitness(Path file, String policy, int maxRetries, List<String> schedule,
            int loopStart) throws CoreException {
        String scenario = file.getFileName().toString().replaceFirst("\\.pinscope$", "");
        return launchWitness(witnessName(scenario, policy, loopStart >= 0 ? "lasso" : "witness"), file, policy,
                maxRetries, schedule, loopStart);
    }

    /** {@code <scenario> · <POLICY> · <finding>}, e.g. {@code 02-numa-maps-split-w1 · PATCH_V1 · witness -EINVAL}. */
    public static String witnessName(String scenario, String policy, String finding) {
        return scenario + " \u00b7 " + policy + " \u00b7 " + finding;
    }

    /** As {@link #launchWitness(Path, String, int, List, int)}, the launch named {@code name}. */
    public static ILaunch launchWitness(String name, Path file, String policy, int maxRetries, List<String> schedule,
            int loopStart) throws CoreException {
        ILaunchConfigurationWorkingCopy wc = newConfiguration(file, policy, SCHEDULER_ROUND_ROBIN);
        wc.rename(DebugPlugin.getDefault().getLaunchManager().generateLaunchConfigurationName(name));
        wc.setAttribute(ATTR_MAX_RETRIES, maxRetries);
        wc.setAttribute(ATTR_PRELOADED_SCHEDULE, List.copyOf(schedule));
        wc.setAttribute(ATTR_LOOP_START, loopStart);
        return wc.launch(ILaunchManager.DEBUG_MODE, null);
    }

    /** Launches {@code file} in debug mode with the scenario's own schedule, suspended before the first step. */
    public static ILaunch debug(Path file, String policy) throws CoreException {
        return newConfiguration(file, policy, SCHEDULER_SCRIPT).launch(ILaunchManager.DEBUG_MODE, null);
    }

    /** Launches the configuration in debug mode (convenience for tests and tools). */
    public static ILaunch debug(ILaunchConfiguration configuration) throws CoreException {
        return configuration.launch(ILaunchManager.DEBUG_MODE, null);
    }
}
