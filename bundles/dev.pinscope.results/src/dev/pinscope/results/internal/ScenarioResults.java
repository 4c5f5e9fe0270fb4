package dev.pinscope.results.internal;

import dev.pinscope.engine.report.ReportJson.Comparison;
import java.nio.file.Path;

/**
 * The results shown for one scenario: the comparison, which scenario content it was computed from (a SHA-256 of
 * the serialized model, so an edit and its undo are told apart from a real change), and where it is kept.
 *
 * @param file   the scenario file, or null for a scenario without one (a shipped example)
 * @param digest digest of the scenario the comparison was computed from
 */
public record ScenarioResults(Path file, String scenarioName, String digest, Comparison comparison) {

    /** {@code name.pinscope.results.json} beside the scenario, or null without a file. */
    public Path resultsFile() {
        return file == null ? null : ResultsFiles.resultsFileFor(file);
    }
}
