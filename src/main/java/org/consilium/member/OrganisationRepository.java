package org.consilium.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    List<Organisation> findByActiveTrueOrderByName();

    Optional<Organisation> findByName(String name);

    /** The first active organisation of a type (JPQL: a derived query translates a criteria query per call). */
    @Query("select o from Organisation o where o.type = :type and o.active = true order by o.id limit 1")
    Optional<Organisation> findFirstActiveOfType(OrganisationType type);

    @Query("select o.id from Organisation o where o.active = true"
            + " and o.type = org.consilium.member.OrganisationType.PATIENT_ORGANISATION")
    Set<Long> findActivePatientOrganisationIds();

    /**
     * Id and name of each organisation, without the rest of it (docs/performance.md, UI, eighth session). SQL: with a
     * list parameter, Hibernate translates JPQL afresh at every call (lifecycle, "Seventh round").
     */
    @Query(value = "SELECT id, name FROM organisation WHERE id IN (:ids)", nativeQuery = true)
    List<Object[]> findNamesByIdIn(Collection<Long> ids);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

    long countByTypeAndActiveTrue(OrganisationType type);

    @Query("""
            select new org.consilium.member.OrganisationRow(o.id, o.name, o.countryCode, o.type, o.active,
                (select count(p) from Person p where p.organisation = o and p.active = true), o.lockVersion)
            from Organisation o
            where lower(o.name) like lower(concat('%', :name, '%'))
              and (:country is null or o.countryCode = :country)
              and (:type is null or o.type = :type)
              and (:active is null or o.active = :active)""")
    List<OrganisationRow> findForAdministration(String name, String country, OrganisationType type, Boolean active,
                                                Pageable page);

    @Query("""
            select count(o) from Organisation o
            where lower(o.name) like lower(concat('%', :name, '%'))
              and (:country is null or o.countryCode = :country)
              and (:type is null or o.type = :type)
              and (:active is null or o.active = :active)""")
    int countForAdministration(String name, String country, OrganisationType type, Boolean active);
}
