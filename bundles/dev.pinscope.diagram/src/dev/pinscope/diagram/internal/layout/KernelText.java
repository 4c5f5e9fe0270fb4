package dev.pinscope.diagram.internal.layout;

import java.util.List;
import java.util.stream.Collectors;

import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/** Labels in kernel notation: hex addresses, 4K/2M/1G sizes, smaps VmFlags mnemonics. */
public final class KernelText {

    private KernelText() {
    }

    public static String range(long start, long end) {
        return Hex.format(start) + " +" + size(end - start);
    }

    public static String size(long bytes) {
        return bytes <= 0 ? Long.toString(bytes) : Sizes.format(bytes);
    }

    /** The two-letter VmFlags of /proc/PID/smaps, e.g. {@code rd wr sh io pf}. */
    public static String smapsFlags(List<VmFlag> flags) {
        if (flags.isEmpty()) {
            return "VmFlags: (none)";
        }
        StringBuilder b = new StringBuilder("VmFlags:"); // once per VMA per relayout: no streams
        for (VmFlag f : flags) {
            b.append(' ').append(mnemonic(f));
        }
        return b.toString();
    }

    public static String fullFlags(List<VmFlag> flags) {
        return flags.stream().map(VmFlag::getLiteral).collect(Collectors.joining(" | "));
    }

    public static String mnemonic(VmFlag f) {
        return switch (f) {
            case VM_READ -> "rd";
            case VM_WRITE -> "wr";
            case VM_SHARED -> "sh";
            case VM_MAYWRITE -> "mw";
            case VM_IO -> "io";
            case VM_PFNMAP -> "pf";
            case VM_MIXEDMAP -> "mm";
            case VM_DONTEXPAND -> "de";
            case VM_DONTDUMP -> "dd";
            case VM_HUGEPAGE -> "hg";
        };
    }

    public static String repeat(int n) {
        return n < 0 ? "×∞" : "×" + n;
    }
}
