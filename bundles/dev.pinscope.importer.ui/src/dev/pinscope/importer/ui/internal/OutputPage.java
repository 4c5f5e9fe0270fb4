package dev.pinscope.importer.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.pinscope.importer.ImportException;
import dev.pinscope.importer.ImportPlan;
import dev.pinscope.importer.NumaMaps;
import dev.pinscope.importer.ProcFs;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/** Page 3: the pinner (VFIO_IOMMU_MAP_DMA over a BAR mmap, range editable) and the file to write. */
final class OutputPage extends WizardPage {

    private Button addPinner;
    private Combo over;
    private Text start;
    private Text size;
    private Text file;
    private Text notes;
    private Button walker;
    private Text numaSource;
    private Label walkerNote;
    private String numaRead;
    private NumaMaps numa;
    private ImportPlan plan;
    private List<ImportPlan.Row> bars = List.of();

    OutputPage() {
        super("output");
        setTitle("Pinner and File");
        setDescription("A pinner over the BAR mmap makes the scenario run; change its range as you like.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        addPinner = new Button(c, SWT.CHECK);
        addPinner.setText("Add a &pinner (VFIO_IOMMU_MAP_DMA)");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(addPinner);
        new Label(c, SWT.NONE).setText("&Over:");
        over = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(over);
        new Label(c, SWT.NONE).setText("&Start:");
        start = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(start);
        new Label(c, SWT.NONE).setText("Si&ze:");
        size = new Text(c, SWT.BORDER);
        size.setMessage("4K, 2M, 1G or 0x...");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(size);
        new Label(c, SWT.NONE).setText("&File:");
        file = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.SAVE);
            d.setFilterExtensions(new String[] { "*.pinscope" });
            String chosen = d.open();
            if (chosen != null) {
                file.setText(chosen.endsWith(".pinscope") ? chosen : chosen + ".pinscope");
            }
        });
        walker = new Button(c, SWT.CHECK);
        walker.setText("Add the numa_maps &walker of the reported bug");
        walker.setToolTipText("A reader of /proc/PID/numa_maps walks the BAR mmap under mmap_read_lock and splits (clears) its "
                + "PUD leaves. It is added when numa_maps lists the pinned BAR mmap and vfio-pci can install PUD leaves there.");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(walker);
        new Label(c, SWT.NONE).setText("numa_&maps:");
        numaSource = new Text(c, SWT.BORDER);
        numaSource.setMessage("a saved numa_maps file");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(numaSource);
        walkerNote = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(600, SWT.DEFAULT).applyTo(walkerNote);
        walker.addListener(SWT.Selection, e -> validate());
        numaSource.addListener(SWT.Modify, e -> validate());
        Label nl = new Label(c, SWT.NONE);
        nl.setText("Notes:");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(nl);
        notes = new Text(c, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(600, 120).applyTo(notes);
        addPinner.addListener(SWT.Selection, e -> validate());
        over.addListener(SWT.Selection, e -> {
            int i = over.getSelectionIndex();
            if (i >= 0 && i < bars.size()) {
                start.setText(Hex.format(bars.get(i).vma().maps().start()));
                size.setText(Sizes.format(bars.get(i).vma().maps().size()));
            }
        });
        start.addListener(SWT.Modify, e -> validate());
        size.addListener(SWT.Modify, e -> validate());
        file.addListener(SWT.Modify, e -> validate());
        setControl(c);
    }

    /** Fills the page from the plan: its pinner, the checked BAR mmaps, a file named after the process. */
    void setPlan(ImportPlan p, Path defaultFile) {
        this.plan = p;
        bars = p.rows().stream().filter(r -> r.include() && r.mapsBar()).toList();
        over.removeAll();
        bars.forEach(r -> over.add(r.device() + " BAR" + r.bar() + " [" + Hex.format(r.vma().maps().start()) + "-"
                + Hex.format(r.vma().maps().end()) + ")"));
        if (!p.hasPinner() && !bars.isEmpty()) {
            p.setPinner(bars.get(0).vma().maps().start(), bars.get(0).vma().maps().size());
        }
        addPinner.setSelection(p.hasPinner() && !bars.isEmpty());
        addPinner.setEnabled(true);
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).vma().maps().start() == p.pinStart()) {
                over.select(i);
            }
        }
        start.setText(p.hasPinner() ? Hex.format(p.pinStart()) : "");
        size.setText(p.hasPinner() ? Sizes.format(p.pinSize()) : "");
        if (file.getText().isBlank()) {
            file.setText(defaultFile.toString());
        }
        if (numaSource.getText().isBlank() && p.provenance().pid().isPresent()) {
            numaSource.setText("/proc/" + p.provenance().pid().getAsLong() + "/numa_maps");
        }
        validate();
        notes.setText(String.join("\n", dev.pinscope.importer.ScenarioImporter.build(p).warnings()));
    }

    private void validate() {
        if (plan == null) {
            return;
        }
        boolean pin = addPinner.getSelection();
        over.setEnabled(pin && !bars.isEmpty());
        start.setEnabled(pin);
        size.setEnabled(pin);
        String error = null;
        if (pin) {
            try {
                long s = Hex.parse(start.getText());
                long n = Sizes.parse(size.getText());
                if (n == 0) {
                    error = "The pinner needs a size above 0.";
                } else {
                    plan.setPinner(s, n);
                }
            } catch (NumberFormatException e) {
                error = e.getMessage();
            }
        } else {
            plan.setPinner(0, 0);
        }
        updateWalker();
        String f = file.getText().strip();
        if (error == null && !f.endsWith(".pinscope")) {
            error = "Scenario files end in .pinscope.";
        } else if (error == null) {
            Path parent = Path.of(f).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                error = "The folder " + parent + " does not exist.";
            }
        }
        setErrorMessage(error);
        setPageComplete(error == null);
        setMessage(error == null && Files.exists(Path.of(f)) ? "The file exists and will be replaced." : null, WARNING);
    }

    /** The walker follows the pinner: offered over the pinned BAR mmap when numa_maps says a reader walks it. */
    private void updateWalker() {
        numaSource.setEnabled(walker.getSelection());
        if (!walker.getSelection()) {
            plan.setWalker(null);
            walkerNote.setText("");
            return;
        }
        String src = numaSource.getText().strip();
        if (!src.equals(numaRead)) { // read once per source: reading a live numa_maps walks the process's page tables
            numaRead = src;
            numa = null;
            try {
                java.util.regex.Matcher live = java.util.regex.Pattern.compile("/proc/([0-9]+)/numa_maps").matcher(src);
                numa = src.isEmpty() ? null : live.matches() ? new ProcFs().readNumaMaps(Long.parseLong(live.group(1)))
                        : NumaMaps.read(Path.of(src));
                walkerNote.setText(src.isEmpty() ? "Name a saved numa_maps file." : "");
            } catch (ImportException e) {
                walkerNote.setText(e.getMessage());
            }
        }
        if (numa == null) {
            plan.setWalker(null);
        } else {
            walkerNote.setText(plan.suggestWalker(numa));
        }
        walkerNote.getParent().layout(true);
    }

    Path file() {
        return Path.of(file.getText().strip()).toAbsolutePath();
    }

    // for the UI tests
    Text startText() {
        return start;
    }

    Text sizeText() {
        return size;
    }

    Text fileText() {
        return file;
    }

    Text notesText() {
        return notes;
    }

    Button walkerButton() {
        return walker;
    }

    Text numaSourceText() {
        return numaSource;
    }

    Label walkerNoteLabel() {
        return walkerNote;
    }
}
