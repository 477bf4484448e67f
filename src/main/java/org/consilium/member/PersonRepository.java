package org.consilium.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    @Query("select p from Person p join fetch p.organisation left join fetch p.roles where p.username = :username")
    Optional<Person> findForSignIn(String username);

    boolean existsByUsername(String username);

    @Query("select p.id from Person p where p.active = true and :role member of p.roles")
    java.util.Set<Long> findActiveIdsWithRole(Role role);

    @Query("select p.id from Person p where p.active = true and p.organisation.id = :organisationId"
            + " and :role member of p.roles")
    java.util.Set<Long> findActiveIdsOfOrganisationWithRole(Long organisationId, Role role);

    /** Organisation and id of the active people of these organisations who hold a role. */
    @Query("select p.organisation.id, p.id from Person p where p.active = true and p.organisation.id in :organisationIds"
            + " and :role member of p.roles")
    java.util.List<Object[]> findActiveIdsOfOrganisationsWithRole(java.util.Collection<Long> organisationIds, Role role);

    /** Id, language and time zone of each person, without the rest of their row. */
    @Query("select p.id, p.language, p.timeZone from Person p where p.id in :ids")
    java.util.List<Object[]> findPreferences(java.util.Collection<Long> ids);

    @Query("select p.id from Person p where p.username = :username")
    Optional<Long> findIdByUsername(String username);

    @Query("""
            select new org.consilium.member.PersonSummary(p.id, p.fullName, o.id, o.name)
            from Person p join p.organisation o
            where p.active = true and :role member of p.roles
              and (lower(p.fullName) like lower(concat('%', :filter, '%'))
                   or lower(o.name) like lower(concat('%', :filter, '%')))
            order by p.fullName""")
    List<PersonSummary> findActiveWithRole(Role role, String filter, Pageable page);

    @Query("""
            select count(p) from Person p join p.organisation o
            where p.active = true and :role member of p.roles
              and (lower(p.fullName) like lower(concat('%', :filter, '%'))
                   or lower(o.name) like lower(concat('%', :filter, '%')))""")
    int countActiveWithRole(Role role, String filter);

    @Query("""
            select new org.consilium.member.PersonSummary(p.id, p.fullName, o.id, o.name)
            from Person p join p.organisation o where p.id in :ids""")
    List<PersonSummary> findSummaries(Collection<Long> ids);

    @Query("""
            select p from Person p join fetch p.organisation o
            where lower(p.username) like lower(concat('%', :filter, '%'))
               or lower(p.fullName) like lower(concat('%', :filter, '%'))
               or lower(o.name) like lower(concat('%', :filter, '%'))
            order by p.fullName, p.id""")
    List<Person> findForAdministration(String filter, Pageable page);

    @Query("""
            select count(p) from Person p join p.organisation o
            where lower(p.username) like lower(concat('%', :filter, '%'))
               or lower(p.fullName) like lower(concat('%', :filter, '%'))
               or lower(o.name) like lower(concat('%', :filter, '%'))""")
    int countForAdministration(String filter);

    @Query("select p.username from Person p where p.active = true and p.organisation.id = :organisationId")
    List<String> findActiveUsernamesOfOrganisation(Long organisationId);

    boolean existsByEmailIgnoreCaseAndActiveTrue(String email);
}
