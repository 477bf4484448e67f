package org.consilium.proposal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReferenceCounterRepository extends JpaRepository<ReferenceCounter, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ReferenceCounter c where c.year = :year")
    Optional<ReferenceCounter> lockYear(int year);

    /** A plain insert: fails on a row that exists, where save() would merge over it. */
    @Modifying
    @Query(value = "insert into proposal_reference_counter (reference_year, last_number) values (:year, 0)",
            nativeQuery = true)
    void insertYear(int year);
}
