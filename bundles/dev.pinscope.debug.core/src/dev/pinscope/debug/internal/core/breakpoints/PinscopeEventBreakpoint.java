package dev.pinscope.debug.internal.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.pinscope.debug.core.PinscopeLaunch;

/** Suspends when something happens in the modelled kernel rather than at a line. */
public class PinscopeEventBreakpoint extends Breakpoint {

    public static final String MARKER_TYPE = "dev.pinscope.debug.eventBreakpointMarker";
    public static final String ATTR_EVENT = "dev.pinscope.debug.event";

    /** The events one can stop at. */
    public enum Event {
        ENTRY_ZAPPED("Entry zapped", "a present page-table leaf is cleared or split"),
        RETRY_TAKEN("Retry taken", "vaddr_get_pfns() takes its -EAGAIN goto retry"),
        LOCK_ACQUIRED("Lock acquired", "any actor takes mmap_lock, memory_lock, a page-table lock or i_mmap_rwsem"),
        PINNER_FINISHED("Pinner finished", "VFIO_IOMMU_MAP_DMA returns");

        public final String label;
        public final String description;

        Event(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** The engine's name of this event (same name), which tells whether a step caused it. */
        public dev.pinscope.engine.StepEvent kind() {
            return dev.pinscope.engine.StepEvent.valueOf(name());
        }
    }

    public PinscopeEventBreakpoint() {
    }

    public PinscopeEventBreakpoint(Event event) throws CoreException {
        IResource root = ResourcesPlugin.getWorkspace().getRoot();
        IWorkspaceRunnable create = monitor -> {
            IMarker marker = root.createMarker(MARKER_TYPE);
            setMarker(marker);
            marker.setAttributes(Map.of(
                    IBreakpoint.ID, PinscopeLaunch.MODEL_ID,
                    ENABLED, Boolean.TRUE,
                    PERSISTED, Boolean.TRUE,
                    ATTR_EVENT, event.name(),
                    IMarker.MESSAGE, "Event breakpoint: " + event.label));
        };
        run(getMarkerRule(root), create);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public String getModelIdentifier() {
        return PinscopeLaunch.MODEL_ID;
    }

    public Event event() {
        try {
            return Event.valueOf(getMarker().getAttribute(ATTR_EVENT, Event.RETRY_TAKEN.name()));
        } catch (IllegalArgumentException e) {
            return Event.RETRY_TAKEN;
        }
    }
}
