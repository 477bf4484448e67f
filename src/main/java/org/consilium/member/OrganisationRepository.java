package org.consilium.member;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    List<Organisation> findByActiveTrueOrderByName();

    Optional<Organisation> findByName(String name);

    Optional<Organisation> findFirstByTypeAndActiveTrueOrderById(OrganisationType type);

    @Query("select o.id from Organisation o where o.active = true"
            + " and o.type = org.consilium.member.OrganisationType.PATIENT_ORGANISATION")
    Set<Long> findActivePatientOrganisationIds();
}
