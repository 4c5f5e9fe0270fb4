package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.geometry.Rectangle;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;

/**
 * The lanes either side of the VMAs, once the address axis is known: devices (with their BARs
 * along the top) on the physical side below, as near as they can be to the VMAs that map them;
 * actors above, near what they touch, in up to three rows.
 */
final class SidePlacement {

    /** The room a device keeps in its footer for the lock badge the debugger draws there. */
    private static final String LOCK_BADGE = "memory_lock W: reset";

    private SidePlacement() {
    }

    static void placeDevices(Scenario scenario, Vma[] sortedVmas, AddressAxis axis, TextMetrics metrics, Map<Object, Rectangle> bounds) {
        int y = Lanes.ACTOR_Y + Lanes.ACTOR_ROW_HEIGHT + 8 + Lanes.AXIS_HEIGHT + Lanes.VMA_HEIGHT + Lanes.LANE_GAP;
        Map<Bar, Integer> barX = new IdentityHashMap<>();
        for (Vma v : sortedVmas) {
            if (v.getBar() != null) {
                barX.merge(v.getBar(), axis.x(v.getStart()), Math::min);
            }
        }
        record Pending(Device d, int preferred, int width) {
        }
        List<Pending> pending = new ArrayList<>();
        int next = AddressAxis.ORIGIN;
        for (Device d : scenario.getDevices()) {
            int w = 16;
            for (Bar b : d.getBars()) {
                w += barWidth(b, metrics) + Lanes.BAR_GAP;
            }
            int texts = 8 + metrics.width(ElementText.deviceName(d), true) + 12 + metrics.width(ElementText.deviceState(d), false) + 8 + 18
                    + metrics.width(LOCK_BADGE, false) + 30; // the debugger's memory_lock badge, beside the texts
            w = Math.max(Math.max(w + 6, texts), 210);
            int pref = Integer.MAX_VALUE;
            for (Bar b : d.getBars()) {
                Integer bx = barX.get(b);
                if (bx != null) {
                    pref = Math.min(pref, bx);
                }
            }
            if (pref == Integer.MAX_VALUE) {
                pref = next;
            }
            next = pref + w + 30;
            pending.add(new Pending(d, pref, w));
        }
        pending.sort(Comparator.comparingInt(Pending::preferred));
        int right = Integer.MIN_VALUE;
        for (Pending p : pending) {
            int x = Math.max(p.preferred(), right + 30);
            Rectangle dr = new Rectangle(x, y, p.width(), Lanes.DEVICE_HEIGHT);
            bounds.put(p.d(), dr);
            right = dr.right();
            int bx = x + 8;
            for (Bar b : p.d().getBars()) {
                int bw = barWidth(b, metrics);
                // BARs along the top edge, where links arrive; the device's texts below them
                bounds.put(b, new Rectangle(bx, y + 8, bw, Lanes.DEVICE_HEIGHT - 8 - Lanes.DEVICE_FOOTER));
                bx += bw + Lanes.BAR_GAP;
            }
        }
    }

    private static int barWidth(Bar b, TextMetrics metrics) {
        double pages = Math.max(1.0, b.getSize() / 4096.0);
        int byLog = (int) Math.round(120 + 5 * (Math.log(pages) / Math.log(2)));
        return Math.max(byLog, Math.max(metrics.width(ElementText.barTitle(b), true) + 10 + 18, metrics.width(ElementText.barRange(b), false) + 10));
    }

    /** @return how many rows the actor lane needs */
    static int placeActors(Scenario scenario, AddressAxis axis, TextMetrics metrics, Map<Object, Rectangle> bounds) {
        List<int[]> rows = new ArrayList<>(); // right end per row
        int fallback = AddressAxis.ORIGIN;
        Map<Actor, Integer> pinnerX = new IdentityHashMap<>();
        for (Actor a : scenario.getActors()) {
            int width = Math.max(Lanes.ACTOR_MIN_WIDTH, actorTextWidth(a, metrics));
            Integer pref = null;
            switch (a) {
                case Pinner p -> {
                    pref = axis.x(p.getVaddr());
                    if (p.getSize() > 0) {
                        width = Math.max(width, axis.x(p.getVaddr() + p.getSize()) - pref);
                    }
                    pinnerX.put(p, pref);
                }
                case CpuAccess c -> pref = axis.x(c.getVaddr());
                case PageTableWalker w -> pref = w.getVma() == null ? null : axis.x(w.getVma().getStart());
                case Unmapper u -> pref = u.getVma() == null ? null : axis.x(u.getVma().getStart());
                case Zapper z -> {
                    Rectangle d = z.getDevice() == null ? null : bounds.get(z.getDevice());
                    pref = d == null ? null : d.x;
                }
                case SignalSender s -> pref = s.getTarget() == null ? null : pinnerX.get(s.getTarget());
                default -> {
                }
            }
            int x = pref == null ? fallback : pref;
            int row = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r)[0] + 12 <= x) {
                    row = r;
                    break;
                }
            }
            if (row < 0 && rows.size() < 3) {
                rows.add(new int[] {Integer.MIN_VALUE});
                row = rows.size() - 1;
            }
            if (row < 0) {
                row = 0;
                for (int r = 1; r < rows.size(); r++) {
                    if (rows.get(r)[0] < rows.get(row)[0]) {
                        row = r;
                    }
                }
                x = rows.get(row)[0] + 12;
            }
            Rectangle ar = new Rectangle(x, Lanes.ACTOR_Y + row * Lanes.ACTOR_ROW_HEIGHT, width, Lanes.ACTOR_HEIGHT);
            bounds.put(a, ar);
            rows.get(row)[0] = ar.right();
            fallback = Math.max(fallback, ar.right() + 20);
        }
        return Math.max(1, rows.size());
    }

    /** Room for the name, the kind beside it and the detail line. */
    private static int actorTextWidth(Actor a, TextMetrics metrics) {
        int first = 9 + metrics.width(ActorText.name(a), true) + 8 + metrics.width(ActorText.kind(a), false) + 8 + 18;
        int second = 9 + metrics.width(ActorText.detail(a), false) + 8;
        return Math.max(first, Math.min(second, 420)); // a very long detail is shortened, the tooltip has it
    }

}
