package org.eclipse.jface.util;

/**
 * GEF 3.2 (2007) calls {@code org.eclipse.jface.util.Assert}, which JFace has since removed in
 * favour of {@link org.eclipse.core.runtime.Assert}. This fragment restores the old entry points
 * so palette entries, the action registry and the zoom manager link again; every method simply
 * forwards to the runtime's assertions.
 */
public final class Assert {

    private Assert() {
    }

    public static boolean isLegal(boolean expression) {
        return org.eclipse.core.runtime.Assert.isLegal(expression);
    }

    public static boolean isLegal(boolean expression, String message) {
        return org.eclipse.core.runtime.Assert.isLegal(expression, message);
    }

    public static void isNotNull(Object object) {
        org.eclipse.core.runtime.Assert.isNotNull(object);
    }

    public static void isNotNull(Object object, String message) {
        org.eclipse.core.runtime.Assert.isNotNull(object, message);
    }

    public static boolean isTrue(boolean expression) {
        return org.eclipse.core.runtime.Assert.isTrue(expression);
    }

    public static boolean isTrue(boolean expression, String message) {
        return org.eclipse.core.runtime.Assert.isTrue(expression, message);
    }
}
