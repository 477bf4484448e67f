package org.consilium.proposal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out CONS-&lt;year&gt;-&lt;nnnn&gt; without gaps: the year's counter row is locked until the
 * submitting transaction ends, so a rolled-back submission gives its number back.
 */
@Component
class ProposalReferences {

    private final ReferenceCounterRepository counters;
    private final TransactionTemplate ownTransaction;

    ProposalReferences(ReferenceCounterRepository counters, PlatformTransactionManager transactions) {
        this.counters = counters;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(int year) {
        ReferenceCounter counter = counters.lockYear(year).orElseGet(() -> {
            createYear(year);
            return counters.lockYear(year).orElseThrow();
        });
        return "CONS-%d-%04d".formatted(year, counter.next());
    }

    /**
     * A year's counter row is created in a transaction of its own, so that two first submissions of a
     * year cannot collide on it: the loser of the race finds the row and waits for its lock.
     */
    private void createYear(int year) {
        try {
            ownTransaction.executeWithoutResult(status -> counters.insertYear(year));
        } catch (DataIntegrityViolationException alreadyCreated) {
            // created meanwhile by a concurrent submission: fine
        }
    }
}
