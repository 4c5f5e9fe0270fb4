package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.examples.Examples.Example;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.validation.ScenarioValidator;

class ExamplesTest {

    @TempDir
    Path dir;

    static final List<String> IDS = List.of("01-alone", "02-numa-maps-split-w1", "03-storm-k2", "04-adversarial-livelock",
            "05-sigkill-mid-loop", "06-command-memory-disable", "07-bar-sizing", "08-device-reset", "09-low-power-entry",
            "10-stale-pfn-w0-prefix", "12-write-to-readonly-bar", "13-4k-only-small", "14-munmap-between-calls",
            "15-fault-without-install");

    @Test
    void theIssueRowsAreShipped() {
        assertEquals(IDS, Examples.list().stream().map(Example::id).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsValidatesAndRoundTrips() {
        return Examples.list().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            LoadResult first = Examples.load(e.id());
            assertTrue(first.ok(), first::firstProblem);
            Scenario s = first.scenario();
            Diagnostic d = ScenarioValidator.validate(s);
            assertEquals(Diagnostic.OK, d.getSeverity(),
                    () -> d.getChildren().stream().map(Diagnostic::getMessage).collect(Collectors.joining("\n")));
            assertEquals(e.title(), s.getName());
            assertNotNull(s.getDescription());
            assertTrue(s.getDescription().length() > 80, "a description in kernel terms");
            assertNotNull(s.getSchedule(), "a named interleaving");
            assertFalse(s.getExpectations().isEmpty());
            Path f = dir.resolve(e.fileName());
            assertTrue(Scenarios.save(s, f).ok());
            LoadResult second = Scenarios.load(f);
            assertTrue(second.ok(), second::firstProblem);
            assertTrue(EcoreUtil.equals(s, second.scenario()), "load -> save -> load changed " + e.id());
        }));
    }

    @Test
    void example2IsTheReportedBug() {
        Scenario s = Examples.load("02-numa-maps-split-w1").scenario();
        assertEquals("numa_maps split in window W1", s.getName());
        assertEquals(List.of(Errno.EINVAL), results(s, RetryPolicy.PRE_PATCH, ExpectationScope.THIS_SCHEDULE));
        assertEquals(List.of(Errno.OK), results(s, RetryPolicy.PATCH_V1, ExpectationScope.THIS_SCHEDULE));
        assertEquals("F2_READ", s.getSchedule().getSteps().get(0).getUntil());
    }

    @Test
    void tableCellsSpotChecks() {
        assertEquals(List.of(Errno.EBUSY), results(Examples.load("03-storm-k2").scenario(), RetryPolicy.BOUNDED, ExpectationScope.THIS_SCHEDULE));
        assertEquals(List.of(Errno.EFAULT), results(Examples.load("06-command-memory-disable").scenario(), RetryPolicy.PATCH_V1,
                ExpectationScope.THIS_SCHEDULE));
        Scenario s10 = Examples.load("10-stale-pfn-w0-prefix").scenario();
        assertFalse(s10.getKernel().isRecheckUnderLock());
        assertTrue(s10.getExpectations().stream().allMatch(Expectation::isViolation));
        assertTrue(Examples.load("04-adversarial-livelock").scenario().getExpectations().stream()
                .anyMatch(x -> x.getPolicy() == RetryPolicy.PATCH_V1 && x.isLivelock()));
    }

    @Test
    void unknownExampleIsADiagnostic() {
        LoadResult r = Examples.load("99-nope");
        assertFalse(r.ok());
        assertTrue(r.firstProblem().contains("no example '99-nope'"), r.firstProblem());
    }

    private static List<Errno> results(Scenario s, RetryPolicy p, ExpectationScope scope) {
        return s.getExpectations().stream().filter(e -> e.getPolicy() == p && e.getScope() == scope).findFirst()
                .map(e -> List.copyOf(e.getResults())).orElseThrow();
    }

    @Test
    void examplesAreNotWrittenInAnOsDependentWay() throws IOException {
        // the shipped bytes equal what save() writes now: no hand-formatting drift between the two
        for (Example e : Examples.list()) {
            Scenario s = Examples.load(e.id()).scenario();
            Path f = dir.resolve("again-" + e.fileName());
            assertTrue(Scenarios.save(s, f).ok());
            try (var in = Examples.class.getClassLoader().getResourceAsStream("examples/" + e.fileName())) {
                assertEquals(new String(in.readAllBytes()), java.nio.file.Files.readString(f), e.id());
            }
        }
    }
}
