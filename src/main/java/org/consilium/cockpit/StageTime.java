package org.consilium.cockpit;

/**
 * How long proposals spent in a stage: over the proposals whose stay in it ended within the period, the
 * median and the 90th percentile of their days there (linear interpolation between ranks, like SQL's
 * PERCENTILE_CONT). Without proposals both are null.
 */
public record StageTime(Stage stage, long proposals, Double medianDays, Double p90Days) {
}
