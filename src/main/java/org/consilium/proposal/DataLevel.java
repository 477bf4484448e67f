package org.consilium.proposal;

/** How close to the individual patient the requested data are. */
public enum DataLevel {
    AGGREGATED("Aggregated"),
    SYNTHETIC("Synthetic"),
    INDIVIDUAL_LEVEL_ANONYMISED("Individual-level anonymised");

    private final String label;

    DataLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
