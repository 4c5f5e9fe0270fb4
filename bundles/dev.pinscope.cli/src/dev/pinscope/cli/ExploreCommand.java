package dev.pinscope.cli;

import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pinscope explore FILE}: every interleaving under one policy (or all), its ALL_SCHEDULES expectations. */
@Command(name = "explore", sortOptions = false,
        description = {"Explore every interleaving under one policy or all; check their ALL_SCHEDULES expectations.",
            "The policy is the scenario's unless --policy names one (or all)."})
final class ExploreCommand extends ExploringCommand {
    @Option(names = "--policy", paramLabel = "P",
            description = "Retry policy, or all (default: the scenario's): ${COMPLETION-CANDIDATES}, all.",
            completionCandidates = PolicyNames.class)
    String policy;

    ExploreCommand(PinscopeCli cli) {
        super(cli);
    }

    @Override
    int execute() throws BadInput {
        ScenarioSpec spec = load();
        List<Policy> policies = "all".equalsIgnoreCase(policy) ? List.of(Policy.values())
                : List.of(policy == null ? spec.policy() : policy(policy));
        return explore(spec, policies, "explore");
    }

    @Override
    boolean checks(ExpectationSpec e, List<Policy> policies) {
        return e.allSchedules() && policies.contains(e.policy());
    }
}
