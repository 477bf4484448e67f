package org.consilium.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last reference number handed out in a year; read under a row lock. */
@Entity
@Table(name = "proposal_reference_counter")
class ReferenceCounter {

    @Id
    @Column(name = "reference_year")
    private Integer year;

    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected ReferenceCounter() {
    }

    int next() {
        return ++lastNumber;
    }
}
