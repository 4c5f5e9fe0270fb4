package dev.pinscope.debug.internal.core.breakpoints;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Listing;
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
     * The listing lines of the enabled breakpoints when all of them are line breakpoints, else null: a search
     * for earlier hits may then skip trace segments that never reach these lines.
     */
    public int[] linesOnly() {
        List<IBreakpoint> bps = enabled();
        int[] out = new int[bps.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(bps.get(i) instanceof PinscopeLineBreakpoint lb)) {
                return null;
            }
            out[i] = lb.lineIn(listing);
        }
        return out;
    }

    /** The breakpoint that arriving at the state after {@code step} hits, or null. */
    public IBreakpoint hit(StepView step) {
        List<IBreakpoint> bps = enabled();
        if (bps.isEmpty()) {
            return null;
        }
        ActorView after = step.actorAfter();
        List<Frame> before = null;
        for (IBreakpoint b : bps) {
            if (b instanceof PinscopeLineBreakpoint lb) {
                int line = lb.lineIn(listing);
                if (before == null) {
                    before = step.framesBefore();
                }
                if (line > 0 && arrivesAt(before, after.frames(), line)) {
                    return b;
                }
            } else if (b instanceof PinscopeEventBreakpoint eb) {
                if (happened(eb.event(), after, step)) {
                    return b;
                }
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

    private static boolean happened(PinscopeEventBreakpoint.Event e, ActorView after, StepView step) {
        switch (e) {
            case RETRY_TAKEN:
                return "RETRY".equals(step.record().label());
            case PINNER_FINISHED:
                return after.kind() == ActorView.Kind.PINNER && after.status() == ActorView.Status.FINISHED;
            case ENTRY_ZAPPED: {
                KernelSnapshot before = step.snapshotBefore();
                KernelSnapshot now = step.snapshotAfter();
                for (int i = 0; i < now.slots().size() && i < before.slots().size(); i++) {
                    if (before.slots().get(i).kind() == KernelSnapshot.SlotKind.LEAF
                            && now.slots().get(i).kind() != KernelSnapshot.SlotKind.LEAF) {
                        return true;
                    }
                }
                return false;
            }
            case LOCK_ACQUIRED: {
                KernelSnapshot before = step.snapshotBefore();
                KernelSnapshot now = step.snapshotAfter();
                for (KernelSnapshot.LockState l : now.locks()) {
                    Set<String> was = holders(before, l.name());
                    Set<String> is = holders(l);
                    is.removeAll(was);
                    if (!is.isEmpty()) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return false;
        }
    }

    private static Set<String> holders(KernelSnapshot s, String lock) {
        for (KernelSnapshot.LockState l : s.locks()) {
            if (l.name().equals(lock)) {
                return holders(l);
            }
        }
        return new HashSet<>();
    }

    private static Set<String> holders(KernelSnapshot.LockState l) {
        Set<String> h = new HashSet<>(l.readers());
        if (l.writer() != null) {
            h.add(l.writer());
        }
        return h;
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
