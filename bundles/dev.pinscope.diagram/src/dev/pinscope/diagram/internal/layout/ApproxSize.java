package dev.pinscope.diagram.internal.layout;

/** Sizes for humans when they are not a round 4K/2M/1G multiple, e.g. gap widths: {@code ~127T}. */
public final class ApproxSize {

    private ApproxSize() {
    }

    public static String of(long bytes) {
        String[] units = {"", "K", "M", "G", "T", "P", "E"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String n = v >= 100 || v == Math.floor(v) ? String.valueOf(Math.round(v)) : String.format("%.1f", v);
        return (v == Math.floor(v) ? "" : "~") + n + units[u];
    }
}
