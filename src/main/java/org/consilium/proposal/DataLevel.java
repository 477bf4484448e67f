package org.consilium.proposal;

/** How close to the individual patient the requested data are. */
public enum DataLevel implements Labelled {
    AGGREGATED("Aggregated"),
    SYNTHETIC("Synthetic"),
    INDIVIDUAL_LEVEL_ANONYMISED("Individual-level anonymised");

    private final String label;

    DataLevel(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.dataLevel." + name();
    }
}
