package dev.pinscope.results.internal;

import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.ResultsIds;
import java.nio.file.Path;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;

/** Starting explorations from the editor (commands) or from a scenario file (launch modes). */
public final class Explorations {
    private Explorations() {
    }

    /**
     * Explores the editor's scenario as it is now (saved or not), shows the Results view and returns the job, or
     * null when the scenario does not compile (the problems are shown) or an exploration of it is running.
     */
    public static ExploreJob start(IEditorPart editor, boolean compare) {
        IScenarioDiagram d = ScenarioEditors.diagram(editor);
        if (d == null) {
            return null;
        }
        String key = ScenarioEditors.key(editor);
        Path file = ScenarioEditors.file(editor.getEditorInput());
        return start(editor.getSite().getShell(), key, d.getScenario(), file, compare, true);
    }

    public static ExploreJob start(Shell shell, String key, Scenario scenario, Path file, boolean compare,
            boolean showView) {
        ResultsStore.Entry e = ResultsStore.get().entry(key);
        if (e != null && e.running() != null) {
            if (showView) {
                showView();
            }
            return null;
        }
        CompileResult cr = Simulation.compile(scenario, SimulationOptions.defaults());
        if (!cr.ok()) {
            if (shell != null) {
                MessageDialog.openError(shell, "Cannot explore " + scenario.getName(),
                        "The scenario does not compile:\n\n" + String.join("\n", cr.errors()));
            }
            return null;
        }
        ExploreJob job = new ExploreJob(key, cr.simulation().spec(), ResultsFiles.digest(scenario), file, compare);
        ResultsStore.get().started(key, job);
        if (showView) {
            showView();
        }
        job.schedule();
        return job;
    }

    public static ResultsView showView() {
        try {
            var w = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (w == null) {
                w = org.eclipse.ui.PlatformUI.getWorkbench().getWorkbenchWindows()[0];
            }
            return (ResultsView) w.getActivePage().showView(ResultsIds.VIEW_ID, null,
                    org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            return null;
        }
    }

    public static Job[] running() {
        return Job.getJobManager().find(ResultsIds.JOB_FAMILY);
    }
}
