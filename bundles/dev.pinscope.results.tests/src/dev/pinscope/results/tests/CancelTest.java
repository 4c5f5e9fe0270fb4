package dev.pinscope.results.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ExploreJob;
import dev.pinscope.results.internal.Explorations;
import dev.pinscope.results.internal.ResultsView;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel on a long exploration: the "walker forever" example (§10 row 4, a numa_maps reader with repeat -1)
 * grown with two more endless walkers, an endless vCPU and a second pinner, so that comparing the policies takes
 * minutes. The shipped example alone explores in a quarter of a second, too fast to cancel mid-way.
 */
class CancelTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    static Scenario walkerForeverStorm() {
        Scenario s = Fixture.example("04-adversarial-livelock");
        var vma = s.getAddressSpace().getVmas().get(0);
        Pinner qemu = (Pinner) s.getActors().get(0);
        ScenarioFactory f = ScenarioFactory.eINSTANCE;
        for (String name : new String[] { "smaps", "numa_maps2" }) {
            PageTableWalker w = f.createPageTableWalker();
            w.setName(name);
            w.setVma(vma);
            w.setRepeat(-1);
            s.getActors().add(w);
        }
        CpuAccess cpu = f.createCpuAccess();
        cpu.setName("vcpu0");
        cpu.setVaddr(qemu.getVaddr());
        cpu.setRepeat(-1);
        s.getActors().add(cpu);
        Pinner p2 = f.createPinner();
        p2.setName("qemu2");
        p2.setVaddr(qemu.getVaddr());
        p2.setSize(qemu.getSize());
        p2.setWrite(true);
        s.getActors().add(p2);
        // with two pinners every expectation would have to name its pinner; this scenario is about time only
        s.getExpectations().clear();
        s.setMaxRetries(50);
        return s;
    }

    /** The same storm explored to the end under its own policy (PATCH_V1): ~10^5 states, equal to the CLI's. */
    @Test
    void aLargeExplorationCompletesInTheBackgroundAndMatchesTheCli() throws Exception {
        Path file = Fixture.save(walkerForeverStorm(), tmp, "storm.pinscope");
        Fixture.open(file);
        long t0 = System.nanoTime();
        Fixture.command(ResultsIds.EXPLORE_COMMAND);
        ResultsView v = Fixture.waitForResults(300_000);
        double secs = (System.nanoTime() - t0) / 1e9;
        var report = v.shown().comparison().reports().values().iterator().next();
        assertTrue(report.complete(), v.statusText());
        assertTrue(report.states() > 50_000, "a large state space: " + report.states());
        System.out.printf("[results] UI exploration: %,d states in %.2f s (engine %.2f s) = %,.0f states/s%n",
                report.states(), secs, report.seconds(), report.states() / report.seconds());
        var cli = Fixture.cliJson("explore", file.toString(), "--json");
        assertEquals(((Number) cli.get("states")).longValue(), report.states());
        assertEquals(CompareTest.expectedRows(cli), Fixture.resultRows(v));
        assertEquals(2, Fixture.rowsOfKind(v, "LIVELOCK").size(), "both pinners can retry forever");
    }

    @Test
    void cancelStopsWithinASecondAndKeepsThePartialResultMarked() throws Exception {
        Path file = Fixture.save(walkerForeverStorm(), tmp, "walker-forever.pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = Fixture.view();
        assertEquals(1, Explorations.running().length, "Compare Policies runs as a job");
        ExploreJob job = (ExploreJob) Explorations.running()[0];

        // mid-way: the progress bar reports states, depth and states/s
        Pattern p = Pattern.compile("([\\d,]+) states, depth ([\\d,]+), ([\\d,]+) states/s");
        Fixture.waitUntil("progress with states", 60_000, () -> {
            Matcher m = p.matcher(v.progressText());
            return m.find() && Long.parseLong(m.group(1).replace(",", "")) >= 50_000;
        });
        Matcher m = p.matcher(v.progressText());
        assertTrue(m.find(), v.progressText());
        long rate = Long.parseLong(m.group(3).replace(",", ""));
        assertTrue(rate > 0);
        assertFalse(v.statusText().contains("PARTIAL"));
        System.out.println("[results] progress before cancel: " + v.progressText());

        long t0 = System.nanoTime();
        v.cancelButton().notifyListeners(SWT.Selection, new Event());
        long waited = Fixture.waitUntil("the partial marker", 5_000, () -> v.statusText().contains("PARTIAL"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("[results] cancel → partial marker shown in " + ms + " ms (job: "
                + job.cancelLatencyMillis() + " ms)");
        assertTrue(ms < 1000, "partial marker after " + ms + " ms (" + waited + ")");
        assertTrue(v.statusText().contains("cancelled"), v.statusText());
        assertEquals("", v.progressText(), "the progress bar is gone");
        assertEquals(0, Explorations.running().length);

        // the partial policy is kept, with its results and the bound marker
        boolean bound = false;
        for (TreeItem r : Fixture.rowsOfKind(v, "BOUND REACHED")) {
            bound |= r.getText(6).contains("cancelled");
        }
        assertTrue(bound, "a BOUND REACHED row says cancelled");
        assertTrue(v.shown().comparison().reports().size() >= 1);
        assertFalse(v.shown().comparison().complete());
    }
}
