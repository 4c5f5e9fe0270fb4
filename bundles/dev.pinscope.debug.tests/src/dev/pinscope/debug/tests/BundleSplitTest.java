package dev.pinscope.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.LaunchFollower;
import dev.pinscope.debug.internal.ui.PinscopeDebugUIPlugin;

/**
 * The debugger is two bundles as the Eclipse debug examples are: dev.pinscope.debug.core (debug model, breakpoints,
 * launch delegate) runs without any UI bundle; dev.pinscope.debug.ui holds the views, actions and presentations.
 * What saved launches, breakpoints and preferences name kept the ids of the single bundle it was split from.
 */
class BundleSplitTest {

    private static final List<String> UI = List.of("org.eclipse.ui", "org.eclipse.swt", "org.eclipse.jface",
            "org.eclipse.debug.ui", "org.eclipse.e4.ui", "org.eclipse.gef", "org.eclipse.draw2d", "dev.pinscope.diagram",
            "dev.pinscope.debug.ui");

    @Test
    void coreIsWiredToNoUiBundle() {
        Bundle core = Platform.getBundle("dev.pinscope.debug.core");
        assertNotNull(core, "dev.pinscope.debug.core is installed");
        String required = core.getHeaders("").get(Constants.REQUIRE_BUNDLE);
        String imported = core.getHeaders("").get(Constants.IMPORT_PACKAGE);
        for (String header : Stream.of(required, imported).filter(h -> h != null).toList()) {
            for (String ui : UI) {
                assertFalse(header.contains(ui), "the core's manifest names " + ui + ": " + header);
            }
        }
        BundleWiring wiring = core.adapt(BundleWiring.class);
        assertNotNull(wiring, "dev.pinscope.debug.core is resolved");
        for (BundleWire w : wiring.getRequiredWires(null)) {
            String provider = w.getProvider().getSymbolicName();
            assertTrue(UI.stream().noneMatch(provider::startsWith), "the core is wired to " + provider);
        }
    }

    @Test
    void launchTypeBreakpointMarkersAndDelegateLiveInTheCoreUnderTheirOldIds() throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType("dev.pinscope.debug.launchType");
        assertNotNull(type, "the launch type saved launch configurations name");
        assertEquals(PinscopeLaunch.TYPE_ID, type.getIdentifier());
        assertEquals("dev.pinscope.debug.core", type.getContributorName());
        assertEquals("dev.pinscope.debug.internal.core.launch.ScenarioLaunchDelegate",
                type.getDelegates(java.util.Set.of("debug"))[0].getDelegate().getClass().getName());
        for (String marker : List.of("dev.pinscope.debug.lineBreakpointMarker", "dev.pinscope.debug.eventBreakpointMarker")) {
            IExtension e = Platform.getExtensionRegistry().getExtension("org.eclipse.core.resources.markers", marker);
            assertNotNull(e, "marker type " + marker + " (persisted breakpoints name it)");
            assertEquals("dev.pinscope.debug.core", e.getContributor().getName());
        }
    }

    @Test
    void theUiContributesItsRunListenersToTheCore() {
        IExtension[] contributed = Platform.getExtensionRegistry().getExtensionPoint("dev.pinscope.debug.core.runListeners")
                .getExtensions();
        List<String> classes = Stream.of(contributed).flatMap(e -> Stream.of(e.getConfigurationElements()))
                .map(c -> c.getAttribute("class")).sorted().toList();
        assertEquals(List.of("dev.pinscope.debug.internal.ui.DiagramAnimator", "dev.pinscope.debug.internal.ui.LaunchFollower"),
                classes);
    }

    @Test
    void removeTerminatedLaunchesIsReadFromTheOldPreferenceNode() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode("dev.pinscope.debug");
        try {
            node.putBoolean(LaunchFollower.PREF_REMOVE_TERMINATED, false);
            assertFalse(PinscopeDebugUIPlugin.getDefault().getPreferenceStore().getBoolean(LaunchFollower.PREF_REMOVE_TERMINATED));
            node.remove(LaunchFollower.PREF_REMOVE_TERMINATED);
            assertTrue(PinscopeDebugUIPlugin.getDefault().getPreferenceStore().getBoolean(LaunchFollower.PREF_REMOVE_TERMINATED),
                    "on by default");
        } finally {
            node.remove(LaunchFollower.PREF_REMOVE_TERMINATED);
        }
    }
}
