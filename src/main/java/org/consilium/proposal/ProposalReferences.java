package org.consilium.proposal;

import org.springframework.stereotype.Component;

/**
 * Hands out CONS-&lt;year&gt;-&lt;nnnn&gt; without gaps: the year's counter row is locked until the
 * submitting transaction ends, so a rolled-back submission gives its number back.
 */
@Component
class ProposalReferences {

    private final ReferenceCounterRepository counters;

    ProposalReferences(ReferenceCounterRepository counters) {
        this.counters = counters;
    }

    String next(int year) {
        ReferenceCounter counter = counters.lockYear(year)
                .orElseGet(() -> counters.saveAndFlush(new ReferenceCounter(year)));
        return "CONS-%d-%04d".formatted(year, counter.next());
    }
}
