package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;

/**
 * Which links a layout draws: the scenario's references between elements that have a place
 * (VMA → BAR, actor → what it touches, entry → the BAR its PFN falls in), indexed both ways.
 * Computed once the boxes are placed, before routing; large scenarios leave the numerous kinds out.
 */
final class LinkTable {

    static final LinkTable EMPTY = new LinkTable();

    private final Map<Object, List<Link>> from = new HashMap<>();
    private final Map<Object, List<Link>> to = new HashMap<>();
    private final List<Link> all = new ArrayList<>();

    private LinkTable() {
    }

    /**
     * @param sortedVmas the layout's VMAs by address
     * @param entryCount how many leaves the layout placed (inside VMAs and stray)
     */
    static LinkTable compute(DiagramLayout layout, Vma[] sortedVmas, int entryCount) {
        LinkTable t = new LinkTable();
        if (sortedVmas.length <= DiagramLayout.MAX_VMA_LINKS) {
            for (Vma v : sortedVmas) {
                if (v.getBar() != null && layout.boundsRef(v.getBar()) != null) {
                    t.add(new Link(Link.Kind.VMA_BAR, v, v.getBar()));
                }
            }
        }
        for (Actor a : layout.scenario().getActors()) {
            switch (a) {
                case Zapper z -> {
                    if (z.getDevice() != null && layout.boundsRef(z.getDevice()) != null) {
                        t.add(new Link(Link.Kind.ZAPPER_DEVICE, z, z.getDevice()));
                    }
                }
                case PageTableWalker w -> {
                    if (w.getVma() != null && layout.boundsRef(w.getVma()) != null) {
                        t.add(new Link(Link.Kind.WALKER_VMA, w, w.getVma()));
                    }
                }
                case Unmapper u -> {
                    if (u.getVma() != null && layout.boundsRef(u.getVma()) != null) {
                        t.add(new Link(Link.Kind.UNMAPPER_VMA, u, u.getVma()));
                    }
                }
                case SignalSender sig -> {
                    if (sig.getTarget() != null && layout.boundsRef(sig.getTarget()) != null) {
                        t.add(new Link(Link.Kind.SIGNAL_PINNER, sig, sig.getTarget()));
                    }
                }
                case Pinner p -> {
                    Vma v = layout.find(p.getVaddr());
                    if (v != null) {
                        t.add(new Link(Link.Kind.PINNER_RANGE, p, v));
                    }
                }
                case CpuAccess c -> {
                    Vma v = layout.find(c.getVaddr());
                    if (v != null) {
                        t.add(new Link(Link.Kind.CPU_VMA, c, v));
                    }
                }
                default -> {
                }
            }
        }
        if (!layout.isAggregated() && entryCount <= DiagramLayout.MAX_PFN_LINKS) {
            for (Vma v : sortedVmas) {
                for (Object child : layout.children(v)) {
                    PageTableEntry e = (PageTableEntry) child;
                    Bar b = ScenarioMath.barOfPfn(layout.scenario(), e.getPfn());
                    if (b != null && layout.boundsRef(b) != null) {
                        t.add(new Link(Link.Kind.ENTRY_PFN, e, b));
                    }
                }
            }
        }
        return t;
    }

    private void add(Link l) {
        from.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l);
        to.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l);
        all.add(l);
    }

    List<Link> from(Object element) {
        return from.getOrDefault(element, List.of());
    }

    List<Link> to(Object element) {
        return to.getOrDefault(element, List.of());
    }

    /** Every link, in the order they were found. */
    List<Link> all() {
        return all;
    }
}
