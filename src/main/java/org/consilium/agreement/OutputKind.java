package org.consilium.agreement;

/** What a project reports at closure. */
public enum OutputKind {
    PUBLICATION("Publication"),
    RESULTS_RETURNED("Results returned to the platform"),
    OUTCOME_INDICATOR("New outcome indicator"),
    OTHER("Other output");

    private final String label;

    OutputKind(String label) {
        this.label = label;
    }

    /** In English, for records (the timeline, the audit trail) that keep one wording. */
    public String label() {
        return label;
    }

    /** The key of the label in the translation files. */
    public String key() {
        return "agreement.outputKind." + name();
    }
}
