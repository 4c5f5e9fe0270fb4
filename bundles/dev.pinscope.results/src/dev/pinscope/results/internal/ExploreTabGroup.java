package dev.pinscope.results.internal;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.spec.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
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

/**
 * The launch dialog's tabs for the Explore All Interleavings and Compare Policies modes of a Pinscope Scenario
 * configuration: the scenario file, the policy (Explore only; Compare explores all) and BOUNDED's retry limit.
 * The attributes are the debugger's, so one configuration serves debugging and exploring alike.
 */
public class ExploreTabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] { new ExploreTab(), new CommonTab() });
    }

    static final class ExploreTab extends AbstractLaunchConfigurationTab {
        private static final String OWN = "(the scenario's own)";
        private Text file;
        private Combo policy;
        private Spinner maxRetries;

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("Scenario file:");
            file = new Text(c, SWT.BORDER);
            file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            file.addModifyListener(e -> updateLaunchConfigurationDialog());
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("Browse…");
            browse.addListener(SWT.Selection, e -> {
                FileDialog fd = new FileDialog(c.getShell(), SWT.OPEN);
                fd.setFilterExtensions(new String[] { "*.pinscope" });
                String f = fd.open();
                if (f != null) {
                    file.setText(f);
                }
            });
            new Label(c, SWT.NONE).setText("Retry policy (Explore):");
            policy = new Combo(c, SWT.READ_ONLY);
            policy.add(OWN);
            for (Policy p : Policy.values()) {
                policy.add(p.name());
            }
            policy.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
            policy.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
            new Label(c, SWT.NONE).setText("BOUNDED max retries:");
            maxRetries = new Spinner(c, SWT.BORDER);
            maxRetries.setValues(2, 0, 1_000_000, 0, 1, 10);
            maxRetries.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
            maxRetries.addModifyListener(e -> updateLaunchConfigurationDialog());
            Label note = new Label(c, SWT.WRAP);
            note.setText("Compare Policies explores every policy; results appear in the Results view.");
            note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
            setControl(c);
        }

        @Override
        public void setDefaults(ILaunchConfigurationWorkingCopy wc) {
            wc.setAttribute(PinscopeLaunch.ATTR_FILE, "");
        }

        @Override
        public void initializeFrom(ILaunchConfiguration config) {
            try {
                file.setText(config.getAttribute(PinscopeLaunch.ATTR_FILE, ""));
                String p = config.getAttribute(PinscopeLaunch.ATTR_POLICY, "");
                policy.select(Math.max(0, policy.indexOf(p.isEmpty() ? OWN : p)));
                maxRetries.setSelection(config.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 2));
            } catch (CoreException e) {
                setErrorMessage(e.getMessage());
            }
        }

        @Override
        public void performApply(ILaunchConfigurationWorkingCopy wc) {
            wc.setAttribute(PinscopeLaunch.ATTR_FILE, file.getText().strip());
            String p = policy.getText();
            wc.setAttribute(PinscopeLaunch.ATTR_POLICY, OWN.equals(p) || p.isEmpty() ? null : p);
            wc.setAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, maxRetries.getSelection());
        }

        @Override
        public boolean isValid(ILaunchConfiguration config) {
            setErrorMessage(null);
            String f = file == null ? "" : file.getText().strip();
            if (f.isEmpty() || !Files.isRegularFile(Path.of(f))) {
                setErrorMessage("Choose an existing .pinscope file");
                return false;
            }
            return true;
        }

        @Override
        public String getName() {
            return "Scenario";
        }
    }
}
