package dev.pinscope.app.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

public class PinscopeWindowAdvisor extends WorkbenchWindowAdvisor {

    public PinscopeWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PinscopeActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setTitle("Pinscope");
    }

    @Override
    public void postWindowOpen() {
        EditorTitleUpdater.install(getWindowConfigurer().getWindow());
        PartHelp.install(getWindowConfigurer().getWindow());
        DropDownTooltips.install(getWindowConfigurer().getWindow().getShell().getDisplay());
    }
}
