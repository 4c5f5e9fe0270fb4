package dev.pinscope.debug.internal.ui.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.spec.Policy;

/** File, retry policy, maxRetries, scheduler, seed and "stop at first step". */
public class ScenarioTab extends AbstractLaunchConfigurationTab {

    static final String SCENARIO_POLICY = "(the scenario's own policy)";
    static final List<String> SCHEDULERS = List.of(PinscopeLaunch.SCHEDULER_SCRIPT,
            PinscopeLaunch.SCHEDULER_ROUND_ROBIN, PinscopeLaunch.SCHEDULER_RANDOM, PinscopeLaunch.SCHEDULER_INTERACTIVE);

    private Text file;
    private Combo policy;
    private Spinner maxRetries;
    private Combo scheduler;
    private Text seed;
    private Button stopAtFirst;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        setControl(c);

        new Label(c, SWT.NONE).setText("&Scenario file:");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file.addModifyListener(e -> changed());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse…");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.pinscope" });
            String f = d.open();
            if (f != null) {
                file.setText(f);
            }
        });

        new Label(c, SWT.NONE).setText("Retry &policy:");
        policy = new Combo(c, SWT.READ_ONLY);
        policy.add(SCENARIO_POLICY);
        for (Policy p : Policy.values()) {
            policy.add(p.name());
        }
        policy.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        policy.addListener(SWT.Selection, e -> changed());

        new Label(c, SWT.NONE).setText("&Max retries (BOUNDED):");
        maxRetries = new Spinner(c, SWT.BORDER);
        maxRetries.setMinimum(0);
        maxRetries.setMaximum(1000);
        maxRetries.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        maxRetries.addModifyListener(e -> changed());

        new Label(c, SWT.NONE).setText("Sc&heduler:");
        scheduler = new Combo(c, SWT.READ_ONLY);
        scheduler.add("script — the scenario's schedule, then round-robin");
        scheduler.add("round-robin");
        scheduler.add("random (seeded)");
        scheduler.add("interactive — you pick every step in the Scheduler view");
        scheduler.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        scheduler.addListener(SWT.Selection, e -> changed());

        new Label(c, SWT.NONE).setText("Random s&eed:");
        seed = new Text(c, SWT.BORDER);
        seed.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        seed.addModifyListener(e -> changed());

        stopAtFirst = new Button(c, SWT.CHECK);
        stopAtFirst.setText("S&top before the first step");
        stopAtFirst.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        stopAtFirst.addListener(SWT.Selection, e -> changed());
    }

    private void changed() {
        updateLaunchConfigurationDialog();
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(PinscopeLaunch.ATTR_SCHEDULER, PinscopeLaunch.SCHEDULER_SCRIPT);
        config.setAttribute(PinscopeLaunch.ATTR_SEED, "0");
        config.setAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, true);
        config.setAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 3);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            file.setText(config.getAttribute(PinscopeLaunch.ATTR_FILE, ""));
            String p = config.getAttribute(PinscopeLaunch.ATTR_POLICY, "");
            int i = policy.indexOf(p);
            policy.select(i < 0 ? 0 : i);
            maxRetries.setSelection(config.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 3));
            int s = SCHEDULERS.indexOf(config.getAttribute(PinscopeLaunch.ATTR_SCHEDULER, PinscopeLaunch.SCHEDULER_SCRIPT));
            scheduler.select(s < 0 ? 0 : s);
            seed.setText(config.getAttribute(PinscopeLaunch.ATTR_SEED, "0"));
            stopAtFirst.setSelection(config.getAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, true));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(PinscopeLaunch.ATTR_FILE, file.getText().strip());
        config.setAttribute(PinscopeLaunch.ATTR_POLICY, policy.getSelectionIndex() <= 0 ? null : policy.getText());
        config.setAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, maxRetries.getSelection());
        config.setAttribute(PinscopeLaunch.ATTR_SCHEDULER, SCHEDULERS.get(Math.max(0, scheduler.getSelectionIndex())));
        config.setAttribute(PinscopeLaunch.ATTR_SEED, seed.getText().strip());
        config.setAttribute(PinscopeLaunch.ATTR_STOP_AT_FIRST_STEP, stopAtFirst.getSelection());
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        String f = file.getText().strip();
        if (f.isEmpty() || !Files.isRegularFile(Path.of(f))) {
            setErrorMessage(f.isEmpty() ? "Choose a .pinscope scenario file." : "No such file: " + f);
            return false;
        }
        try {
            Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            setErrorMessage("The seed must be a whole number.");
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Scenario";
    }
}
