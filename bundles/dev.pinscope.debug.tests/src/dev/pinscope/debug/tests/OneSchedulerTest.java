package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.cli.PinscopeCli;
import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.SchedulerView;
import dev.pinscope.engine.StepRecord;

/**
 * One scheduler (issue 11 point 7): {@code pinscope run --scheduler random:7 --trace} and the debugger's Resume
 * under the random scheduler with seed 7 take the same steps, and after Step Back or a Timeline jump, Resume
 * takes the same random continuation again (the generator's state is part of the trace).
 */
class OneSchedulerTest {

    @BeforeEach
    void setUp() throws Exception {
        noPerspectivePrompts();
        removeAllBreakpoints();
    }

    @AfterEach
    void tearDown() throws Exception {
        terminateAll();
        removeAllBreakpoints();
    }

    /** The step lines {@code pinscope run FILE --scheduler S --trace} prints. */
    private static List<String> cliTrace(Path file, String scheduler) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new PinscopeCli(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(new String[] {"run", file.toString(), "--scheduler", scheduler, "--trace"});
        assertTrue(code == 0 || code == 3, "pinscope run exits " + code + ": " + e);
        List<String> steps = new ArrayList<>();
        for (String line : o.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("\\s*\\d+  .*")) {
                steps.add(line);
            }
        }
        return steps;
    }

    /** The debugger's trace in the CLI's --trace format. */
    private static List<String> debuggerTrace(PinscopeDebugTarget t) {
        List<String> out = new ArrayList<>();
        for (StepRecord s : t.records(0, t.run().length())) {
            out.add(String.format("%6d  %-12s %-26s %4d  %-13s %s", s.index(), s.actorName(), s.function(), s.line(),
                    s.label(), s.event()));
        }
        return out;
    }

    @Test
    void cliRandomSevenAndDebuggerResumeWithSeedSevenTakeTheSameSteps() throws Exception {
        for (String id : List.of("04-adversarial-livelock", "02-numa-maps-split-w1")) {
            Path file = exampleFile(id);
            List<String> cli = cliTrace(file, "random:7");
            assertTrue(cli.size() > 20, id + ": the run takes steps: " + cli);
            assertNotEquals(cliTrace(file, "round-robin"), cli, id + ": seed 7 is not round-robin");

            var wc = PinscopeLaunch.newConfiguration(file, null, PinscopeLaunch.SCHEDULER_RANDOM);
            wc.setAttribute(PinscopeLaunch.ATTR_SEED, "7");
            PinscopeDebugTarget t = targetOf(wc.launch(ILaunchManager.DEBUG_MODE, null));
            assertTrue(t.isSuspended(), "stops before the first step");
            assertTrue(t.resumeAndWait(60_000), "Resume comes back suspended");
            assertEquals(String.join("\n", cli), String.join("\n", debuggerTrace(t)), id + ": Resume with seed 7");
            terminateAll();
        }
    }

    @Test
    void stepBackThenResumeRepeatsTheRandomContinuation() throws Exception {
        Path file = exampleFile("04-adversarial-livelock");
        List<String> cli = cliTrace(file, "random:7");
        var wc = PinscopeLaunch.newConfiguration(file, null, PinscopeLaunch.SCHEDULER_RANDOM);
        wc.setAttribute(PinscopeLaunch.ATTR_SEED, "7");
        PinscopeDebugTarget t = targetOf(wc.launch(ILaunchManager.DEBUG_MODE, null));
        IWorkbenchPage page = window().getActivePage();
        SchedulerView view = (SchedulerView) page.showView(SchedulerView.ID);
        assertTrue(t.resumeAndWait(60_000));
        long end = t.run().length();
        for (int i = 0; i < 7; i++) {
            t.stepBack();
        }
        assertEquals(end - 7, t.run().position());
        // the Scheduler view names the step the generator, rewound, takes next: the recorded one
        String expected = "Next on Resume: " + t.run().record(end - 7).actorName();
        waitUntil("the Scheduler view names " + expected, 20_000,
                () -> view.nextLabel().getText().startsWith(expected));
        assertTrue(t.resumeAndWait(60_000));
        assertEquals(cli, debuggerTrace(t), "Resume after seven Step Backs");
        assertEquals(end, t.run().length(), "the recorded future was followed, not replaced");

        for (long jump : new long[] {end / 2, 3, 1}) {
            t.goTo(jump); // a Timeline click
            assertTrue(t.resumeAndWait(60_000));
            assertEquals(cli, debuggerTrace(t), "Resume after a jump to step " + jump);
        }
    }
}
