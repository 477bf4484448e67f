package org.consilium.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    /** Country codes of ISO 3166-1 alpha-2. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    MemberService(OrganisationRepository organisations, PersonRepository people,
                  PasswordEncoder passwordEncoder, Clock clock, AuditTrail audit,
                  ApplicationEventPublisher events, MessageSource messages) {
        this.audit = audit;
        this.events = events;
        this.messages = messages;
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
                .map(row -> new PersonSummary(((Number) row[0]).longValue(), (String) row[1],
                        ((Number) row[2]).longValue(), (String) row[3]))
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
        String cleanName = organisationName(name);
        String country = countryCode(countryCode);
        requireType(type);
        if (organisations.existsByNameIgnoreCase(cleanName)) {
            throw invalid("name", "admin.organisation.error.nameTaken");
        }
        OrganisationSummary saved = organisations.save(new Organisation(cleanName, country, type, clock.instant()))
                .summary();
        audit.record("ORGANISATION_REGISTERED", "organisation", "organisation #" + saved.id(),
                "Registered " + type.label().toLowerCase(Locale.ROOT) + " \"" + cleanName + "\" (" + country + ")", null);
        return saved;
    }

    /** Organisations for administration, filtered and sorted in the database. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<OrganisationRow> organisations(OrganisationFilter filter, OrganisationSort sortBy, boolean descending,
                                               int offset, int limit) {
        OrganisationFilter f = filter == null ? OrganisationFilter.none() : filter;
        int size = Math.max(1, Math.min(limit, 200));
        Sort sort = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC,
                (sortBy == null ? OrganisationSort.NAME : sortBy).property()).and(Sort.by("id"));
        return organisations.findForAdministration(literal(f.name()), countryFilter(f.countryCode()), f.type(),
                f.active(), PageRequest.of(offset / size, size, sort));
    }

    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public int countOrganisations(OrganisationFilter filter) {
        OrganisationFilter f = filter == null ? OrganisationFilter.none() : filter;
        return organisations.countForAdministration(literal(f.name()), countryFilter(f.countryCode()), f.type(),
                f.active());
    }

    /**
     * Renames an organisation, or corrects its country or kind. Refused if another administrator saved it since
     * {@code lockVersion} was read. A patient organisation takes part in every voting round opened while it is
     * one; rounds already open keep their organisations.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public OrganisationRow updateOrganisation(Long id, long lockVersion, String name, String countryCode,
                                              OrganisationType type) {
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> invalid("organisation", "admin.organisation.error.notFound"));
        if (organisation.getLockVersion() != lockVersion) {
            throw invalid("organisation", "admin.organisation.error.changedElsewhere");
        }
        String cleanName = organisationName(name);
        String country = countryCode(countryCode);
        requireType(type);
        if (organisations.existsByNameIgnoreCaseAndIdNot(cleanName, id)) {
            throw invalid("name", "admin.organisation.error.nameTaken");
        }
        if (organisation.getType() == OrganisationType.FOUNDATION && type != OrganisationType.FOUNDATION
                && organisation.isActive() && organisations.countByTypeAndActiveTrue(OrganisationType.FOUNDATION) == 1) {
            throw invalid("type", "admin.organisation.error.lastFoundation");
        }
        List<String> changes = new ArrayList<>();
        if (!organisation.getName().equals(cleanName)) {
            changes.add("name \"" + organisation.getName() + "\" → \"" + cleanName + "\"");
        }
        if (!organisation.getCountryCode().equals(country)) {
            changes.add("country " + organisation.getCountryCode() + " → " + country);
        }
        if (organisation.getType() != type) {
            changes.add("type " + organisation.getType().label() + " → " + type.label());
        }
        if (!changes.isEmpty()) {
            organisation.change(cleanName, country, type);
            organisations.flush(); // the row given back carries the new lock version
            audit.record("ORGANISATION_CHANGED", "organisation", "organisation #" + id,
                    "Changed \"" + cleanName + "\": " + String.join("; ", changes), null);
        }
        return organisationRow(organisation);
    }

    /**
     * Deactivates an organisation: none of its people can sign in any more (see {@link #findAccount}) and their
     * open sessions end; it joins no new voting round, and its invitations can no longer be accepted. Its people
     * and records stay, and it can be reactivated. Refused for the administrator's own organisation and for the
     * only active foundation (the second party to every agreement).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public int deactivateOrganisation(Long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason", "admin.organisation.error.reasonRequired");
        }
        requireReasonWithinLimit(reason);
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> invalid("organisation", "admin.organisation.error.notFound"));
        if (!organisation.isActive()) {
            throw invalid("organisation", "admin.organisation.error.alreadyInactive", organisation.getName());
        }
        Optional<Long> ownOrganisation = people.findForSignIn(actorName()).map(p -> p.getOrganisation().getId());
        if (ownOrganisation.filter(id::equals).isPresent()) {
            throw invalid("organisation", "admin.organisation.error.ownOrganisation");
        }
        if (organisation.getType() == OrganisationType.FOUNDATION
                && organisations.countByTypeAndActiveTrue(OrganisationType.FOUNDATION) == 1) {
            throw invalid("organisation", "admin.organisation.error.lastFoundation");
        }
        List<String> usernames = people.findActiveUsernamesOfOrganisation(id);
        organisation.deactivate();
        audit.record("ORGANISATION_DEACTIVATED", "organisation", "organisation #" + id, "Deactivated \""
                + organisation.getName() + "\": " + (usernames.size() == 1 ? "1 active person" : usernames.size()
                + " active people") + " can no longer sign in", reason);
        usernames.forEach(username -> events.publishEvent(new PersonAccessChanged(username)));
        return usernames.size();
    }

    /** Lets an organisation's active people sign in again; it joins voting rounds opened from now on. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void reactivateOrganisation(Long id, String reason) {
        requireReasonWithinLimit(reason);
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> invalid("organisation", "admin.organisation.error.notFound"));
        if (organisation.isActive()) {
            throw invalid("organisation", "admin.organisation.error.alreadyActive", organisation.getName());
        }
        organisation.reactivate();
        audit.record("ORGANISATION_REACTIVATED", "organisation", "organisation #" + id, "Reactivated \""
                + organisation.getName() + "\"", reason);
    }

    private OrganisationRow organisationRow(Organisation o) {
        return new OrganisationRow(o.getId(), o.getName(), o.getCountryCode(), o.getType(), o.isActive(),
                people.findActiveUsernamesOfOrganisation(o.getId()).size(), o.getLockVersion());
    }

    private String organisationName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw invalid("name", "admin.organisation.error.name", 200);
        }
        return clean;
    }

    private String countryCode(String countryCode) {
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}") || !COUNTRIES.contains(country)) {
            throw invalid("countryCode", "admin.organisation.error.country");
        }
        return country;
    }

    private static String countryFilter(String countryCode) {
        return countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toUpperCase(Locale.ROOT);
    }

    private void requireType(OrganisationType type) {
        if (type == null) {
            throw invalid("type", "admin.organisation.error.type");
        }
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public PersonSummary registerPerson(NewPerson person) {
        return register(person, true);
    }

    /** Demo accounts share the short demo password; every other account follows the password policy. */
    @Transactional
    PersonSummary register(NewPerson person, boolean enforcePolicy) {
        Person saved = create(person, enforcePolicy);
        audit.record("PERSON_REGISTERED", "person", saved.getUsername(), "Registered " + saved.getFullName() + " of "
                + saved.getOrganisation().getName() + " with roles " + new TreeSet<>(saved.getRoles()), null);
        return saved.summary();
    }

    /** Checks and stores a new person; the caller writes the audit entry (a registration or an invitation). */
    Person create(NewPerson person, boolean enforcePolicy) {
        String username = person.username() == null ? "" : person.username().strip();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw invalid("username", "admin.person.error.username");
        }
        if (people.existsByUsername(username)) {
            throw invalid("username", "admin.person.error.usernameTaken");
        }
        String fullName = person.fullName() == null ? "" : person.fullName().strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            throw invalid("fullName", "admin.person.error.fullName", 200);
        }
        String email = person.email() == null ? "" : person.email().strip();
        if (!validEmail(email)) {
            throw invalid("email", "admin.person.error.email");
        }
        if (person.roles() == null || person.roles().isEmpty()) {
            throw invalid("roles", "admin.person.error.roles");
        }
        if (person.organisationId() == null || organisations.findById(person.organisationId()).isEmpty()) {
            throw invalid("organisation", "admin.person.error.organisation");
        }
        PasswordPolicy.Refusal weak = enforcePolicy ? PasswordPolicy.problem(person.password(), username,
                person.fullName()) : null;
        if (weak != null) {
            throw invalid("password", weak.key(), weak.args());
        }
        Organisation organisation = organisation(person.organisationId());
        return people.save(new Person(username, fullName, email, passwordEncoder.encode(person.password()),
                organisation, person.roles(), clock.instant()));
    }

    static boolean validEmail(String email) {
        return email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 254;
    }

    /** A refusal naming the field, with its text in English and the key screens translate. */
    MemberNotValid invalid(String field, String key, Object... args) {
        return new MemberNotValid(field, messages.getMessage(key, args, Locale.ENGLISH), key, args);
    }

    /** The signed-in person's username (or the test's principal name). */
    static String actorName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
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
            throw invalid("roles", "admin.person.error.rolesOrDeactivate");
        }
        requireReasonWithinLimit(reason);
        Person person = people.findById(personId).orElseThrow(() -> invalid("person", "admin.person.error.notFound"));
        Set<Role> before = Set.copyOf(person.getRoles());
        person.changeRoles(roles);
        audit.record("ROLES_CHANGED", "person", person.getUsername(), "Roles of " + person.getFullName() + ": "
                + new TreeSet<>(before) + " → " + new TreeSet<>(roles), reason);
        events.publishEvent(new PersonAccessChanged(person.getUsername()));
    }

    /** Deactivates a person: they can no longer sign in, and their open sessions end. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void deactivate(Long personId, String reason) {
        requireReasonWithinLimit(reason);
        Person person = people.findById(personId).orElseThrow(() -> invalid("person", "admin.person.error.notFound"));
        if (person.getUsername().equals(actorName())) {
            throw invalid("person", "admin.person.error.deactivateSelf");
        }
        if (!person.isActive()) {
            throw invalid("person", "admin.person.error.alreadyInactive", person.getFullName());
        }
        person.deactivate();
        audit.record("PERSON_DEACTIVATED", "person", person.getUsername(), "Deactivated " + person.getFullName(),
                reason);
        events.publishEvent(new PersonAccessChanged(person.getUsername()));
    }

    void requireReasonWithinLimit(String reason) {
        if (reason != null && reason.length() > 4_000) {
            throw invalid("reason", "admin.reason.tooLong", 4_000);
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

    /** The same for several organisations with one query: the people by organisation (none: an empty set). */
    public Map<Long, Set<Long>> activePeopleOfOrganisationsWithRole(java.util.Collection<Long> organisationIds,
                                                                   Role role) {
        Map<Long, Set<Long>> people = new java.util.HashMap<>();
        organisationIds.forEach(id -> people.put(id, new java.util.HashSet<>()));
        if (!organisationIds.isEmpty()) {
            this.people.findActiveIdsOfOrganisationsWithRole(organisationIds, role.name())
                    .forEach(row -> people.get(((Number) row[0]).longValue()).add(((Number) row[1]).longValue()));
        }
        return people;
    }

    public java.util.Optional<Long> personIdOf(String username) {
        return people.findIdByUsername(username);
    }

    /** Organisation names by id, for showing who decided what. */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return organisations.findNamesByIdIn(ids).stream()
                .collect(Collectors.toMap(row -> ((Number) row[0]).longValue(), row -> (String) row[1]));
    }

    /** The organisations that vote in a patient review; used by the workflow, with or without a user. */
    public Set<Long> activePatientOrganisationIds() {
        return organisations.findActivePatientOrganisationIds();
    }

    /** The foundation itself: the second party to every data-access agreement. */
    public Optional<OrganisationSummary> foundation() {
        return organisations.findFirstActiveOfType(OrganisationType.FOUNDATION)
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
