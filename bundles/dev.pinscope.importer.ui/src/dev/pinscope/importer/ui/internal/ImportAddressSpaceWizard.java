package dev.pinscope.importer.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

import dev.pinscope.importer.ImportException;
import dev.pinscope.importer.ImportPlan;
import dev.pinscope.importer.PciResource;
import dev.pinscope.importer.ProcFs;
import dev.pinscope.importer.ScenarioImporter;
import dev.pinscope.importer.Smaps;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * File › Import › Address space from /proc: a process's smaps (live or saved) and its devices' sysfs
 * resource files become a scenario, through the same {@link ImportPlan} and {@link ScenarioImporter}
 * as {@code pinscope import}. The file is written (atomically) only when the scenario validates, then
 * opened in the scenario editor.
 */
public final class ImportAddressSpaceWizard extends Wizard implements IImportWizard {

    private IWorkbench workbench;
    private SourcePage source;
    private VmasPage vmas;
    private OutputPage output;
    private ImportPlan plan;
    private Path written;

    public ImportAddressSpaceWizard() {
        setWindowTitle("Import Address Space from /proc");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void createPageControls(org.eclipse.swt.widgets.Composite pageContainer) {
        super.createPageControls(pageContainer);
        // the VMA table's nine columns need the width; the File > Import dialog sizes to its pages
        if (getContainer() instanceof org.eclipse.jface.wizard.WizardDialog d) {
            d.setPageSize(1060, 440);
        }
    }

    @Override
    public void init(IWorkbench wb, IStructuredSelection selection) {
        this.workbench = wb;
    }

    @Override
    public void addPages() {
        source = new SourcePage() {
            @Override
            public boolean canFlipToNextPage() {
                return isPageComplete(); // reading smaps happens on Next, not on every button update
            }

            @Override
            public IWizardPage getNextPage() {
                return load() ? vmas : null;
            }
        };
        vmas = new VmasPage();
        output = new OutputPage();
        vmas.setPageComplete(false);
        output.setPageComplete(false);
        addPage(source);
        addPage(vmas);
        addPage(output);
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        IWizardPage next = super.getNextPage(page);
        if (next == output && plan != null) {
            output.setPlan(plan, defaultFile());
        }
        return next;
    }

    /** Reads the smaps and resource files and proposes the plan; on failure says why on page 1. */
    private boolean load() {
        boolean fromProcess = source.fromProcess();
        ProcFs.ProcessInfo process = source.selectedProcess();
        Path file = source.file();
        List<String> specs = source.deviceSpecs();
        ImportPlan[] result = new ImportPlan[1];
        String[] error = new String[1];
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Reading " + (fromProcess ? "/proc/" + process.pid() + "/smaps" : file), specs.size() + 1);
                try {
                    List<PciResource> devices = new ArrayList<>();
                    for (String spec : specs) {
                        int eq = spec.indexOf('=');
                        devices.add(eq < 0 ? PciResource.ofSysfs(spec.strip())
                                : PciResource.read(spec.substring(0, eq).strip(), Path.of(spec.substring(eq + 1).strip())));
                        monitor.worked(1);
                    }
                    if (fromProcess) {
                        ProcFs proc = new ProcFs();
                        Smaps smaps = proc.readSmaps(process.pid());
                        result[0] = ImportPlan.propose(smaps, devices,
                                ImportPlan.Provenance.ofPid(process.pid(), process.command(), smaps.source()));
                    } else {
                        result[0] = ImportPlan.propose(Smaps.read(file), devices, ImportPlan.Provenance.ofFile(file.toString()));
                    }
                } catch (ImportException e) {
                    error[0] = e.getMessage();
                }
                monitor.done();
            });
        } catch (InvocationTargetException e) {
            error[0] = String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (error[0] != null) {
            source.setErrorMessage(error[0]);
            return false;
        }
        source.setErrorMessage(null);
        plan = result[0];
        // a race scenario is about the BAR mmaps: when there are some, they are what is checked
        boolean hasBars = plan.rows().stream().anyMatch(r -> r.include() && r.vma().isVfioBar());
        if (hasBars) {
            plan.rows().forEach(r -> r.setInclude(r.vma().isVfioBar()));
        }
        vmas.setPlan(plan);
        return true;
    }

    private Path defaultFile() {
        ImportPlan.Provenance from = plan.provenance();
        String name = from.pid().isPresent() ? from.command() + "-" + from.pid().getAsLong()
                : Path.of(from.source()).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Path.of(System.getProperty("user.home"), name.replaceAll("[^A-Za-z0-9._-]", "-") + ".pinscope");
    }

    @Override
    public boolean canFinish() {
        return plan != null && getContainer().getCurrentPage() == output && output.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        ScenarioImporter.ImportResult r = ScenarioImporter.build(plan);
        Diagnostic d = ScenarioValidator.validate(r.scenario());
        if (d.getSeverity() >= Diagnostic.ERROR) {
            Diagnostic first = d.getChildren().isEmpty() ? d : d.getChildren().get(0);
            output.setErrorMessage(first.getMessage());
            return false;
        }
        Path target = output.file();
        SaveResult saved = Scenarios.save(r.scenario(), target);
        if (!saved.ok()) {
            output.setErrorMessage("Cannot write " + target + ": " + saved.message());
            return false;
        }
        written = target;
        IWorkbenchPage page = workbench == null || workbench.getActiveWorkbenchWindow() == null ? null
                : workbench.getActiveWorkbenchWindow().getActivePage();
        if (page != null) {
            try {
                IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(target.toUri()));
            } catch (PartInitException e) {
                MessageDialog.openError(getShell(), "Cannot open " + target, e.getMessage());
            }
        }
        return true;
    }

    /** The file the last finish wrote, null before. */
    public Path written() {
        return written;
    }

    // for the UI tests
    SourcePage sourcePage() {
        return source;
    }

    VmasPage vmasPage() {
        return vmas;
    }

    OutputPage outputPage() {
        return output;
    }
}
