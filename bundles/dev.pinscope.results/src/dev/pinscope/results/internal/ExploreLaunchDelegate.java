package dev.pinscope.results.internal;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.results.ResultsIds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.ui.PlatformUI;

/**
 * The "Explore All Interleavings" and "Compare Policies" launch modes of a Pinscope Scenario launch
 * configuration: explores the configuration's file (with its policy and maxRetries) as a background job whose
 * result appears in the Results view. The launch itself has no process or debug target and ends at once.
 */
public class ExploreLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        String f = config.getAttribute(PinscopeLaunch.ATTR_FILE, "");
        Path file = f.isEmpty() ? null : Path.of(f);
        if (file == null || !Files.isRegularFile(file)) {
            throw new CoreException(Status.error("Pinscope launch: no scenario file '" + f + "'"));
        }
        LoadResult lr = Scenarios.load(file);
        if (!lr.ok()) {
            throw new CoreException(Status.error(lr.firstProblem()));
        }
        var scenario = lr.scenario();
        String policy = config.getAttribute(PinscopeLaunch.ATTR_POLICY, "");
        if (!policy.isEmpty() && RetryPolicy.get(policy) != null) {
            scenario.setPolicy(RetryPolicy.get(policy));
        }
        if (config.hasAttribute(PinscopeLaunch.ATTR_MAX_RETRIES)) {
            scenario.setMaxRetries(config.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, scenario.getMaxRetries()));
        }
        boolean compare = ResultsIds.COMPARE_MODE.equals(mode);
        String key = file.toAbsolutePath().normalize().toString();
        Runnable start = () -> Explorations.start(null, key, scenario, file, compare, true);
        if (PlatformUI.isWorkbenchRunning()) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(start);
        } else {
            start.run();
        }
        DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
    }
}
