package dev.pinscope.diagram.internal.layout;

import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;

/** The texts of VMA, device and BAR figures, shared by the figures and the layout that sizes them. */
public final class ElementText {

    private ElementText() {
    }

    public static String vmaName(Vma v) {
        return v.getName() == null ? "(unnamed VMA)" : v.getName();
    }

    public static String vmaRange(Vma v) {
        return KernelText.range(v.getStart(), v.getEnd());
    }

    public static String vmaFlags(Vma v) {
        return KernelText.smapsFlags(v.getFlags());
    }

    public static String deviceName(Device d) {
        return d.getName() == null ? "(no PCI address)" : d.getName();
    }

    public static String deviceState(Device d) {
        return d.getPowerState() + (d.isMemoryEnabled() ? " · MEM on" : " · MEM off")
                + (d.isNoCommandMemory() ? " · no_command_memory" : "") + (d.isPmRuntimeEngaged() ? " · pm_runtime" : "");
    }

    public static String barTitle(Bar b) {
        return "BAR" + b.getIndex() + "  " + KernelText.size(b.getSize());
    }

    public static String barRange(Bar b) {
        return Hex.format(b.getPhysicalAddress()) + "–" + Hex.format(b.getPhysicalAddress() + b.getSize());
    }
}
