package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.tests.CliTest.Out;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage and {@code --help} per subcommand (picocli), and usage errors that say where the help is. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void topLevelHelpListsEverySubcommandAndTheExitCodes(String flag) {
        Out r = CliTest.cli(flag);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: pinscope "), r.out());
        for (String c : List.of("validate", "run", "explore", "compare", "help", "generate-completion")) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(c + " ")), c + " in\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void eachSubcommandHasItsOwnHelpWithOnlyItsOptions() {
        Out run = CliTest.cli("run", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("Usage: pinscope run "), run.out());
        for (String o : List.of("--scheduler", "--max-steps", "--trace", "--policy", "--json", "--junit")) {
            assertTrue(run.out().contains(o), o + " in\n" + run.out());
        }
        assertFalse(run.out().contains("--max-states"), run.out());
        Out explore = CliTest.cli("help", "explore");
        assertEquals(0, explore.code());
        assertTrue(explore.out().contains("--max-states") && explore.out().contains("--no-por"), explore.out());
        assertTrue(explore.out().contains("PRE_PATCH, PATCH_V1, BOUNDED"), "policies listed:\n" + explore.out());
        assertFalse(explore.out().contains("--scheduler"), explore.out());
        Out compare = CliTest.cli("compare", "-h");
        // compare has its own --policy (a list) since several files per call; still no run-only options
        assertTrue(compare.out().contains("--policy") && compare.out().contains("--no-cycles"), compare.out());
        assertFalse(compare.out().contains("--scheduler"), compare.out());
    }

    @Test
    void usageErrorsNameTheProblemAndTheSubcommandsHelp() {
        Out r = CliTest.cli("explore", "x.pinscope", "--scheduler", "rr");
        CliTest.assertOneLineError(r);
        assertTrue(r.err().contains("--scheduler") && r.err().contains("see pinscope explore --help"), r.err());
        Out u = CliTest.cli("frobnicate");
        CliTest.assertOneLineError(u);
        assertTrue(u.err().contains("unknown command 'frobnicate'"), u.err());
        Out n = CliTest.cli("explore", "x.pinscope", "--max-states", "1e3");
        CliTest.assertOneLineError(n);
        assertTrue(n.err().contains("needs a positive number, not '1e3'"), n.err());
        Out none = CliTest.cli();
        assertTrue(none.err().contains("missing command"), none.err());
    }

    @Test
    void bashCompletionScriptCompletesTheSubcommands() {
        Out r = CliTest.cli("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F") && r.out().contains("explore"), r.out());
    }
}
