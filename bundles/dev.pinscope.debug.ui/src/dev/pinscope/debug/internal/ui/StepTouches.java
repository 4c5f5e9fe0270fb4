package dev.pinscope.debug.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.internal.core.model.RaceHistory;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * The link between the Timeline's rows and the diagram, both ways, read from the run's {@link RaceHistory}: what
 * one step touched (its actor, the leaves it faulted in, zapped, split or read, the VMA it unmapped, the device
 * a zapper works on) and, the other way, which steps touched a design element. Only the design model's elements
 * and addresses reach the diagram, never engine objects.
 *
 * @param actor the name of the actor that took the step
 * @param touch what the step changed or read
 */
record StepTouches(String actor, RaceHistory.Touch touch) {

    /** What step {@code step} (0-based) of the run, taken by {@code actor}, touched. */
    static StepTouches of(RaceHistory history, long step, String actor) {
        return new StepTouches(actor, history.touchedBy(step));
    }

    /** Whether the step touched {@code element}'s figure on the diagram. */
    boolean touches(EObject element) {
        return switch (element) {
            case Actor a -> a.getName().equals(actor);
            case Device d -> zapperOf(d, actor);
            case PageTableEntry e -> touchesLeaf(e.getVaddr(), e.getLevel());
            case Vma v -> touch.vmas().contains(v.getName());
            default -> false;
        };
    }

    /** Whether the step changed the slot of the leaf {@code level @ vaddr} or read an entry inside it. */
    boolean touchesLeaf(long vaddr, PageLevel level) {
        for (RaceHistory.SlotChange c : touch.changes()) {
            if (c.vaddr() == vaddr && c.level().equals(level.getName())) {
                return true;
            }
        }
        long size = Sizes.of(level);
        for (long r : touch.reads()) {
            if (r >= vaddr && r < vaddr + size) {
                return true;
            }
        }
        return false;
    }

    /** Whether actor {@code name} is a zapper of device {@code d} (its steps take d's memory_lock, zap its BARs). */
    private static boolean zapperOf(Device d, String name) {
        if (!(d.eContainer() instanceof Scenario s)) {
            return false;
        }
        for (Actor a : s.getActors()) {
            if (a instanceof Zapper z && z.getDevice() == d && a.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The last (at most a limit of) the steps that touched an element, ascending, and how many touched it. */
    record Linked(List<Long> steps, long count) {
        boolean capped() {
            return count > steps.size();
        }
    }

    /**
     * The steps before position {@code p} that touched {@code element}: an actor's own steps, a device's zappers'
     * steps, the steps that changed or read a leaf, or any slot of a VMA, or unmapped it; only the last
     * {@code limit} of them are listed (an actor of a million-step trace). The caller holds the target's monitor.
     */
    static Linked stepsTouching(PinscopeDebugTarget t, EObject element, long p, int limit) {
        RaceHistory h = t.history();
        List<Long> all = switch (element) {
            case Actor a -> null;
            case Device d -> null;
            case PageTableEntry e -> h.stepsTouching(e.getLevel().getName(), e.getVaddr(), Sizes.of(e.getLevel()), p);
            case Vma v -> h.stepsTouchingVma(v.getName(), v.getStart(), v.getEnd(), p);
            default -> List.of();
        };
        if (all != null) {
            return new Linked(all.subList(Math.max(0, all.size() - limit), all.size()), all.size());
        }
        java.util.function.Predicate<String> by = element instanceof Actor a ? name -> name.equals(a.getName())
                : name -> zapperOf((Device) element, name);
        List<String> names = t.simulation().actorNames();
        boolean[] chosen = new boolean[names.size()];
        for (int a = 0; a < chosen.length; a++) {
            chosen[a] = by.test(names.get(a));
        }
        // from the current position back: the latest steps are the ones listed, every one is counted
        java.util.ArrayDeque<Long> last = new java.util.ArrayDeque<>();
        long count = 0;
        for (long i = p - 1; i >= 0; i--) {
            if (chosen[t.run().actorOf(i)]) {
                count++;
                if (last.size() < limit) {
                    last.addFirst(i);
                }
            }
        }
        return new Linked(new ArrayList<>(last), count);
    }

    /** How the Timeline names a selected element, e.g. {@code "VMA bar0"} or {@code "PUD leaf at 0x7f0000000000"}. */
    static String describe(EObject element) {
        return switch (element) {
            case Actor a -> a.getName();
            case Device d -> "device " + d.getName();
            case PageTableEntry e -> e.getLevel().getName() + " leaf at " + Hex.format(e.getVaddr());
            case Vma v -> "VMA " + v.getName();
            default -> null;
        };
    }
}
