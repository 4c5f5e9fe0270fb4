package dev.pinscope.debug.internal.core.breakpoints;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.Listing;
import dev.pinscope.engine.StepEvent;
import dev.pinscope.engine.StepView;

/**
 * Decides whether arriving at the state after a step hits a breakpoint. A line breakpoint is hit when a
 * frame of the stepping actor arrives at its line: the innermost frame moving there, or a call made from
 * there (so a breakpoint on the {@code follow_pfnmap_start(&args); /* F2 *\/} call line stops as F2 starts).
 */
public final class BreakpointChecker {

    private final Listing listing;
    private volatile List<IBreakpoint> cache;

    public BreakpointChecker(Listing listing) {
        this.listing = listing;
    }

    public void invalidate() {
        cache = null;
    }

    private List<IBreakpoint> enabled() {
        List<IBreakpoint> c = cache;
        if (c == null) {
            c = new ArrayList<>();
            for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PinscopeLaunch.MODEL_ID)) {
                try {
                    if (b.isEnabled()) {
                        c.add(b);
                    }
                } catch (CoreException e) {
                    // a breakpoint whose marker is gone does not stop anything
                }
            }
            cache = c;
        }
        return c;
    }

    /**
     * The listing lines of the enabled line breakpoints (none when there are only event breakpoints), or null when
     * some breakpoint is of another kind: with {@link #events()}, a search for earlier hits may then skip trace
     * segments that neither reach these lines nor see these events.
     */
    public int[] lines() {
        List<IBreakpoint> bps = enabled();
        List<Integer> out = new ArrayList<>();
        for (IBreakpoint b : bps) {
            if (b instanceof PinscopeLineBreakpoint lb) {
                out.add(lb.lineIn(listing));
            } else if (!(b instanceof PinscopeEventBreakpoint)) {
                return null;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The events of the enabled event breakpoints, as a mask of {@link StepEvent#bit()}s. */
    public int events() {
        int mask = 0;
        for (IBreakpoint b : enabled()) {
            if (b instanceof PinscopeEventBreakpoint eb) {
                mask |= eb.event().kind().bit();
            }
        }
        return mask;
    }

    /** The breakpoint that arriving at the state after {@code step} hits, or null. */
    public IBreakpoint hit(StepView step) {
        List<IBreakpoint> bps = enabled();
        if (bps.isEmpty()) {
            return null;
        }
        List<Frame> before = null;
        List<Frame> after = null;
        for (IBreakpoint b : bps) {
            if (b instanceof PinscopeLineBreakpoint lb) {
                int line = lb.lineIn(listing);
                if (before == null) {
                    before = step.framesBefore();
                    after = step.actorAfter().frames();
                }
                if (line > 0 && arrivesAt(before, after, line)) {
                    return b;
                }
            } else if (b instanceof PinscopeEventBreakpoint eb && step.happened(eb.event().kind())) {
                // the engine tells the event from the packed states: the test its trace summaries use too
                return b;
            }
        }
        return null;
    }

    static boolean arrivesAt(List<Frame> beforeInnerFirst, List<Frame> afterInnerFirst, int line) {
        List<Frame> b = reversed(beforeInnerFirst);
        List<Frame> a = reversed(afterInnerFirst);
        int k = 0;
        while (k < a.size() && k < b.size() && a.get(k).function().equals(b.get(k).function())
                && a.get(k).line() == b.get(k).line()) {
            k++;
        }
        for (int i = k; i < a.size(); i++) {
            if (a.get(i).line() == line) {
                return true;
            }
        }
        return false;
    }

    private static List<Frame> reversed(List<Frame> l) {
        List<Frame> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    /** A short description for labels and stop reasons. */
    public String describe(IBreakpoint b) {
        if (b instanceof PinscopeLineBreakpoint lb) {
            int line = lb.lineIn(listing);
            return "line " + line + (line > 0 ? " (" + listing.functionOf(line) + ")" : "");
        }
        if (b instanceof PinscopeEventBreakpoint eb) {
            return eb.event().label;
        }
        return String.valueOf(b);
    }
}
