package dev.pinscope.releng.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fails when the committed generated code of dev.pinscope.model / dev.pinscope.model.edit differs
 * from what EMF's generator makes of the committed .ecore/.genmodel (someone edited the model
 * without regenerating, or edited generated code without marking it @generated NOT).
 */
class GeneratedCodeIsFreshTest {

    private static Path root() {
        return Path.of(System.getProperty("pinscope.root", "../..")).toAbsolutePath().normalize();
    }

    @Test
    void committedGeneratedCodeMatchesAFreshGeneration() throws IOException {
        List<String> stale = GenerateModel.checkFresh(root());
        assertEquals(List.of(), stale, "run releng/generate-model.sh and commit the result");
    }

    @Test
    void checkNoticesAHandEditWithoutGeneratedNot() throws IOException {
        // The check itself must be able to fail: copy the repository's two bundles, damage one
        // generated method in the copy, and expect the check to name that file.
        Path copy = Files.createTempDirectory("pinscope-stale-");
        Path bundles = copy.resolve("bundles");
        for (String b : List.of(GenerateModel.MODEL_BUNDLE, GenerateModel.EDIT_BUNDLE)) {
            GenerateModel.copyTree(root().resolve("bundles").resolve(b), bundles.resolve(b));
        }
        Path vmaImpl = bundles.resolve("dev.pinscope.model/src-gen/dev/pinscope/model/scenario/impl/VmaImpl.java");
        String text = Files.readString(vmaImpl);
        Files.writeString(vmaImpl, text.replace("return name;", "return name + \"\";"));
        List<String> stale = GenerateModel.checkFresh(copy);
        assertTrue(stale.stream().anyMatch(s -> s.contains("VmaImpl.java")), "stale files: " + stale);
    }
}
