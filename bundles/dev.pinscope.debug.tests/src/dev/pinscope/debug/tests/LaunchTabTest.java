package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.launch.ScenarioTab;

/** Run › Debug Configurations: the scenario tab shows and writes back every attribute. */
class LaunchTabTest {

    @Test
    void scenarioTabRoundTripsTheConfiguration() throws Exception {
        Path file = exampleFile(EXAMPLE);
        var wc = PinscopeLaunch.newConfiguration(file, "BOUNDED", PinscopeLaunch.SCHEDULER_RANDOM);
        wc.setAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 7);
        wc.setAttribute(PinscopeLaunch.ATTR_SEED, "42");
        wc.setAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, false);
        Shell shell = new Shell(window().getShell());
        try {
            ScenarioTab tab = new ScenarioTab();
            tab.createControl(shell);
            tab.initializeFrom(wc);
            assertTrue(tab.isValid(wc), tab.getErrorMessage());
            var copy = PinscopeLaunch.type().newInstance(null, "copy");
            tab.performApply(copy);
            assertEquals(file.toAbsolutePath().toString(), copy.getAttribute(PinscopeLaunch.ATTR_FILE, ""));
            assertEquals("BOUNDED", copy.getAttribute(PinscopeLaunch.ATTR_POLICY, ""));
            assertEquals(7, copy.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 0));
            assertEquals("random", copy.getAttribute(PinscopeLaunch.ATTR_SCHEDULER, ""));
            assertEquals("42", copy.getAttribute(PinscopeLaunch.ATTR_SEED, ""));
            assertFalse(copy.getAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, true));

            var missing = PinscopeLaunch.type().newInstance(null, "missing");
            missing.setAttribute(PinscopeLaunch.ATTR_FILE, file.resolveSibling("nope.pinscope").toString());
            tab.initializeFrom(missing);
            assertFalse(tab.isValid(missing));
            assertTrue(tab.getErrorMessage().startsWith("No such file"), tab.getErrorMessage());
        } finally {
            shell.dispose();
        }
    }
}
