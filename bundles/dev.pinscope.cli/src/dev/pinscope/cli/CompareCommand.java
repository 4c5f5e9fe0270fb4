package dev.pinscope.cli;

import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pinscope compare FILE...}: the policies (all six, or those --policy names) in one table, their expectations. */
@Command(name = "compare", sortOptions = false,
        description = {"Explore all six policies (or those --policy names), print one table, check the expectations",
            "of those policies in the file. Several files or a directory: each in turn, then a summary.",
            "Columns: reachable results, livelock, starvation, stale-PFN violation, deadlock, states, complete."})
final class CompareCommand extends ExploringCommand {
    @Option(names = "--policy", paramLabel = "P[,P...]", split = ",",
            description = "Only these policies (repeat or separate by commas; default all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = PolicyNames.class)
    List<String> policies;

    CompareCommand(PinscopeCli cli) {
        super(cli);
    }

    @Override
    int execute() throws BadInput {
        List<Policy> chosen = chosen();
        return explore(load(), chosen, "compare");
    }

    /** The policies to compare, in the table's usual order, each once. */
    private List<Policy> chosen() throws BadInput {
        if (policies == null || policies.isEmpty() || policies.stream().anyMatch("all"::equalsIgnoreCase)) {
            return List.of(Policy.values());
        }
        List<Policy> named = new ArrayList<>();
        for (String p : policies) {
            named.add(policy(p.strip()));
        }
        return List.of(Policy.values()).stream().filter(named::contains).toList();
    }

    @Override
    boolean checks(ExpectationSpec e, List<Policy> policies) {
        // ALL_SCHEDULES of every compared policy, and THIS_SCHEDULE (each runs its schedule) of those policies
        return policies.contains(e.policy());
    }
}
