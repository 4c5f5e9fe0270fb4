package dev.pinscope.cli;

import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code pinscope compare FILE}: all six policies in one table, every expectation in the file checked. */
@Command(name = "compare", sortOptions = false,
        description = {"Explore all six policies, print one table, check every expectation in the file.",
            "Columns: reachable results, livelock, starvation, stale-PFN violation, deadlock, states, complete."})
final class CompareCommand extends ExploringCommand {
    CompareCommand(PinscopeCli cli) {
        super(cli);
    }

    @Override
    int execute() throws BadInput {
        return explore(load(), List.of(Policy.values()), "compare");
    }

    @Override
    boolean checks(ExpectationSpec e, List<Policy> policies) {
        return true; // ALL_SCHEDULES of every policy, and THIS_SCHEDULE (each runs its schedule)
    }
}
