package dev.pinscope.debug.internal.core.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.RunListeners;
import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * Loads the scenario, compiles it under the configured policy and starts a {@link PinscopeDebugTarget}.
 * In run mode breakpoints are ignored and the target ends with the run; in debug mode it stays so the
 * trace can be walked back after the last step.
 */
public class ScenarioLaunchDelegate extends LaunchConfigurationDelegate {

    /** The debug platform creates the delegate before it adds the first launch: the run listeners see that one too. */
    public ScenarioLaunchDelegate() {
        RunListeners.install();
    }

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        String fileAttr = config.getAttribute(PinscopeLaunch.ATTR_FILE, "");
        if (fileAttr.isBlank()) {
            throw abort("No scenario file is set in launch configuration '" + config.getName() + "'.");
        }
        Path file = Path.of(fileAttr);
        if (!Files.isRegularFile(file)) {
            throw abort("The scenario file " + file + " does not exist.");
        }
        LoadResult loaded = Scenarios.load(file);
        if (!loaded.ok()) {
            throw abort("Cannot load " + file.getFileName() + ": " + loaded.firstProblem());
        }
        SimulationOptions options = SimulationOptions.defaults().withCheckpointInterval(256);
        String policy = config.getAttribute(PinscopeLaunch.ATTR_POLICY, "");
        if (!policy.isBlank()) {
            try {
                options = options.withPolicy(Policy.valueOf(policy));
            } catch (IllegalArgumentException e) {
                throw abort("Unknown retry policy '" + policy + "'.");
            }
        }
        if (config.hasAttribute(PinscopeLaunch.ATTR_MAX_RETRIES)) {
            options = options.withMaxRetries(config.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 3));
        }
        CompileResult compiled = Simulation.compile(loaded.scenario(), options);
        if (!compiled.ok()) {
            throw abort("The scenario does not compile:\n" + String.join("\n", compiled.errors()));
        }
        Simulation sim = compiled.simulation();
        String scheduler = config.getAttribute(PinscopeLaunch.ATTR_SCHEDULER, PinscopeLaunch.SCHEDULER_SCRIPT);
        long seed;
        try {
            seed = Long.parseLong(config.getAttribute(PinscopeLaunch.ATTR_SEED, "0").strip());
        } catch (NumberFormatException e) {
            throw abort("The random seed must be a whole number.");
        }
        List<Integer> preloaded = new ArrayList<>();
        List<String> names = config.getAttribute(PinscopeLaunch.ATTR_PRELOADED_SCHEDULE, List.of());
        for (int i = 0; i < names.size(); i++) {
            int a = sim.actorNames().indexOf(names.get(i));
            if (a < 0) {
                throw abort("Preloaded schedule step " + i + " names '" + names.get(i) + "', which is not an actor of "
                        + sim.spec().name() + " " + sim.actorNames() + ".");
            }
            preloaded.add(a);
        }
        if (preloaded.isEmpty() && PinscopeLaunch.SCHEDULER_SCRIPT.equals(scheduler)) {
            preloaded = scriptedSequence(sim);
        }
        int loopStart = config.getAttribute(PinscopeLaunch.ATTR_LOOP_START, -1);
        boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);
        PinscopeDebugTarget target = new PinscopeDebugTarget(launch, sim, file, scheduler, seed, preloaded, loopStart,
                debug);
        launch.setSourceLocator(new ListingSourceLocator());
        launch.addDebugTarget(target);
        target.start(debug && config.getAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, true));
    }

    /**
     * The scenario's own schedule as one actor per step: the engine plays it (labels, counts, then
     * round-robin) on a scratch run and we replay the resulting trace step by step, so breakpoints can stop it.
     */
    static List<Integer> scriptedSequence(Simulation sim) {
        Run scratch = sim.newRun();
        scratch.runWith(sim.scriptedSchedule(), sim.maxSteps());
        List<Integer> out = new ArrayList<>();
        for (long i = 0; i < scratch.length(); i++) {
            out.add(scratch.actorOf(i));
        }
        return out;
    }

    private static CoreException abort(String message) {
        return new CoreException(Status.error(message));
    }
}
