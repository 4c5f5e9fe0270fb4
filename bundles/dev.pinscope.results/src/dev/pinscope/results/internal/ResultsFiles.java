package dev.pinscope.results.internal;

import dev.pinscope.engine.report.Json;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.model.io.AtomicWrite;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.ResultsIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Persistence beside the scenario: the CLI's JSON shape plus {@code scenarioDigest}, written atomically
 * (temp file + move) so a crash never leaves half a report.
 */
public final class ResultsFiles {
    private ResultsFiles() {
    }

    public static Path resultsFileFor(Path scenarioFile) {
        return scenarioFile.resolveSibling(scenarioFile.getFileName() + ResultsIds.RESULTS_SUFFIX);
    }

    /** SHA-256 of the model as it would be saved; equal content gives an equal digest. */
    public static String digest(Scenario scenario) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Scenarios.toBytes(scenario)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    public static String toJson(ScenarioResults r) {
        Map<String, Object> j = new LinkedHashMap<>(ReportJson.toJson(r.comparison()));
        j.put("scenarioDigest", r.digest());
        return Json.write(j);
    }

    public static void save(ScenarioResults r) throws IOException {
        Path target = r.resultsFile();
        if (target == null) {
            return;
        }
        // unique temporary file, fsync, rename, folder fsync: the model's one atomic writer
        AtomicWrite.write(target, (toJson(r) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The persisted results of a scenario file, or null when there are none or they cannot be read. */
    public static ScenarioResults load(Path scenarioFile) {
        Path f = resultsFileFor(scenarioFile);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            ReportJson.Comparison c = ReportJson.read(text);
            Object digest = ((Map<?, ?>) Json.parse(text)).get("scenarioDigest");
            return new ScenarioResults(scenarioFile, c.scenario(), digest == null ? "" : digest.toString(), c);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
