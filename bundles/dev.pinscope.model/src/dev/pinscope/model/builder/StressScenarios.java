package dev.pinscope.model.builder;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.units.Sizes;

/**
 * Scenarios far larger than anyone draws by hand, made in one place so the diagram's large-scenario
 * test and its benchmark measure the same file.
 */
public final class StressScenarios {

    private StressScenarios() {
    }

    /**
     * {@code vmas} 2 MiB BAR mmaps of one 1 GiB BAR, 4 MiB apart from 0x7f0000000000 (named {@code v0},
     * {@code v1}, …, all at pgoff 0), each with {@code leavesPerVma} 4 KiB PTE leaves on its first pages:
     * the editor draws such leaves as runs. No actors.
     */
    public static Scenario barVmasWithPtes(int vmas, int leavesPerVma) {
        ScenarioBuilder b = ScenarioBuilder.named("large").device("0000:01:00.0").bar(0, 0x38_0000_0000L, Sizes.GiB(1));
        long base = 0x7f00_0000_0000L;
        for (int i = 0; i < vmas; i++) {
            long start = base + i * Sizes.MiB(4);
            b.barVma("v" + i, start, Sizes.MiB(2), 0, 0);
            for (int k = 0; k < leavesPerVma; k++) {
                b.entry(PageLevel.PTE, start + k * Sizes.PAGE_SIZE);
            }
        }
        return b.build();
    }
}
