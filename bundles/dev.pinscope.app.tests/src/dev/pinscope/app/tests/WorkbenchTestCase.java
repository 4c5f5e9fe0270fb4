package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;

/** What the product's editor tests share: the active page, and no editor left open (changes discarded) for the next test. */
abstract class WorkbenchTestCase {

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
        drain();
    }
}
