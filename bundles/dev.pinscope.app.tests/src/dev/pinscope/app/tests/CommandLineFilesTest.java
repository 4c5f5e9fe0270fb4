package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/** `pinscope FILE` opens FILE; option values and missing files are not opened. */
class CommandLineFilesTest {

    @Test
    void opensExistingFilesButNotOptionValues(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("w1.pinscope"), "<x/>");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "n");
        Path props = Files.writeString(dir.resolve("surefire.properties"), "p");
        Path scenarioAfterOption = Files.writeString(dir.resolve("after.pinscope"), "<x/>");

        List<Path> files = PinscopeWorkbenchAdvisor.filesToOpen(new String[] {
            "-testproperties", props.toString(),
            scenario.toString(),
            notes.toString(),
            dir.resolve("missing.pinscope").toString(),
            "-foo", scenarioAfterOption.toString()});

        assertEquals(List.of(scenario, notes, scenarioAfterOption), files);
    }
}
