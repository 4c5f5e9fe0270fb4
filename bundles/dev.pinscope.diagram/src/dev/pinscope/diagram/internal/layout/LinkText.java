package dev.pinscope.diagram.internal.layout;

import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/** The label a link carries, in kernel notation; null for links whose ends already say it all. */
public final class LinkText {

    private LinkText() {
    }

    public static String of(Link l) {
        return switch (l.kind()) {
            case VMA_BAR -> "pgoff " + Hex.format(((Vma) l.source()).getPgoff());
            case ZAPPER_DEVICE -> "zap: " + ((Zapper) l.source()).getTrigger();
            case WALKER_VMA -> "walk";
            case UNMAPPER_VMA -> "munmap";
            case SIGNAL_PINNER -> "SIGKILL";
            case PINNER_RANGE -> {
                long size = ((Pinner) l.source()).getSize();
                yield "pin +" + (size <= 0 ? Long.toString(size) : Sizes.format(size));
            }
            // the leaf already shows its pfn; labels on many parallel links only collide
            case CPU_VMA, ENTRY_PFN -> null;
        };
    }
}
