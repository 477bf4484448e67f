package org.consilium.member;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.consilium.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: an administrator invites someone by e-mail to an organisation with roles; the invitee follows
 * the one-time link, chooses a username and password, and is a person from then on. Every change is audited.
 */
@Service
@Transactional
public class InvitationService {

    private final InvitationRepository invitations;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final MemberService members;
    private final List<InvitationPost> post;
    private final InvitationSettings settings;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, OrganisationRepository organisations, PersonRepository people,
                      MemberService members, List<InvitationPost> post, InvitationSettings settings,
                      MessageSource messages, AuditTrail audit, Clock clock) {
        this.invitations = invitations;
        this.organisations = organisations;
        this.people = people;
        this.members = members;
        this.post = post;
        this.settings = settings;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Invites a person: stores the invitation (the token's hash only) and queues the e-mail with the link. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public IssuedInvitation invite(NewInvitation invitation) {
        String email = invitation.email() == null ? "" : invitation.email().strip();
        if (!MemberService.validEmail(email)) {
            throw members.invalid("email", "admin.person.error.email");
        }
        String fullName = invitation.fullName() == null ? "" : invitation.fullName().strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            throw members.invalid("fullName", "admin.person.error.fullName", 200);
        }
        Organisation organisation = invitation.organisationId() == null ? null
                : organisations.findById(invitation.organisationId()).filter(Organisation::isActive).orElse(null);
        if (organisation == null) {
            throw members.invalid("organisation", "admin.person.error.organisation");
        }
        if (invitation.roles() == null || invitation.roles().isEmpty()) {
            throw members.invalid("roles", "admin.person.error.roles");
        }
        String language = invitation.language() == null || !org.consilium.ui.Translations.speaks(invitation.language())
                ? "en" : invitation.language();
        Instant now = clock.instant();
        if (people.existsByEmailIgnoreCaseAndActiveTrue(email)) {
            throw members.invalid("email", "admin.invitation.error.hasAccount");
        }
        if (invitations.existsPendingFor(email, now)) {
            throw members.invalid("email", "admin.invitation.error.pending");
        }
        String actor = MemberService.actorName();
        String token = InvitationTokens.newToken();
        Invitation saved = invitations.save(new Invitation(InvitationTokens.hash(token), email, fullName, organisation,
                invitation.roles(), language, people.findIdByUsername(actor).orElse(null), displayName(actor), now,
                now.plus(settings.validFor())));
        boolean emailed = send(saved, token);
        audit.record("INVITATION_SENT", "invitation", "invitation #" + saved.getId(), "Invited " + fullName + " <"
                + email + "> to " + organisation.getName() + " with roles " + new TreeSet<>(saved.getRoles())
                + (emailed ? "" : " (no e-mail: link shown to the administrator)"), null);
        return new IssuedInvitation(saved.getId(), email, settings.link(token), emailed, saved.getExpiresAt());
    }

    /** Sends a pending or expired invitation again, with a new link and a new expiry: the earlier link stops working. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public IssuedInvitation resend(Long invitationId) {
        Invitation invitation = invitations.lockById(invitationId)
                .orElseThrow(() -> members.invalid("invitation", "admin.invitation.error.notFound"));
        Instant now = clock.instant();
        InvitationState state = invitation.state(now);
        if (state == InvitationState.USED || state == InvitationState.REVOKED) {
            throw members.invalid("invitation", "admin.invitation.error.closed." + state.name());
        }
        if (!invitation.getOrganisation().isActive()) {
            throw members.invalid("invitation", "admin.invitation.error.organisationInactive");
        }
        String token = InvitationTokens.newToken();
        invitation.resend(InvitationTokens.hash(token), now, now.plus(settings.validFor()));
        boolean emailed = send(invitation, token);
        audit.record("INVITATION_RESENT", "invitation", "invitation #" + invitationId, "Sent the invitation of "
                + invitation.getFullName() + " <" + invitation.getEmail() + "> again with a new link"
                + (state == InvitationState.EXPIRED ? " (it had expired)" : ""), null);
        return new IssuedInvitation(invitationId, invitation.getEmail(), settings.link(token), emailed,
                invitation.getExpiresAt());
    }

    /** Withdraws an invitation that has not been used: its link stops working. Cannot be undone (invite again). */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void revoke(Long invitationId, String reason) {
        members.requireReasonWithinLimit(reason);
        Invitation invitation = invitations.lockById(invitationId)
                .orElseThrow(() -> members.invalid("invitation", "admin.invitation.error.notFound"));
        InvitationState state = invitation.state(clock.instant());
        if (state == InvitationState.USED || state == InvitationState.REVOKED) {
            throw members.invalid("invitation", "admin.invitation.error.closed." + state.name());
        }
        invitation.revoke(clock.instant(), displayName(MemberService.actorName()));
        audit.record("INVITATION_REVOKED", "invitation", "invitation #" + invitationId, "Revoked the invitation of "
                + invitation.getFullName() + " <" + invitation.getEmail() + ">", reason);
    }

    /** Invitations, newest first: only those still open (pending or expired), or all. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional(readOnly = true)
    public List<InvitationRow> invitations(boolean openOnly, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        Instant now = clock.instant();
        return invitations.findForAdministration(openOnly, PageRequest.of(offset / size, size)).stream()
                .map(i -> i.row(now)).toList();
    }

    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional(readOnly = true)
    public int countInvitations(boolean openOnly) {
        return invitations.countForAdministration(openOnly);
    }

    /**
     * What the invitation link leads to, for anyone who has it (the invitee is not signed in). Refused with the
     * reason when the link is unknown, expired, used or revoked; a known link that no longer works is audited.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public InvitationOpening open(String token) {
        Invitation invitation = usable(find(token, false), token, "opened");
        return new InvitationOpening(invitation.getFullName(), invitation.getEmail(),
                invitation.getOrganisation().getName(), Set.copyOf(invitation.getRoles()), invitation.getInvitedByName(),
                invitation.getExpiresAt(), suggestedUsername(invitation.getEmail()), invitation.getLanguage());
    }

    /**
     * The invitee chooses a username and password: they become an active person of the organisation with the
     * invited roles and the language they read the invitation page in (else the invitation's), and the link is
     * used up. Username and password follow the rules of a registration ({@link MemberNotValid} names the field).
     */
    @PreAuthorize("permitAll()")
    @Transactional(noRollbackFor = InvitationRefused.class)
    public PersonSummary accept(String token, String username, String password, String language) {
        Invitation invitation = usable(find(token, true), token, "used to sign up");
        Person person = members.create(new NewPerson(username, invitation.getFullName(), invitation.getEmail(),
                password, invitation.getOrganisation().getId(), invitation.getRoles()), true);
        person.choose(language != null && org.consilium.ui.Translations.speaks(language) ? language
                : invitation.getLanguage(), null);
        invitation.use(clock.instant(), person.getId());
        audit.record(person.getId(), person.getUsername(), "PERSON_REGISTERED", "person", person.getUsername(),
                "Registered " + person.getFullName() + " of " + person.getOrganisation().getName() + " with roles "
                        + new TreeSet<>(person.getRoles()) + " through invitation #" + invitation.getId(), null);
        audit.record(person.getId(), person.getUsername(), "INVITATION_ACCEPTED", "invitation",
                "invitation #" + invitation.getId(), person.getFullName() + " accepted the invitation of "
                        + invitation.getInvitedByName() + " as " + person.getUsername(), null);
        return person.summary();
    }

    private Invitation find(String token, boolean lock) {
        if (!InvitationTokens.wellFormed(token)) {
            return null;
        }
        String hash = InvitationTokens.hash(token);
        return (lock ? invitations.lockByTokenHash(hash) : invitations.findByTokenHash(hash)).orElse(null);
    }

    private Invitation usable(Invitation invitation, String token, String what) {
        if (invitation == null) {
            throw new InvitationRefused(InvitationRefused.Reason.UNKNOWN);
        }
        InvitationRefused.Reason refusal = switch (invitation.state(clock.instant())) {
            case PENDING -> invitation.getOrganisation().isActive() ? null
                    : InvitationRefused.Reason.ORGANISATION_INACTIVE;
            case EXPIRED -> InvitationRefused.Reason.EXPIRED;
            case USED -> InvitationRefused.Reason.USED;
            case REVOKED -> InvitationRefused.Reason.REVOKED;
        };
        if (refusal != null) {
            // Kept although nothing else happens: opening is read-only (the entry gets its own transaction), and
            // accepting commits despite the refusal (noRollbackFor), having changed nothing before it.
            audit.record(null, "anonymous", "INVITATION_REFUSED", "invitation", "invitation #" + invitation.getId(),
                    "The link of the invitation of " + invitation.getFullName() + " was " + what + " but is "
                            + refusal.name().toLowerCase(Locale.ROOT).replace('_', ' '), null);
            throw new InvitationRefused(refusal);
        }
        return invitation;
    }

    /** How invitees and administrators see who acted: the full name, else the username. */
    private String displayName(String username) {
        return people.findForSignIn(username).map(Person::getFullName).orElse(username);
    }

    /** The e-mail's local part, made a valid username ("anna.de-vries"); the invitee may change it. */
    static String suggestedUsername(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", ".").replaceAll("^[._-]+", "");
        if (local.length() > 60) {
            local = local.substring(0, 60);
        }
        return local.matches("[a-z0-9][a-z0-9._-]{1,59}") ? local : "";
    }

    private boolean send(Invitation invitation, String token) {
        Locale locale = Locale.forLanguageTag(invitation.getLanguage() == null ? "en" : invitation.getLanguage());
        String roles = invitation.getRoles().stream().sorted()
                .map(r -> messages.getMessage("admin.role." + r.name(), null, locale))
                .collect(Collectors.joining(", "));
        String expires = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC)
                .format(invitation.getExpiresAt());
        String subject = messages.getMessage("admin.invitation.mail.subject", null, locale);
        String body = messages.getMessage("admin.invitation.mail.body", new Object[] {invitation.getFullName(),
                invitation.getInvitedByName(), invitation.getOrganisation().getName(), roles, settings.link(token),
                expires}, locale);
        boolean sent = false;
        for (InvitationPost office : post) {
            sent |= office.post(invitation.getEmail(), subject, body);
        }
        return sent;
    }
}
