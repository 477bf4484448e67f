package org.consilium.member;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Locks the invitation being accepted: two tabs, one link, one person. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.tokenHash = :tokenHash")
    Optional<Invitation> lockByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.id = :id")
    Optional<Invitation> lockById(Long id);

    @Query("""
            select i from Invitation i join fetch i.organisation
            where (:open = false or (i.usedAt is null and i.revokedAt is null))
            order by i.createdAt desc, i.id desc""")
    List<Invitation> findForAdministration(boolean open, Pageable page);

    @Query("select count(i) from Invitation i where (:open = false or (i.usedAt is null and i.revokedAt is null))")
    int countForAdministration(boolean open);

    @Query("""
            select count(i) > 0 from Invitation i
            where lower(i.email) = lower(:email) and i.usedAt is null and i.revokedAt is null
              and i.expiresAt > :now""")
    boolean existsPendingFor(String email, java.time.Instant now);
}
