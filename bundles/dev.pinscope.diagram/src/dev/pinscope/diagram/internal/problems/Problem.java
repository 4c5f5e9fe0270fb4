package dev.pinscope.diagram.internal.problems;

import org.eclipse.emf.ecore.EObject;

/** One validation error: the element it is about, the sentence, and the rule's id. */
public record Problem(EObject element, String message, String rule, int severity) {
}
