package dev.pinscope.debug.internal.core.model;

import java.util.ArrayList;
import java.util.List;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.Listing;
import dev.pinscope.engine.spec.Errno;

/**
 * The frame a finished actor shows in the Debug view instead of none: its outermost function, standing on
 * that function's closing line in the listing, with what it returned as locals ({@code return value}, {@code pinned
 * pages}, {@code stale pfn} for a pinner). At the end of a run every actor has finished and has no engine frame;
 * without this the Debug view had nothing to select and Variables stayed empty, while a kernel developer at the
 * last step wants exactly the results and the final page-table and lock state (the kernel node goes with it).
 */
final class FinalFrame {

    /** The label of a final frame, so listings and views can tell it from a frame of a call stack. */
    static final String LABEL = "RETURNED";

    private FinalFrame() {
    }

    static Frame of(ActorView v, String entry, Listing listing) {
        String function = entry == null ? v.name() : entry;
        int line = -1;
        if (entry != null) {
            // the function's last written line (its closing brace): where it has returned from
            for (Listing.Line l : listing.lines()) {
                if (entry.equals(l.function()) && !l.text().isBlank()) {
                    line = l.number();
                }
            }
        }
        List<Frame.Variable> locals = new ArrayList<>();
        if (v.kind() == ActorView.Kind.PINNER && v.result() != null) {
            locals.add(new Frame.Variable("return value", v.result().kernelName()));
            locals.add(new Frame.Variable("pinned pages", Long.toString(v.pinnedPages())));
            locals.add(new Frame.Variable("stale pfn", v.stalePfn() ? "yes: a PFN pinned after its mapping changed" : "no"));
        } else {
            locals.add(new Frame.Variable("status", "finished"));
        }
        return new Frame(function, line, LABEL, List.copyOf(locals));
    }

    /** {@code vfio_pin_map_dma() returned -EINVAL}, {@code ... returned 0 (512 pages pinned)}, {@code show_numa_map() finished}. */
    static String name(Frame f) {
        String result = f.locals().stream().filter(x -> x.name().equals("return value")).map(Frame.Variable::value)
                .findFirst().orElse(null);
        if (result == null) {
            return f.function() + "() finished";
        }
        String pinned = f.locals().stream().filter(x -> x.name().equals("pinned pages")).map(Frame.Variable::value)
                .findFirst().orElse("0");
        return f.function() + "() returned " + result + (result.equals(Errno.OK.kernelName()) ? " (" + pinned + " pages pinned)" : "");
    }
}
