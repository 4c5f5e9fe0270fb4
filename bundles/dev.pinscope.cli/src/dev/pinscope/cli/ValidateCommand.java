package dev.pinscope.cli;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.report.Json;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code pinscope validate FILE}: every problem the model's validator and the engine's checks find. */
@Command(name = "validate", sortOptions = false,
        description = "Check the file with the model's validator and the engine's own checks; print every problem.")
final class ValidateCommand extends ScenarioCommand {
    ValidateCommand(PinscopeCli cli) {
        super(cli);
    }

    @Override
    int execute() throws BadInput {
        Path p = Path.of(file);
        LoadResult lr = Scenarios.load(p);
        List<String> problems = new ArrayList<>();
        if (!lr.ok()) {
            lr.problems().forEach(d -> problems.add(oneLine(d.toString())));
            if (problems.isEmpty()) {
                problems.add(file + ": not a valid scenario file");
            }
        } else {
            CompileResult cr = Simulation.compile(lr.scenario(), SimulationOptions.defaults());
            cr.errors().forEach(e -> problems.add(file + ": " + oneLine(e)));
        }
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("scenario", lr.scenario() == null ? null : lr.scenario().getName());
            j.put("mode", "validate");
            j.put("valid", problems.isEmpty());
            j.put("problems", problems);
            out.println(Json.write(j));
        } else if (problems.isEmpty()) {
            out.println(file + ": valid");
        } else {
            problems.forEach(out::println);
        }
        if (!problems.isEmpty()) {
            err.println("pinscope: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""));
            return PinscopeCli.BAD_INPUT;
        }
        return PinscopeCli.OK;
    }
}
