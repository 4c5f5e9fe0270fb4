package dev.pinscope.results;

/** Identifiers other bundles, tests and launch configurations use to reach exploration and its results. */
public final class ResultsIds {

    /** The Results view: policy × result tables, witnesses, lassos, exports. */
    public static final String VIEW_ID = "dev.pinscope.results.view";

    /** Explore All Interleavings under the scenario's own policy. */
    public static final String EXPLORE_COMMAND = "dev.pinscope.results.explore";

    /** Compare Policies: explore under every retry policy of KERNEL-MODEL.md §9. */
    public static final String COMPARE_COMMAND = "dev.pinscope.results.compare";

    /** Copy the policy × result table as plain text (mail-ready). */
    public static final String COPY_TABLE_COMMAND = "dev.pinscope.results.copyTable";

    /** Launch modes of the "Pinscope Scenario" launch configuration type. */
    public static final String EXPLORE_MODE = "dev.pinscope.explore";
    public static final String COMPARE_MODE = "dev.pinscope.compare";

    /** Results persist beside the scenario: {@code name.pinscope} → {@code name.pinscope.results.json}. */
    public static final String RESULTS_SUFFIX = ".results.json";

    /** Family of the exploration jobs (Job.getJobManager().find(FAMILY)). */
    public static final Object JOB_FAMILY = ResultsIds.class;

    private ResultsIds() {
    }
}
