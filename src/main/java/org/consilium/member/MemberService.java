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
    private final org.springframework.context.ApplicationEventPublisher events;

    MemberService(OrganisationRepository organisations, PersonRepository people,
                  PasswordEncoder passwordEncoder, Clock clock, AuditTrail audit,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
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
        return people.findActiveWithRole(role, literal(filter),
                PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)));
    }

    @PreAuthorize("isAuthenticated()")
    public int countPeopleWithRole(Role role, String filter) {
        return people.countActiveWithRole(role, literal(filter));
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
        String cleanName = name == null ? "" : name.strip();
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new MemberNotValid("name", "Give the organisation's name (at most 200 characters)");
        }
        if (!country.matches("[A-Z]{2}")) {
            throw new MemberNotValid("countryCode", "Give the two-letter country code (ISO 3166), e.g. NL");
        }
        if (type == null) {
            throw new MemberNotValid("type", "Choose the kind of organisation");
        }
        if (organisations.findByName(cleanName).isPresent()) {
            throw new MemberNotValid("name", "An organisation of this name is registered already");
        }
        name = cleanName;
        countryCode = country;
        OrganisationSummary saved = organisations.save(new Organisation(name, countryCode, type, clock.instant()))
                .summary();
        audit.record("ORGANISATION_REGISTERED", "organisation", "organisation #" + saved.id(),
                "Registered " + type.label().toLowerCase() + " \"" + name + "\" (" + countryCode + ")", null);
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public PersonSummary registerPerson(NewPerson person) {
        return register(person, true);
    }

    /** Demo accounts share the short demo password; every other account follows the password policy. */
    @Transactional
    PersonSummary register(NewPerson person, boolean enforcePolicy) {
        String username = person.username() == null ? "" : person.username().strip();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new MemberNotValid("username", "2 to 60 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (people.existsByUsername(username)) {
            throw new MemberNotValid("username", "This username is taken");
        }
        String fullName = person.fullName() == null ? "" : person.fullName().strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            throw new MemberNotValid("fullName", "Give the full name (at most 200 characters)");
        }
        String email = person.email() == null ? "" : person.email().strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new MemberNotValid("email", "Give a valid e-mail address");
        }
        if (person.roles() == null || person.roles().isEmpty()) {
            throw new MemberNotValid("roles", "Choose at least one role");
        }
        if (person.organisationId() == null || organisations.findById(person.organisationId()).isEmpty()) {
            throw new MemberNotValid("organisation", "Choose the organisation");
        }
        String weak = enforcePolicy ? PasswordPolicy.problem(person.password(), username, person.fullName()) : null;
        if (weak != null) {
            throw new MemberNotValid("password", weak);
        }
        Organisation organisation = organisation(person.organisationId());
        PersonSummary saved = people.save(new Person(username, fullName, email,
                passwordEncoder.encode(person.password()), organisation, person.roles(), clock.instant())).summary();
        audit.record("PERSON_REGISTERED", "person", username, "Registered " + fullName + " of "
                + organisation.getName() + " with roles " + person.roles(), null);
        return saved;
    }

    /** People for administration, paged and filtered in the database. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<PersonRow> people(String filter, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        return people.findForAdministration(literal(filter),
                PageRequest.of(offset / size, size)).stream().map(Person::row).toList();
    }

    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public int countPeople(String filter) {
        return people.countForAdministration(literal(filter));
    }

    /** Gives a person other roles; their sessions end, so that the new roles apply at their next sign-in. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void changeRoles(Long personId, Set<Role> roles, String reason) {
        if (roles == null || roles.isEmpty()) {
            throw new MemberNotValid("roles", "Choose at least one role, or deactivate the person instead");
        }
        requireReasonWithinLimit(reason);
        Person person = people.findById(personId).orElseThrow(() -> new MemberNotValid("person", "No such person"));
        Set<Role> before = Set.copyOf(person.getRoles());
        person.changeRoles(roles);
        audit.record("ROLES_CHANGED", "person", person.getUsername(), "Roles of " + person.getFullName() + ": "
                + new java.util.TreeSet<>(before) + " → " + new java.util.TreeSet<>(roles), reason);
        events.publishEvent(new PersonAccessChanged(person.getUsername()));
    }

    /** Deactivates a person: they can no longer sign in, and their open sessions end. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void deactivate(Long personId, String reason) {
        requireReasonWithinLimit(reason);
        Person person = people.findById(personId).orElseThrow(() -> new MemberNotValid("person", "No such person"));
        String self = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication().getName();
        if (person.getUsername().equals(self)) {
            throw new MemberNotValid("person", "You cannot deactivate yourself");
        }
        if (!person.isActive()) {
            throw new MemberNotValid("person", person.getFullName() + " is already deactivated");
        }
        person.deactivate();
        audit.record("PERSON_DEACTIVATED", "person", person.getUsername(), "Deactivated " + person.getFullName(),
                reason);
        events.publishEvent(new PersonAccessChanged(person.getUsername()));
    }

    private static void requireReasonWithinLimit(String reason) {
        if (reason != null && reason.length() > 4_000) {
            throw new MemberNotValid("reason", "At most 4000 characters");
        }
    }

    /** Escapes LIKE's wildcards in a typed filter, so that they match themselves (backslash: H2's and MySQL's default). */
    static String literal(String filter) {
        String text = filter == null ? "" : filter.strip();
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
