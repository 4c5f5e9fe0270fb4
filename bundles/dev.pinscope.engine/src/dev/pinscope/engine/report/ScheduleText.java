package dev.pinscope.engine.report;

import java.util.List;

/** Schedules (actor names, one per atomic step) written the way a reviewer reads them. */
public final class ScheduleText {

    private ScheduleText() {
    }

    /** "qemu×12 numa_maps×3 qemu×5": consecutive steps of one actor folded into a run. */
    public static String runs(List<String> schedule) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < schedule.size()) {
            int j = i;
            while (j < schedule.size() && schedule.get(j).equals(schedule.get(i))) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(schedule.get(i)).append('×').append(j - i);
            i = j;
        }
        return sb.length() == 0 ? "(initial state)" : sb.toString();
    }
}
