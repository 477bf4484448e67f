package org.consilium.member;

import java.time.Clock;
import org.consilium.audit.AuditTrail;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member directory: organisations and the people who act for them. */
@Service
@Transactional(readOnly = true)
public class MemberService {

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AuditTrail audit;

    MemberService(OrganisationRepository organisations, PersonRepository people,
                  PasswordEncoder passwordEncoder, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.organisations = organisations;
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Used before anyone is signed in, by the sign-in itself. */
    public Optional<SignInAccount> findAccount(String username) {
        return people.findForSignIn(username).map(p -> new SignInAccount(
                p.getId(), p.getUsername(), p.getPasswordHash(), p.getFullName(),
                p.getOrganisation().getId(), p.getOrganisation().getName(),
                Set.copyOf(p.getRoles()), p.isActive() && p.getOrganisation().isActive()));
    }

    @PreAuthorize("isAuthenticated()")
    public List<OrganisationSummary> activeOrganisations() {
        return organisations.findByActiveTrueOrderByName().stream().map(Organisation::summary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public List<PersonSummary> findPeopleWithRole(Role role, String filter, int offset, int limit) {
        return people.findActiveWithRole(role, filter == null ? "" : filter.strip(),
                PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)));
    }

    @PreAuthorize("isAuthenticated()")
    public int countPeopleWithRole(Role role, String filter) {
        return people.countActiveWithRole(role, filter == null ? "" : filter.strip());
    }

    @PreAuthorize("isAuthenticated()")
    public Map<Long, PersonSummary> summaries(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return people.findSummaries(personIds).stream()
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /** For other features' entities to point at an organisation; fails if it does not exist. */
    @PreAuthorize("isAuthenticated()")
    public Organisation organisation(Long id) {
        return organisations.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("No organisation with id " + id));
    }

    /** For other features' entities to point at a person; fails if it does not exist. */
    @PreAuthorize("isAuthenticated()")
    public Person person(Long id) {
        return people.findById(id).orElseThrow(() -> new IllegalArgumentException("No person with id " + id));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public OrganisationSummary registerOrganisation(String name, String countryCode, OrganisationType type) {
        OrganisationSummary saved = organisations.save(new Organisation(name, countryCode, type, clock.instant()))
                .summary();
        audit.record("ORGANISATION_REGISTERED", "organisation", "organisation #" + saved.id(),
                "Registered " + type.label().toLowerCase() + " \"" + name + "\" (" + countryCode + ")", null);
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public PersonSummary registerPerson(NewPerson person) {
        Organisation organisation = organisation(person.organisationId());
        PersonSummary saved = people.save(new Person(person.username(), person.fullName(), person.email(),
                passwordEncoder.encode(person.password()), organisation, person.roles(), clock.instant())).summary();
        audit.record("PERSON_REGISTERED", "person", person.username(), "Registered " + person.fullName() + " of "
                + organisation.getName() + " with roles " + person.roles(), null);
        return saved;
    }

    /** E-mail addresses of active people, for notifications. */
    public Map<Long, String> emailAddresses(Collection<Long> personIds) {
        return people.findAllById(personIds).stream().filter(Person::isActive)
                .collect(Collectors.toMap(Person::getId, Person::getEmail));
    }

    /** Everyone active who holds a role, for tasks offered to that role. */
    public Set<Long> activePeopleWithRole(Role role) {
        return people.findActiveIdsWithRole(role);
    }

    /** The active people of one organisation who hold a role (e.g. its patient representatives). */
    public Set<Long> activePeopleOfOrganisationWithRole(Long organisationId, Role role) {
        return people.findActiveIdsOfOrganisationWithRole(organisationId, role);
    }

    public java.util.Optional<Long> personIdOf(String username) {
        return people.findIdByUsername(username);
    }

    /** Organisation names by id, for showing who decided what. */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        return organisations.findAllById(ids).stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
    }

    /** The organisations that vote in a patient review; used by the workflow, with or without a user. */
    public Set<Long> activePatientOrganisationIds() {
        return organisations.findActivePatientOrganisationIds();
    }

    /** The foundation itself: the second party to every data-access agreement. */
    public Optional<OrganisationSummary> foundation() {
        return organisations.findFirstByTypeAndActiveTrueOrderById(OrganisationType.FOUNDATION)
                .map(Organisation::summary);
    }

    /**
     * Whether a password is the person's own, for actions that ask for it again (signing). Refuses a
     * deactivated person as if the password were wrong.
     */
    public boolean passwordMatches(Long personId, String rawPassword) {
        if (rawPassword == null || rawPassword.isEmpty()) {
            return false;
        }
        return people.findById(personId).filter(Person::isActive)
                .map(p -> passwordEncoder.matches(rawPassword, p.getPasswordHash())).orElse(false);
    }

    public boolean hasPeople() {
        return people.count() > 0;
    }
}
