package dev.pinscope.diagram.internal.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.pinscope.model.examples.Examples;

/** Where to write the new scenario, its name, and what it starts from. */
public class NewScenarioPage extends WizardPage {

    private Text file;
    private Text name;
    private Combo template;
    private final List<Examples.Example> examples = ScenarioTemplates.examples();
    private final Path initialFolder;

    public NewScenarioPage(Path initialFolder) {
        super("newScenario");
        this.initialFolder = initialFolder;
        setTitle("New Scenario");
        setDescription("Create a .pinscope scenario: a starter, an empty one or a copy of a shipped example.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("&File:");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file.setText(initialFolder.resolve("scenario.pinscope").toString());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> browse());
        new Label(c, SWT.NONE).setText("&Name:");
        name = new Text(c, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        name.setText("my scenario");
        new Label(c, SWT.NONE).setText("&Start from:");
        template = new Combo(c, SWT.READ_ONLY);
        template.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        template.add("Starter: a vfio-pci device with a 1G BAR, a VMA mapping it at 0x7f0000000000, a pinner");
        template.add("Empty scenario");
        examples.forEach(e -> template.add("Example: " + e.title()));
        template.select(0);
        template.addListener(SWT.Selection, e -> {
            int i = template.getSelectionIndex();
            if (i >= FIRST_EXAMPLE) {
                name.setText(examples.get(i - FIRST_EXAMPLE).title());
                Path p = Path.of(file.getText().strip());
                file.setText(p.resolveSibling(examples.get(i - FIRST_EXAMPLE).fileName()).toString());
            }
            validate();
        });
        file.addListener(SWT.Modify, e -> validate());
        name.addListener(SWT.Modify, e -> validate());
        setControl(c);
        validate();
    }

    private void browse() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.pinscope"});
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            file.setText(chosen.endsWith(".pinscope") ? chosen : chosen + ".pinscope");
        }
    }

    private void validate() {
        String message = null;
        String f = file.getText().strip();
        if (f.isEmpty()) {
            message = "Enter the file to create.";
        } else if (!f.endsWith(".pinscope")) {
            message = "Scenario files end in .pinscope.";
        } else {
            Path parent = Path.of(f).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                message = "The folder " + parent + " does not exist.";
            }
        }
        if (message == null && name.getText().isBlank()) {
            message = "Give the scenario a name.";
        }
        setErrorMessage(message);
        setPageComplete(message == null);
        if (message == null && Files.exists(Path.of(f))) {
            setMessage("The file exists and will be overwritten.", WARNING);
        } else {
            setMessage(null);
        }
    }

    public Path file() {
        return Path.of(file.getText().strip()).toAbsolutePath();
    }

    public String scenarioName() {
        return name.getText().strip();
    }

    /** Combo index of the starter, the empty scenario and the first example. */
    static final int STARTER = 0;
    static final int EMPTY = 1;
    static final int FIRST_EXAMPLE = 2;
    /** What {@link #fill} takes for the starter. */
    public static final String STARTER_ID = "starter";

    /** The chosen example, or null for the starter or an empty scenario. */
    public Examples.Example example() {
        int i = template.getSelectionIndex();
        return i < FIRST_EXAMPLE ? null : examples.get(i - FIRST_EXAMPLE);
    }

    /** Whether the starter (device, BAR mapping, pinner) is chosen. */
    public boolean isStarter() {
        return template.getSelectionIndex() == STARTER;
    }

    /** For tests: fill the page as a user would ({@code exampleId} null: empty, {@link #STARTER_ID}: the starter). */
    public void fill(Path target, String scenarioName, String exampleId) {
        file.setText(target.toString());
        name.setText(scenarioName);
        int index = STARTER_ID.equals(exampleId) ? STARTER : EMPTY;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).id().equals(exampleId)) {
                index = i + FIRST_EXAMPLE;
            }
        }
        template.select(index);
        validate();
    }
}
