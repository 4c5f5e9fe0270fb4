package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;

/**
 * Issue 12, point 6: the scenario editor notices that its file changed on disk and asks, as Eclipse's editors do —
 * on activation ("File Changed": replace the editor's contents?; "File Deleted": save as or close?) and before
 * saving ("Update conflict": overwrite the file's changes?) — and saving through a symbolic link writes the link's target. The dialogs are answered by
 * pressing their buttons; the test reads the question the dialog displays.
 */
class DiskChangeTest {

    @TempDir
    Path dir;

    /** Answers still waiting for a dialog; stopped after each test so none answers the next test's dialog. */
    private static final List<Answer> PENDING = new ArrayList<>();

    @AfterEach
    void close() {
        PENDING.forEach(a -> a.cancelled = true);
        PENDING.clear();
        EditorFixture.page().closeAllEditors(false);
        drain();
    }

    /** Presses {@code button} in the next dialog titled {@code title}; remembers what it said. */
    static final class Answer implements Runnable {
        final String title;
        final String button;
        final List<String> questions = new ArrayList<>();
        final long deadline = System.currentTimeMillis() + 10_000;
        String screenshot;
        boolean cancelled;

        Answer(String title, String button) {
            this.title = title;
            this.button = button;
            PENDING.add(this);
            Display.getCurrent().timerExec(50, this);
        }

        Answer shot(String png) {
            screenshot = png;
            return this;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            for (Shell s : Display.getCurrent().getShells()) {
                if (title.equals(s.getText()) && s.isVisible()) {
                    StringBuilder text = new StringBuilder();
                    Button[] press = new Button[1];
                    walk(s, text, press);
                    questions.add(text.toString());
                    if (screenshot != null) {
                        try {
                            EditorFixture.screenshot(s, screenshot);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    cancelled = true; // one dialog per answer
                    press[0].notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                    return;
                }
            }
            if (System.currentTimeMillis() < deadline) {
                Display.getCurrent().timerExec(50, this);
            }
        }

        private void walk(Control c, StringBuilder text, Button[] press) {
            if (c instanceof Label l) {
                text.append(l.getText());
            }
            if (c instanceof Button b && b.getText().replace("&", "").equals(button)) {
                press[0] = b;
            }
            if (c instanceof Composite comp) {
                for (Control child : comp.getChildren()) {
                    walk(child, text, press);
                }
            }
        }
    }

    private static void changeOnDisk(Path file, String vmaName) throws Exception {
        Scenario s = Scenarios.load(file).scenario();
        s.getAddressSpace().getVmas().get(0).setName(vmaName);
        Thread.sleep(20); // a different modification time even on coarse clocks
        assertTrue(Scenarios.save(s, file).ok());
    }

    /** Another part takes the focus, then the editor gets it back: what a user switching views does. */
    /** Reactivates the editor and checks that no dialog titled {@code title} asked anything ({@code button} would answer one). */
    private static void assertNotAsked(ScenarioEditor editor, String title, String button, String why) throws Exception {
        Answer a = new Answer(title, button);
        reactivate(editor);
        assertEquals(List.of(), a.questions, why);
    }

    private static void reactivate(ScenarioEditor editor) throws Exception {
        IViewPart other = EditorFixture.page().showView("org.eclipse.ui.views.PropertySheet");
        EditorFixture.page().activate(other);
        drain();
        EditorFixture.page().activate(editor);
        drain();
    }

    private static String vma(ScenarioEditor e) {
        return e.getScenario().getAddressSpace().getVmas().get(0).getName();
    }

    /** The first VMA's name as the file on disk has it. */
    private static String vmaOnDisk(Path file) {
        return Scenarios.load(file).scenario().getAddressSpace().getVmas().get(0).getName();
    }

    /** Renames the editor's first VMA through the Properties view, as a user does; the property source for more edits. */
    private static EmfPropertySource renameVma(ScenarioEditor editor, String name) {
        var v = editor.getScenario().getAddressSpace().getVmas().get(0);
        EmfPropertySource p = (EmfPropertySource) EmfPropertySource.of(editor.domain(), v);
        p.setPropertyValue(p.idOf("name"), name);
        drain();
        return p;
    }

    @Test
    void activationOffersTheChangedFileAndYesReloadsIt() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "c.pinscope", EditorFixture.small());
        Path file = dir.resolve("c.pinscope");
        reactivate(editor); // unchanged: no question
        changeOnDisk(file, "from-disk");
        Answer yes = new Answer("File Changed", "Yes").shot("disk-change-file-changed.png");
        reactivate(editor);
        assertEquals(1, yes.questions.size(), "asked once");
        assertTrue(yes.questions.get(0).contains(file.toString()) && yes.questions.get(0).contains("has been changed on the file system"),
                yes.questions.get(0));
        assertEquals("from-disk", vma(editor), "Yes replaced the editor's contents with the file's");
        assertFalse(editor.isDirty());
        assertNotAsked(editor, "File Changed", "Yes", "not asked again for a change already taken");
    }

    @Test
    void noKeepsTheEditorsVersionAndAsksNoMoreForThatChange() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "n.pinscope", EditorFixture.small());
        Path file = dir.resolve("n.pinscope");
        changeOnDisk(file, "from-disk");
        Answer no = new Answer("File Changed", "No");
        reactivate(editor);
        assertEquals(1, no.questions.size());
        assertEquals("bar0", vma(editor), "No kept the editor's contents");
        assertNotAsked(editor, "File Changed", "No", "not asked again for a change already refused");
    }

    @Test
    void savingOverAChangedFileAsksFirst() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "s.pinscope", EditorFixture.small());
        Path file = dir.resolve("s.pinscope");
        EmfPropertySource p = renameVma(editor, "from-editor");
        changeOnDisk(file, "from-disk");
        Answer no = new Answer("Update conflict", "No").shot("disk-change-update-conflict.png");
        editor.doSave(null);
        drain();
        assertEquals(1, no.questions.size(), "asked before overwriting");
        assertTrue(no.questions.get(0).contains("overwrite the changes made on the file system"), no.questions.get(0));
        assertEquals("from-disk", vmaOnDisk(file), "No left the file alone");
        assertTrue(editor.isDirty(), "and the editor's changes unsaved");
        Answer yes = new Answer("Update conflict", "Yes");
        editor.doSave(null);
        drain();
        assertEquals(1, yes.questions.size());
        assertEquals("from-editor", vmaOnDisk(file));
        assertFalse(editor.isDirty());
        Answer none = new Answer("Update conflict", "Yes");
        p.setPropertyValue(p.idOf("name"), "again");
        editor.doSave(null);
        drain();
        assertEquals(List.of(), none.questions, "its own save is no change on disk");
    }

    @Test
    void aDeletedFileIsNoticedOnActivationAndCloseClosesTheEditor() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "d.pinscope", EditorFixture.small());
        Path file = dir.resolve("d.pinscope");
        Files.delete(file);
        Answer close = new Answer("File Deleted", "Close").shot("disk-change-file-deleted.png");
        reactivate(editor);
        drain();
        assertEquals(1, close.questions.size(), "asked once");
        assertTrue(close.questions.get(0).contains(file.toString())
                && close.questions.get(0).contains("has been deleted from the file system"), close.questions.get(0));
        assertEquals(List.of(), List.of(EditorFixture.page().getEditorReferences()).stream()
                .filter(r -> r.getEditor(false) == editor).toList(), "Close closed the editor");
        assertFalse(Files.exists(file), "and did not write the file again");
    }

    @Test
    void savingADeletedFileWritesItAgainWithoutAConflict() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "r.pinscope", EditorFixture.small());
        Path file = dir.resolve("r.pinscope");
        renameVma(editor, "from-editor");
        Files.delete(file);
        Answer conflict = new Answer("Update conflict", "No");
        editor.doSave(null);
        drain();
        assertEquals(List.of(), conflict.questions, "a deleted file is no conflict");
        assertEquals("from-editor", vmaOnDisk(file));
        assertFalse(editor.isDirty());
        assertNotAsked(editor, "File Deleted", "Close", "the file is back: nothing to ask");
    }

    @Test
    void savingAFileOpenedThroughASymlinkWritesTheTarget() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("t.pinscope");
        assertTrue(Scenarios.save(EditorFixture.small(), real).ok());
        Path link = Files.createSymbolicLink(dir.resolve("t.pinscope"), real);
        ScenarioEditor editor = EditorFixture.openFile(link);
        renameVma(editor, "via-link");
        editor.doSave(null);
        drain();
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("via-link", vmaOnDisk(real));
        assertFalse(editor.isDirty());
    }
}
