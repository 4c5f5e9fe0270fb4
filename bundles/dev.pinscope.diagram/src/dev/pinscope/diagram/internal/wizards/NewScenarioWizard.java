package dev.pinscope.diagram.internal.wizards;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;

/** File › New › Pinscope Scenario: writes a .pinscope file where the user says and opens it. */
public class NewScenarioWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private NewScenarioPage page;
    private Path created;

    public NewScenarioWizard() {
        setWindowTitle("New Pinscope Scenario");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
    }

    @Override
    public void addPages() {
        page = new NewScenarioPage(Path.of(System.getProperty("user.home")));
        addPage(page);
    }

    public NewScenarioPage page() {
        return page;
    }

    /** The file the last finish wrote. */
    public Path created() {
        return created;
    }

    @Override
    public boolean performFinish() {
        Scenario scenario;
        if (page.isStarter()) {
            scenario = ScenarioTemplates.starter(page.scenarioName());
        } else if (page.example() == null) {
            scenario = ScenarioTemplates.empty(page.scenarioName());
        } else {
            LoadResult r = ScenarioTemplates.example(page.example());
            if (!r.ok()) {
                page.setErrorMessage(r.firstProblem());
                return false;
            }
            scenario = r.scenario();
            scenario.setName(page.scenarioName());
        }
        SaveResult saved = Scenarios.save(scenario, page.file());
        if (!saved.ok()) {
            MessageDialog.openError(getShell(), "Cannot create scenario", saved.message());
            return false;
        }
        created = page.file();
        IWorkbenchPage wp = workbench == null || workbench.getActiveWorkbenchWindow() == null ? null
                : workbench.getActiveWorkbenchWindow().getActivePage();
        if (wp != null) {
            try {
                IDE.openEditorOnFileStore(wp, EFS.getLocalFileSystem().getStore(created.toUri()));
            } catch (PartInitException e) {
                MessageDialog.openError(getShell(), "Cannot open " + created, e.getMessage());
            }
        }
        return true;
    }

    static String editorId() {
        return DiagramIds.EDITOR_ID;
    }
}
