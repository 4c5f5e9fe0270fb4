package dev.pinscope.cli;

import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.spin.PromelaExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pinscope export --promela FILE [--policy P] [-o OUT.pml]}: the scenario as a self-contained SPIN model. */
@Command(name = "export", sortOptions = false,
        description = {"Write the scenario as a self-contained Promela model for SPIN (one policy): a proctype per actor,",
            "the locks, page-table slots, device state and signals; the pinner prints RESULT <errno> <pages>, an",
            "accept label marks the retry path, an assertion checks the stale-PFN violation."})
final class ExportCommand extends ScenarioCommand {
    @Option(names = "--promela", required = true, description = "Export as Promela (the only format).")
    boolean promela;

    @Option(names = "--policy", paramLabel = "P", description = "Policy of the model (default: the scenario's).")
    String policy;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pml",
            description = "Write the model here (replaced atomically) instead of standard output.")
    String output;

    ExportCommand(PinscopeCli cli) {
        super(cli, FileCount.ONE);
    }

    @Override
    int execute() throws BadInput {
        ScenarioSpec spec = load();
        Policy p = policy == null ? spec.policy() : policy(policy);
        PromelaExport.Model m;
        try {
            m = PromelaExport.export(spec, p);
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": " + oneLine(e.getMessage()));
        }
        if (output == null) {
            out.print(m.text());
            return PinscopeCli.OK;
        }
        Path target = Path.of(output);
        try {
            Path tmp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, m.text(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + output + ": " + oneLine(String.valueOf(e.getMessage())));
        }
        err.println("pinscope: wrote " + output + " (policy " + p + ", " + m.actors().size() + " proctypes)");
        return PinscopeCli.OK;
    }
}
