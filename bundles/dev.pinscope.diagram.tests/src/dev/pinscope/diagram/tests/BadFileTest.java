package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;

/**
 * Opening a malformed scenario shows the loader's message in place of the editor, and closing that
 * leaves nothing broken behind: no exception from half-initialised editor state in the error log.
 */
class BadFileTest {

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        EditorFixture.page().closeAllEditors(false);
        drain();
    }

    @Test
    void aMalformedFileIsReportedByNameAndLeavesNoExceptionBehind() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-start.pinscope"), """
                <?xml version="1.0"?>
                <pinscope:Scenario xmlns:pinscope="http://pinscope.dev/scenario/1.0" name="bad">
                  <addressSpace><vmas name="bar0" start="banana"/></addressSpace>
                </pinscope:Scenario>
                """);
        Path log = Path.of(Platform.getLogFileLocation().toOSString());
        long before = Files.exists(log) ? Files.size(log) : 0;

        IEditorPart part = IDE.openEditorOnFileStore(EditorFixture.page(), EFS.getLocalFileSystem().getStore(bad.toUri()));
        drain();
        assertFalse(part instanceof ScenarioEditor, "a file that does not load must not show a scenario editor");
        EditorFixture.page().closeAllEditors(false);
        drain();

        String appended = Files.exists(log) ? Files.readString(log).substring((int) before) : "";
        assertTrue(appended.contains("'banana' is not a valid start of Vma"),
                "the problem is reported with the value and the attribute:\n" + appended);
        assertTrue(appended.contains("bad-start.pinscope:3:"), "the problem names the file and line:\n" + appended);
        assertFalse(appended.contains("NullPointerException") || appended.contains("Cannot invoke"),
                "no exception from a half-initialised editor:\n" + appended);
    }
}
