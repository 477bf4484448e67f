package org.consilium.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutgoingEmailRepository extends JpaRepository<OutgoingEmail, Long> {

    @Query("select e.id from OutgoingEmail e where e.status = 'PENDING' and e.nextAttemptAt <= :now order by e.id")
    List<Long> findDue(Instant now, Pageable page);

    @Query("select e from OutgoingEmail e where e.status = 'FAILED' order by e.id desc")
    List<OutgoingEmail> findFailed(Pageable page);

    long countByStatus(OutgoingEmail.Status status);
}
