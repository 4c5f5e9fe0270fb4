package dev.pinscope.diagram.internal.layout;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;

/** What an actor's box says besides its name: its kind and what it does (the layout sizes the box to fit). */
public final class ActorText {

    private ActorText() {
    }

    public static String kind(Actor a) {
        return switch (a) {
            case Pinner p -> "pinner";
            case Zapper z -> "zapper";
            case PageTableWalker w -> "walker";
            case CpuAccess c -> "cpu";
            case SignalSender s -> "signal";
            case Unmapper u -> "munmap";
            default -> a.eClass().getName();
        };
    }

    public static String detail(Actor a) {
        return switch (a) {
            case Pinner p -> "MAP_DMA " + Hex.format(p.getVaddr()) + " +" + KernelText.size(p.getSize()) + (p.isWrite() ? " write" : " read");
            case Zapper z -> z.getTrigger() + " " + KernelText.repeat(z.getRepeat());
            case PageTableWalker w -> "numa_maps/smaps " + KernelText.repeat(w.getRepeat()) + (w.getVma() == null ? "" : " on " + w.getVma().getName());
            case CpuAccess c -> (c.isWrite() ? "store " : "load ") + Hex.format(c.getVaddr()) + " " + KernelText.repeat(c.getRepeat());
            case SignalSender s -> "SIGKILL → " + (s.getTarget() == null ? "?" : s.getTarget().getName());
            case Unmapper u -> "munmap " + (u.getVma() == null ? "?" : u.getVma().getName());
            default -> "";
        };
    }

    public static String name(Actor a) {
        return a.getName() == null ? "(unnamed)" : a.getName();
    }
}
