package dev.pinscope.diagram.internal.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;
import org.eclipse.swt.widgets.Display;

import dev.pinscope.diagram.internal.figures.LanesFigure;
import dev.pinscope.diagram.internal.figures.OverlayFigure;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.policies.ScenarioLayoutPolicy;
import dev.pinscope.model.scenario.Scenario;

/**
 * The diagram: lanes and axis in the background, elements in the content layer, the runtime
 * overlay on top. It watches the whole scenario; any change invalidates the layout, and the
 * diagram relays out once the command that caused it completes (or on the next UI turn).
 */
public class ScenarioEditPart extends AbstractGraphicalEditPart {

    private final DiagramContext context;
    private LanesFigure lanes;
    private FreeformLayer content;
    private OverlayFigure overlay;
    private boolean dirty;
    private boolean scheduled;

    private final EContentAdapter watcher = new EContentAdapter() {
        @Override
        public void notifyChanged(Notification n) {
            super.notifyChanged(n);
            if (!n.isTouch()) {
                changed();
            }
        }
    };

    public ScenarioEditPart(DiagramContext context) {
        this.context = context;
    }

    public Scenario scenario() {
        return (Scenario) getModel();
    }

    public DiagramContext context() {
        return context;
    }

    @Override
    protected IFigure createFigure() {
        FreeformLayer root = new FreeformLayer();
        root.setLayoutManager(new FreeformLayout());
        lanes = new LanesFigure();
        root.add(lanes, new Rectangle(0, 0, 10, 10));
        content = new FreeformLayer();
        content.setLayoutManager(new FreeformLayout());
        root.add(content);
        overlay = new OverlayFigure();
        overlay.setObstacles(() -> new OverlayFigure.Obstacles() {
            private final List<DrawnTexts.Placed> under = DrawnTexts.underOverlay(ScenarioEditPart.this);

            @Override
            public List<Rectangle> texts() {
                return under.stream().map(p -> p.box().bounds()).toList();
            }

            @Override
            public List<Rectangle> boxes() {
                return DrawnTexts.elementBoxes(ScenarioEditPart.this);
            }
        });
        root.add(overlay, new Rectangle(0, 0, 10, 10));
        return root;
    }

    /** What the run adds on top: its own leaves, ghosts, the address touched. */
    public OverlayFigure overlayFigure() {
        return overlay;
    }

    /** The background: lanes, axis, legend. */
    public LanesFigure lanesFigure() {
        return lanes;
    }

    @Override
    public IFigure getContentPane() {
        return content;
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new ScenarioLayoutPolicy(context));
    }

    @Override
    public void activate() {
        super.activate();
        scenario().eAdapters().add(watcher);
    }

    @Override
    public void deactivate() {
        scenario().eAdapters().remove(watcher);
        super.deactivate();
    }

    @Override
    protected List<?> getModelChildren() {
        DiagramLayout l = context.layout();
        Scenario s = scenario();
        List<Object> out = new ArrayList<>();
        if (s.getAddressSpace() != null) {
            out.addAll(s.getAddressSpace().getVmas());
        }
        out.addAll(l.orphanEntries());
        out.addAll(s.getDevices());
        out.addAll(s.getActors());
        return out;
    }

    @Override
    protected void refreshVisuals() {
        DiagramLayout l = context.layout();
        lanes.setDiagramLayout(l);
        overlay.setDiagramLayout(l);
        overlay.setOverlay(context.overlay());
        getFigure().setConstraint(lanes, new Rectangle(0, 0, l.width(), l.height()));
        // the overlay's own size: the diagram's, taller when a run label found no free place on it
        getFigure().setConstraint(overlay, new Rectangle(0, 0, -1, -1));
    }

    private void changed() {
        context.invalidateLayout();
        dirty = true;
        if (!scheduled && Display.getCurrent() != null) {
            scheduled = true;
            Display.getCurrent().asyncExec(() -> {
                scheduled = false;
                relayoutIfChanged();
            });
        }
    }

    /** Relays out and refreshes every part if the model changed since the last relayout. */
    public void relayoutIfChanged() {
        if (dirty && isActive()) {
            relayout();
        }
    }

    /** Recomputes the layout and refreshes the parts, connections and decorations it changed. */
    public void relayout() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        dirty = false;
        context.invalidateLayout();
        DiagramLayout now = context.layout();
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        refresh();
        int refreshed = 0;
        for (Object child : getChildren()) {
            // a VMA the layout kept as it was (same piece, same place, no link of its own) needs no look
            if (child instanceof VmaEditPart v && now.unchangedSince(shown, v.vma()) && !now.children(v.vma()).isEmpty()
                    && now.linksFrom(v.vma()).isEmpty() && v.getSourceConnections().isEmpty()) {
                continue;
            }
            if (child instanceof ElementEditPart e && e.isStale()) {
                e.refreshDeep();
                refreshed++;
            }
        }
        shown = now;
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        lastRelayout = new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, refreshed, (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000};
    }

    private long[] lastRelayout = new long[5];
    /** The layout the parts were last brought up to date with. */
    private DiagramLayout shown;

    /**
     * The last relayout, for the benchmark: wall ms computing the layout, wall ms updating figures,
     * top-level parts refreshed, then the same two as CPU ms of the UI thread (which a loaded
     * machine does not inflate).
     */
    public long[] lastRelayout() {
        return lastRelayout.clone();
    }

    /** Re-reads problems and overlay into every figure, without relayout. */
    public void refreshDecorations() {
        overlay.setOverlay(context.overlay());
        for (Object child : getChildren()) {
            decorate((EditPart) child);
        }
    }

    private static void decorate(EditPart part) {
        if (part instanceof ElementEditPart e) {
            e.refreshDecorations();
        }
        for (Object c : part.getChildren()) {
            decorate((EditPart) c);
        }
    }
}
