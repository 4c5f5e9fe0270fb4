package dev.pinscope.releng.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.TextMetrics;
import dev.pinscope.model.builder.StressScenarios;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/**
 * Diagram relayout on the large scenario (issue 13 point 8): 10,000 VMAs with 10 PTEs each (100,000
 * leaves, drawn as runs), the editor's edits inside one VMA: a leaf moved two pages on (its run
 * splits), moved back, a VMA renamed. Each edit is followed by the layout the editor computes
 * ({@code DiagramLayout.compute(scenario, previous, ...)}, which may reuse the previous layout) and,
 * for comparison in the same sitting, a layout from scratch ({@code previous = null}). Times are CPU
 * time of this thread (a loaded machine inflates wall time, not CPU time). Not part of the test run:
 * <pre>
 *   ./mvnw -o -B -q -f releng/bench/pom.xml compile exec:java -Dbench.main=dev.pinscope.releng.bench.DiagramBenchmark
 * </pre>
 * Pass {@code -Dpinscope.root=DIR} to measure another checkout (e.g. main before a change) with the same benchmark.
 */
public final class DiagramBenchmark {
    private DiagramBenchmark() {
    }

    public static void main(String[] args) {
        Scenario s = StressScenarios.barVmasWithPtes(10_000, 10);
        List<Vma> vmas = s.getAddressSpace().getVmas();
        List<PageTableEntry> entries = s.getAddressSpace().getEntries();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int centre = 1500;
        DiagramLayout previous = DiagramLayout.compute(s, null, TextMetrics.APPROXIMATE, centre);
        // warm up the JIT on both paths
        for (int i = 0; i < 5; i++) {
            previous = DiagramLayout.compute(s, previous, TextMetrics.APPROXIMATE, centre);
            DiagramLayout.compute(s, null, TextMetrics.APPROXIMATE, centre);
        }
        SplittableRandom rnd = new SplittableRandom(13);
        int n = 40;
        double[] editor = new double[n];
        double[] scratch = new double[n];
        double[] editorWall = new double[n];
        int changedBoxes = 0;
        for (int i = 0; i < n; i++) {
            int v = rnd.nextInt(vmas.size());
            Vma vma = vmas.get(v);
            // the leaf 9 pages into the VMA (entries are in VMA order, 10 each)
            PageTableEntry leaf = entries.get(v * 10 + 9);
            switch (i % 3) {
                case 0 -> leaf.setVaddr(vma.getStart() + 11 * 4096L);
                case 1 -> leaf.setVaddr(vma.getStart() + 14 * 4096L);
                default -> vma.setName(vma.getName() + "'");
            }
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            DiagramLayout next = DiagramLayout.compute(s, previous, TextMetrics.APPROXIMATE, centre);
            editorWall[i] = (System.nanoTime() - w0) / 1e6;
            editor[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            long c1 = threads.getCurrentThreadCpuTime();
            DiagramLayout full = DiagramLayout.compute(s, null, TextMetrics.APPROXIMATE, centre);
            scratch[i] = (threads.getCurrentThreadCpuTime() - c1) / 1e6;
            for (Vma other : vmas) {
                if (!java.util.Objects.equals(previous.bounds(other), next.bounds(other))) {
                    changedBoxes++;
                }
                if (!java.util.Objects.equals(full.bounds(other), next.bounds(other))) {
                    throw new IllegalStateException("the editor's layout differs from a full one at " + other.getName());
                }
            }
            previous = next;
        }
        System.out.printf("diagram: %,d VMAs, %,d PTEs, aggregated=%s, %d edits inside one VMA (moves and renames)%n", vmas.size(),
                entries.size(), previous.isAggregated(), n);
        report("editor relayout (CPU)", editor);
        report("editor relayout (wall)", editorWall);
        report("full layout (CPU)", scratch);
        System.out.printf("VMA boxes that moved per edit: %.1f on average%n", changedBoxes / (double) n);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-26s median %8.2f ms   p90 %8.2f ms   max %8.2f ms   (%d samples)%n", what, s[s.length / 2],
                s[(int) (s.length * 0.9)], s[s.length - 1], s.length);
    }
}
