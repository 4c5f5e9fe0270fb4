package dev.pinscope.model.internal;

import org.eclipse.emf.ecore.xmi.XMIException;

/**
 * A load error the confined loader raises itself (a reference into another document, a namespace
 * that is not the scenario format, several elements in a single-valued reference). Its message is
 * already written for the scenario author; EMF records it like its own load errors, with the line
 * and column of the element that carries it.
 */
public final class ConfinedLoadProblem extends XMIException {

    private static final long serialVersionUID = 1L;

    public ConfinedLoadProblem(String message, String location, int line, int column) {
        super(message, location, line, column);
    }
}
