package dev.pinscope.releng.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.Diagnostic;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.units.Sizes;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * Times load + validate of a generated scenario with 10,000 VMAs (one 40 MiB BAR mmap each, all of
 * one 512 GiB BAR) and 100,000 entries (10 PTE leaves per VMA), a stress size far beyond a
 * hand-drawn scenario. Prints the median of several runs after warm-up. Not a test: timing on a
 * shared CI machine is noise.
 */
public final class LoadValidateBenchmark {

    public static void main(String[] args) throws Exception {
        int vmas = 10_000;
        int entriesPerVma = 10;
        ScenarioBuilder b = ScenarioBuilder.named("bench 10k VMAs 100k entries")
                .device("0000:01:00.0").bar(0, 0x4000_0000_0000L, Sizes.GiB(512));
        long base = 0x7e00_0000_0000L;
        long vmaSize = Sizes.MiB(40);
        for (int i = 0; i < vmas; i++) {
            long start = base + i * vmaSize;
            b.barVma("bar0-" + i, start, vmaSize, 0, (i * vmaSize) >>> Sizes.PAGE_SHIFT);
            for (int e = 0; e < entriesPerVma; e++) {
                b.entry(PageLevel.PTE, start + e * Sizes.PAGE_SIZE);
            }
        }
        b.pinner("qemu", base, vmaSize);
        Scenario scenario = b.build();
        Path file = Files.createTempFile("pinscope-bench-", ".pinscope");
        SaveResult saved = Scenarios.save(scenario, file);
        if (!saved.ok()) {
            throw new IllegalStateException(saved.message());
        }
        System.out.printf("file: %s, %.1f MB%n", file, Files.size(file) / 1e6);
        Diagnostic first = ScenarioValidator.validate(scenario);
        System.out.println("validation of the generated scenario: " + (first.getSeverity() == Diagnostic.OK ? "OK"
                : first.getChildren().size() + " problems, first: " + first.getChildren().get(0).getMessage()));

        int runs = 7;
        long[] load = new long[runs];
        long[] validate = new long[runs];
        for (int warm = 0; warm < 2; warm++) {
            LoadResult r = Scenarios.load(file);
            ScenarioValidator.validate(r.scenario());
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            LoadResult r = Scenarios.load(file);
            long t1 = System.nanoTime();
            if (!r.ok()) {
                throw new IllegalStateException(r.firstProblem());
            }
            Diagnostic d = ScenarioValidator.validate(r.scenario());
            long t2 = System.nanoTime();
            if (d.getSeverity() >= Diagnostic.ERROR) {
                throw new IllegalStateException(d.getChildren().get(0).getMessage());
            }
            load[i] = t1 - t0;
            validate[i] = t2 - t1;
        }
        java.util.Arrays.sort(load);
        java.util.Arrays.sort(validate);
        System.out.printf("load median %.0f ms, validate median %.0f ms, load+validate %.0f ms (%d runs, %d VMAs, %d entries)%n",
                load[runs / 2] / 1e6, validate[runs / 2] / 1e6, (load[runs / 2] + validate[runs / 2]) / 1e6, runs, vmas,
                vmas * entriesPerVma);
        Files.delete(file);
    }
}
