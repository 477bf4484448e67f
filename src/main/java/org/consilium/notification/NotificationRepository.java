package org.consilium.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    long countByPersonIdAndReadAtIsNull(Long personId);

    @Query("select n from Notification n where n.personId = :personId order by n.createdAt desc, n.id desc")
    List<Notification> findLatest(Long personId, Pageable page);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.personId = :personId and n.readAt is null")
    int markAllRead(Long personId, Instant now);
}
