package dev.pinscope.importer.ui.internal;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/**
 * File › Import › Address space from /proc in the running product: the menu entry, a live process's
 * VMAs as the table shows them, a saved vfio smaps with its device's resource file mapped to BARs,
 * an edited pinner range, and a line that does not parse. Reads what the widgets display.
 */
class ImportWizardTest {

    @TempDir
    Path dir;

    /** Exposes Next/Finish as a user presses them. */
    static final class Dialog extends WizardDialog {
        Dialog(Shell parent, ImportAddressSpaceWizard wizard) {
            super(parent, wizard);
            setBlockOnOpen(false);
            setPageSize(1060, 440); // as the wizard sets it for itself
        }

        void next() {
            assertTrue(getButton(IDialogConstants.NEXT_ID).isEnabled(), "Next is enabled");
            nextPressed();
            drain();
        }

        void finish() {
            assertTrue(getButton(IDialogConstants.FINISH_ID).isEnabled(), "Finish is enabled");
            finishPressed();
            drain();
        }
    }

    static final String SMAPS = """
            55d4c8c00000-55d4c9400000 r-xp 00200000 fd:01 1312345                    /usr/bin/qemu-system-x86_64
            Size:               8192 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            VmFlags: rd ex mr mw me dw
            55d4ca000000-55d4ca400000 rw-p 00000000 00:00 0                          [heap]
            Size:               4096 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            AnonHugePages:      2048 kB
            VmFlags: rd wr mr mw me ac
            7f3b00000000-7f3b40000000 rw-s 20000000000 00:0e 12345                   anon_inode:[vfio-device]
            Size:            1048576 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            VmFlags: rd wr sh mr mw me ms io pf de dd
            7ffd1a000000-7ffd1a021000 rw-p 00000000 00:00 0                          [stack]
            Size:                132 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            VmFlags: rd wr mr mw me gd ac
            """;

    static final String RESOURCE = """
            0x00000000fb000000 0x00000000fbffffff 0x0000000000040200
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000003800000000 0x000000383fffffff 0x000000000014220c
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            """;

    @AfterEach
    void close() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
    }

    ImportAddressSpaceWizard wizard;

    Dialog open() {
        var descriptor = PlatformUI.getWorkbench().getImportWizardRegistry().findWizard("dev.pinscope.importer.ui.addressSpace");
        assertNotNull(descriptor, "registered as an import wizard");
        try {
            wizard = assertInstanceOf(ImportAddressSpaceWizard.class, descriptor.createWizard());
        } catch (org.eclipse.core.runtime.CoreException e) {
            throw new AssertionError(e);
        }
        wizard.init(PlatformUI.getWorkbench(), null);
        Dialog d = new Dialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        d.open();
        drain();
        return d;
    }

    static List<String> column(Table t, int col) {
        List<String> out = new ArrayList<>();
        for (TableItem i : t.getItems()) {
            out.add(i.getText(col));
        }
        return out;
    }

    static void screenshot(Shell shell, String name) throws Exception {
        // GTK paints asynchronously: let it, then force what is still pending
        for (int i = 0; i < 10; i++) {
            drain();
            Thread.sleep(30);
        }
        shell.redraw();
        shell.update();
        drain();
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        // the shell draws itself into the image (GTK's own rendering, not a copy of the X screen)
        var r = shell.getBounds();
        Image image = new Image(shell.getDisplay(), r.width, r.height);
        GC gc = new GC(image);
        shell.print(gc);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        loader.save(out.resolve(name).toString(), SWT.IMAGE_PNG);
        image.dispose();
    }

    /** The items a menu shows once it opens (menu managers fill their SWT menus on SWT.Show). */
    static List<String> shown(org.eclipse.swt.widgets.Menu menu) {
        menu.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
        drain();
        List<String> out = new ArrayList<>();
        for (org.eclipse.swt.widgets.MenuItem i : menu.getItems()) {
            out.add(i.getText());
        }
        return out;
    }

    static org.eclipse.swt.widgets.MenuItem item(org.eclipse.swt.widgets.Menu menu, String text) {
        shown(menu);
        for (org.eclipse.swt.widgets.MenuItem i : menu.getItems()) {
            if (i.getText().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no '" + text + "' in " + shown(menu));
    }

    /** File › Import… opens the import wizards' list, where the wizard is under Pinscope. */
    @Test
    void theFileMenuHasIt() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        var file = item(shell.getMenuBar(), "&File");
        assertTrue(shown(file.getMenu()).stream().anyMatch(t -> t.startsWith("&Import...")), shown(file.getMenu()).toString());
        file.getMenu().notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
        var category = PlatformUI.getWorkbench().getImportWizardRegistry().findCategory("dev.pinscope");
        assertNotNull(category, "a Pinscope category in File › Import…");
        assertEquals("Pinscope", category.getLabel());
        assertEquals(List.of("Address space from /proc"),
                java.util.Arrays.stream(category.getWizards()).map(w -> w.getLabel()).toList());
    }

    @Test
    void aRunningProcessShowsItsVmasAsMapsListsThem() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        Dialog d = open();
        try {
            Path maps = Path.of("/proc", Long.toString(sleep.pid()), "maps");
            String before = "";
            for (int attempt = 0; attempt < 40; attempt++) { // let the dynamic loader finish
                before = Files.readString(maps);
                Thread.sleep(50);
                if (before.equals(Files.readString(maps))) {
                    break;
                }
            }
            SourcePage source = wizard.sourcePage();
            source.useProcess(sleep.pid());
            drain();
            Table procs = source.processesViewer().getTable();
            assertEquals(List.of(Long.toString(sleep.pid())), column(procs, 0), "the filter leaves the one process");
            assertEquals("sleep", procs.getItem(0).getText(1));
            assertEquals("sleep 600", procs.getItem(0).getText(2));
            d.next();
            assertSame(wizard.vmasPage(), d.getCurrentPage());
            Table vmas = wizard.vmasPage().viewer().getTable();
            List<String> expected = new ArrayList<>();
            for (String l : before.split("\n")) {
                if (!l.isBlank() && !l.contains("[vsyscall]")) {
                    String[] range = l.split("\\s+")[0].split("-");
                    expected.add("0x" + range[0].replaceFirst("^0+(?=.)", "") + " " + "0x" + range[1].replaceFirst("^0+(?=.)", ""));
                }
            }
            List<String> shown = new ArrayList<>();
            for (TableItem i : vmas.getItems()) {
                if (i.getChecked()) {
                    shown.add(i.getText(0) + " " + i.getText(1));
                }
            }
            assertEquals(expected, shown, "every user VMA checked, as /proc/PID/maps lists them");
            assertTrue(column(vmas, 5).contains("[stack]"));
            assertTrue(column(vmas, 4).stream().anyMatch(f -> f.contains("gd")), "the stack's VmFlags shown");
            screenshot(d.getShell(), "import-wizard-live.png");
        } finally {
            d.close();
            sleep.destroy();
        }
    }

    /** The wizard on the VMAs page for {@link #SMAPS} saved in a file, with its device's {@link #RESOURCE}. */
    private Dialog openOnSavedQemu() throws Exception {
        Path smaps = Files.writeString(dir.resolve("qemu.smaps"), SMAPS);
        Path res = Files.writeString(dir.resolve("resource"), RESOURCE);
        Dialog d = open();
        wizard.sourcePage().useFile(smaps.toString());
        wizard.sourcePage().addDevice("0000:01:00.0=" + res);
        drain();
        d.next();
        return d;
    }

    @Test
    void aSavedVfioSmapsMapsTheBarAndWritesARunnableScenario() throws Exception {
        Path smaps = dir.resolve("qemu.smaps");
        Dialog d = openOnSavedQemu();
        try {
            Table vmas = wizard.vmasPage().viewer().getTable();
            assertEquals(4, vmas.getItemCount());
            TableItem bar = vmas.getItem(2);
            assertEquals("0x7f3b00000000", bar.getText(0));
            assertEquals("rd wr sh mr mw me ms io pf de dd", bar.getText(4));
            assertEquals("anon_inode:[vfio-device]", bar.getText(5));
            assertEquals("0000:01:00.0", bar.getText(6));
            assertEquals("2", bar.getText(7));
            assertEquals("PUD 1G leaves possible", bar.getText(8));
            assertTrue(bar.getChecked(), "the vfio BAR mmap is preselected");
            assertEquals(SWT.BOLD, bar.getFont(0).getFontData()[0].getStyle() & SWT.BOLD);
            assertFalse(vmas.getItem(1).getChecked(), "the heap is not");
            assertEquals("2M in PMD leaves (AnonHugePages)", vmas.getItem(1).getText(8));
            // the user checks the heap too: the click SWT reports for a check box
            TableItem heap = vmas.getItem(1);
            heap.setChecked(true);
            org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
            click.item = heap;
            click.detail = SWT.CHECK;
            vmas.notifyListeners(SWT.Selection, click);
            drain();
            screenshot(d.getShell(), "import-wizard-vmas.png");

            d.next();
            OutputPage out = wizard.outputPage();
            assertEquals("0x7f3b00000000", out.startText().getText());
            assertEquals("1G", out.sizeText().getText());
            assertTrue(out.notesText().getText().contains("VmFlags 'me' (may execute) on 2 VMAs is not in the model"),
                    "the heap's flags count, it was checked: " + out.notesText().getText());
            assertTrue(out.notesText().getText().contains("VmFlags 'ac' (area is accountable) on 1 VMA is not in the model"),
                    out.notesText().getText());
            out.sizeText().setText("2M");
            Path target = dir.resolve("qemu.pinscope");
            out.fileText().setText(target.toString());
            drain();
            screenshot(d.getShell(), "import-wizard-pinner.png");
            d.finish();

            assertEquals(target, wizard.written());
            LoadResult lr = Scenarios.load(target);
            assertTrue(lr.ok(), lr.firstProblem());
            List<Vma> imported = lr.scenario().getAddressSpace().getVmas();
            assertEquals(List.of("[heap]", "0000:01:00.0 BAR2"), imported.stream().map(Vma::getName).toList());
            assertEquals(2, imported.get(1).getBar().getIndex());
            Pinner p = (Pinner) lr.scenario().getActors().get(0);
            assertEquals(0x7f3b_0000_0000L, p.getVaddr());
            assertEquals(2L << 20, p.getSize(), "the edited range");
            assertTrue(lr.scenario().getDescription().startsWith("Imported from " + smaps), lr.scenario().getDescription());
            var editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
            assertNotNull(editor, "the scenario opened");
            assertEquals("qemu.pinscope", editor.getEditorInput().getName());
        } finally {
            if (d.getShell() != null) {
                d.close();
            }
        }
    }

    /** The numa_maps walker: offered from a saved numa_maps that lists the pinned BAR mmap, said why, written. */
    @Test
    void theNumaMapsWalkerIsAddedWhereNumaMapsListsThePinnedBar() throws Exception {
        Path numa = Files.writeString(dir.resolve("qemu.numa_maps"), "55d4c8c00000 default file=/usr/bin/qemu-system-x86_64\n"
                + "55d4ca000000 default heap anon=512 dirty=512 N0=512 kernelpagesize_kB=4\n"
                + "7f3b00000000 default file=anon_inode:[vfio-device]\n");
        Dialog d = openOnSavedQemu();
        try {
            d.next();
            OutputPage out = wizard.outputPage();
            assertEquals("", out.numaSourceText().getText(), "a saved smaps has no process to read numa_maps from");
            assertFalse(out.numaSourceText().isEnabled());
            out.walkerButton().setSelection(true);
            out.walkerButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            drain();
            assertEquals("Name a saved numa_maps file.", out.walkerNoteLabel().getText());
            out.numaSourceText().setText(dir.resolve("missing.numa_maps").toString());
            drain();
            assertTrue(out.walkerNoteLabel().getText().startsWith("cannot read " + dir.resolve("missing.numa_maps")),
                    out.walkerNoteLabel().getText());
            out.numaSourceText().setText(numa.toString());
            drain();
            String said = "walker added: a numa_maps reader over 0000:01:00.0 BAR2 (" + numa + " line 3 lists it; its walk "
                    + "splits the PUD leaves the pinner faults in)";
            assertEquals(said, out.walkerNoteLabel().getText());
            org.eclipse.swt.graphics.Point want = out.walkerNoteLabel().computeSize(out.walkerNoteLabel().getSize().x, SWT.DEFAULT);
            assertTrue(out.walkerNoteLabel().getSize().y >= want.y, "the whole sentence shows: " + out.walkerNoteLabel().getSize()
                    + " for " + want);
            Path target = dir.resolve("qemu-walker.pinscope");
            out.fileText().setText(target.toString());
            drain();
            screenshot(d.getShell(), "import-wizard-walker.png");
            d.finish();

            LoadResult lr = Scenarios.load(target);
            assertTrue(lr.ok(), lr.firstProblem());
            var w = (dev.pinscope.model.scenario.PageTableWalker) lr.scenario().getActors().stream()
                    .filter(a -> a instanceof dev.pinscope.model.scenario.PageTableWalker).findFirst().orElseThrow();
            assertEquals("numa_maps", w.getName());
            assertEquals("0000:01:00.0 BAR2", w.getVma().getName());
            assertTrue(lr.scenario().getDescription().contains("numa_maps: " + said + "."), lr.scenario().getDescription());
        } finally {
            if (d.getShell() != null) {
                d.close();
            }
        }
    }

    @Test
    void aLineThatDoesNotParseStaysOnTheFirstPageAndSaysWhere() throws Exception {
        Path smaps = Files.writeString(dir.resolve("bad.smaps"), SMAPS.replace("AnonHugePages:      2048 kB", "AnonHugePages 2048"));
        Dialog d = open();
        try {
            wizard.sourcePage().useFile(smaps.toString());
            drain();
            d.next();
            assertSame(wizard.sourcePage(), d.getCurrentPage());
            assertEquals(smaps + ":10: cannot parse 'AnonHugePages 2048': expected a maps line or a 'Field: value' line",
                    wizard.sourcePage().getErrorMessage());
        } finally {
            d.close();
        }
    }
}
