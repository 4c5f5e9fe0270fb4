package dev.pinscope.diagram;

/** Identifiers other bundles (the app, the debugger) use to reach the scenario editor. */
public final class DiagramIds {

    /** The GEF scenario editor, default editor for {@code *.pinscope}. */
    public static final String EDITOR_ID = "dev.pinscope.diagram.editor";

    /** The "Scenario Problems" view listing the validation errors of the active scenario editor. */
    public static final String PROBLEMS_VIEW_ID = "dev.pinscope.diagram.problems";

    /** The New Scenario wizard (File › New). */
    public static final String NEW_WIZARD_ID = "dev.pinscope.diagram.newScenario";

    /** The context id active while the scenario editor has focus. */
    public static final String CONTEXT_ID = "dev.pinscope.diagram.context";

    private DiagramIds() {
    }
}
