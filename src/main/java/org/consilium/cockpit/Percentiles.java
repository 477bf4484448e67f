package org.consilium.cockpit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A percentile from the rows around it, interpolated linearly between ranks (as PERCENTILE_CONT does). */
final class Percentiles {

    static final BigDecimal MEDIAN = new BigDecimal("0.5");
    static final BigDecimal P90 = new BigDecimal("0.9");

    private Percentiles() {
    }

    /**
     * @param n            how many values there are
     * @param valuesByRank the values at 1-based ranks, at least those around position (n - 1)·q + 1
     */
    static double of(BigDecimal q, long n, Map<Long, Long> valuesByRank) {
        // Exact decimal arithmetic, as the SQL that picked the rows: a double could land just below an integer.
        BigDecimal position = BigDecimal.valueOf(n - 1).multiply(q);
        long below = position.setScale(0, RoundingMode.FLOOR).longValueExact();
        long above = position.setScale(0, RoundingMode.CEILING).longValueExact();
        double low = valuesByRank.get(below + 1);
        double high = valuesByRank.get(above + 1);
        return low + position.subtract(BigDecimal.valueOf(below)).doubleValue() * (high - low);
    }
}
