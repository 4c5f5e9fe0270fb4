package dev.pinscope.app.internal.welcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.intro.IIntroSite;
import org.eclipse.ui.part.IntroPart;

import dev.pinscope.app.internal.PinscopeAppPlugin;

/**
 * The Welcome page shown on the first start (and from Help › Welcome): three ways in, each a
 * {@link WelcomeAction}. Plain SWT so it needs neither the intro framework nor a browser.
 */
public class WelcomePart extends IntroPart {

    public static final String ID = "dev.pinscope.app.intro";
    public static final String HELP_CONTEXT = "dev.pinscope.help.welcome";

    private Composite root;
    private final List<Button> buttons = new ArrayList<>();
    /** Hidden while the page is a narrow side panel (standby): the heading text and descriptions. */
    private final List<Control> wideOnly = new ArrayList<>();
    private LocalResourceManager resources;

    @Override
    public void createPartControl(Composite parent) {
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        Color background = resources.create(org.eclipse.jface.resource.ColorDescriptor.createFrom(new RGB(250, 250, 252)));
        root = new Composite(parent, SWT.NONE);
        root.setBackground(background);
        root.setBackgroundMode(SWT.INHERIT_FORCE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 60;
        layout.marginHeight = 40;
        layout.horizontalSpacing = 20;
        layout.verticalSpacing = 14;
        root.setLayout(layout);

        Label logo = new Label(root, SWT.NONE);
        ResourceLocator.imageDescriptorFromBundle(PinscopeAppPlugin.ID, "icons/pinscope-64.png")
                .ifPresent(image -> logo.setImage(resources.create(image)));
        logo.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        Composite heading = new Composite(root, SWT.NONE);
        wideOnly.add(heading);
        heading.setLayout(new GridLayout(1, false));
        GridData headingData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        headingData.widthHint = 640; // wrap the tagline instead of widening the page
        heading.setLayoutData(headingData);
        Label title = new Label(heading, SWT.NONE);
        title.setText("Welcome to Pinscope");
        title.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).increaseHeight(6)));
        Label tagline = new Label(heading, SWT.WRAP);
        tagline.setText("Design VFIO pin-vs-zap races, step through vaddr_get_pfns() and follow_pfnmap_start() like a debugger,"
                + " and compare the retry policies over every interleaving.");
        GridData taglineData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        taglineData.widthHint = 640;
        tagline.setLayoutData(taglineData);

        spacer();
        for (WelcomeAction action : WelcomeAction.values()) {
            Button button = new Button(root, SWT.PUSH);
            button.setText(action.label());
            button.setFont(JFaceResources.getHeaderFont());
            button.setData(WelcomeAction.class.getName(), action);
            GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
            data.widthHint = 220;
            data.heightHint = 44;
            button.setLayoutData(data);
            button.addListener(SWT.Selection, e -> runAndStepAside(action));
            buttons.add(button);
            Label description = new Label(root, SWT.WRAP);
            wideOnly.add(description);
            description.setText(action.description());
            GridData descriptionData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            descriptionData.widthHint = 640;
            description.setLayoutData(descriptionData);
        }

        PlatformUI.getWorkbench().getHelpSystem().setHelp(root, HELP_CONTEXT);
        if (filesOnCommandLine()) {
            // `pinscope FILE` on a first start: the file matters more than the welcome, keep it aside
            root.getDisplay().asyncExec(() -> PlatformUI.getWorkbench().getIntroManager().setIntroStandby(this, true));
        }
    }

    /**
     * Runs {@code action}; when it opened an editor (or brought one to the front) the full-window Welcome page goes
     * to standby beside the editors, otherwise the editor would open hidden behind it.
     */
    void runAndStepAside(WelcomeAction action) {
        IWorkbenchWindow window = window();
        IWorkbenchPage page = window.getActivePage();
        boolean[] editorShown = {false};
        IPartListener2 watch = new IPartListener2() {
            @Override
            public void partOpened(IWorkbenchPartReference ref) {
                editorShown[0] |= ref instanceof IEditorReference;
            }

            @Override
            public void partActivated(IWorkbenchPartReference ref) {
                editorShown[0] |= ref instanceof IEditorReference;
            }

            @Override
            public void partBroughtToTop(IWorkbenchPartReference ref) {
                editorShown[0] |= ref instanceof IEditorReference;
            }
        };
        if (page != null) {
            page.addPartListener(watch);
        }
        try {
            action.run(window);
        } finally {
            if (page != null) {
                page.removePartListener(watch);
            }
        }
        if (editorShown[0] && page != null && page.getActiveEditor() != null) {
            IEditorPart editor = page.getActiveEditor();
            PlatformUI.getWorkbench().getIntroManager().setIntroStandby(this, true);
            page.activate(editor);
        }
    }

    private static boolean filesOnCommandLine() {
        for (String arg : Platform.getApplicationArgs()) {
            if (!arg.startsWith("-") && Files.isRegularFile(Path.of(arg))) {
                return true;
            }
        }
        return false;
    }

    private void spacer() {
        Label gap = new Label(root, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        data.heightHint = 16;
        gap.setLayoutData(data);
    }

    private IWorkbenchWindow window() {
        IIntroSite site = getIntroSite();
        return site == null ? PlatformUI.getWorkbench().getActiveWorkbenchWindow() : site.getWorkbenchWindow();
    }

    /** The buttons in display order (for tests and accessibility tooling). */
    public List<Button> actionButtons() {
        return List.copyOf(buttons);
    }

    public Control control() {
        return root;
    }

    @Override
    public void standbyStateChanged(boolean standby) {
        // as a side panel beside the editors keep just the logo and the three buttons, stacked
        if (root == null || root.isDisposed()) {
            return;
        }
        GridLayout layout = (GridLayout) root.getLayout();
        layout.numColumns = standby ? 1 : 2;
        layout.marginWidth = standby ? 10 : 60;
        layout.marginHeight = standby ? 10 : 40;
        for (Control control : wideOnly) {
            control.setVisible(!standby);
            ((GridData) control.getLayoutData()).exclude = standby;
        }
        root.layout(true, true);
    }

    @Override
    public void setFocus() {
        if (!buttons.isEmpty()) {
            buttons.get(0).setFocus();
        }
    }
}
