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

    /*
     * The queries that take a list of ids are SQL: Hibernate 6.6 keeps no translation of a JPQL query with a list
     * parameter and translated each afresh at every call, while a native query's list is only written out
     * (docs/performance.md, lifecycle "Seventh round"). Like JPQL, a native query flushes the transaction's changes
     * first.
     */

    /** Organisation and id of the active people of these organisations who hold a role (the role's name). */
    @Query(value = "SELECT p.organisation_id, p.id FROM person p JOIN person_role r ON r.person_id = p.id"
            + " WHERE p.active = TRUE AND p.organisation_id IN (:organisationIds) AND r.role = :role",
            nativeQuery = true)
    List<Object[]> findActiveIdsOfOrganisationsWithRole(Collection<Long> organisationIds, String role);

    /** Id, language and time zone of each person, without the rest of their row. */
    @Query(value = "SELECT id, language, time_zone FROM person WHERE id IN (:ids)", nativeQuery = true)
    List<Object[]> findPreferences(Collection<Long> ids);

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

    /** Id, full name, organisation id and name of each person (SQL: a list parameter, see above). */
    @Query(value = "SELECT p.id, p.full_name, o.id, o.name FROM person p"
            + " JOIN organisation o ON o.id = p.organisation_id WHERE p.id IN (:ids)", nativeQuery = true)
    List<Object[]> findSummaries(Collection<Long> ids);

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
