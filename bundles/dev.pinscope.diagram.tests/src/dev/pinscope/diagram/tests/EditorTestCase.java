package dev.pinscope.diagram.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every editor test starts from: a fresh folder {@link #dir} for the scenario files it writes, and
 * a workbench page with no editor left open (unsaved changes discarded) for the next test.
 */
abstract class EditorTestCase {

    @TempDir
    Path dir;

    @AfterEach
    void closeEditors() {
        EditorFixture.page().closeAllEditors(false);
    }
}
