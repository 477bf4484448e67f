package org.consilium.member;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's language and time zone: read at every sign-in, changed only by the person. */
@Service
@Transactional(readOnly = true)
public class PreferenceService {

    /** The language codes the portal speaks: one per translation file (see ui.Translations). */
    public static final Set<String> LANGUAGES = Translations.languages().stream().map(java.util.Locale::getLanguage)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final PersonRepository people;
    private final CurrentUser currentUser;

    PreferenceService(PersonRepository people, CurrentUser currentUser) {
        this.people = people;
        this.currentUser = currentUser;
    }

    @PreAuthorize("isAuthenticated()")
    public Preferences mine() {
        return people.findById(currentUser.require().personId())
                .map(p -> new Preferences(p.getLanguage(), p.getTimeZone()))
                .orElse(new Preferences(null, null));
    }

    /** Read for e-mails and documents addressed to a person, whoever is signed in. */
    public Preferences of(Long personId) {
        return people.findById(personId).map(p -> new Preferences(p.getLanguage(), p.getTimeZone()))
                .orElse(new Preferences(null, null));
    }

    /** The same for many recipients at once (one query); those not found have no preference. */
    public java.util.Map<Long, Preferences> of(java.util.Collection<Long> personIds) {
        java.util.Map<Long, Preferences> chosen = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            people.findPreferences(personIds).forEach(row ->
                    chosen.put(((Number) row[0]).longValue(), new Preferences((String) row[1], (String) row[2])));
        }
        personIds.forEach(id -> chosen.putIfAbsent(id, new Preferences(null, null)));
        return chosen;
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void choose(String language, String timeZone) {
        if (language != null && !Translations.speaks(language)) {
            throw new MemberNotValid("language", "The portal does not speak \"" + language + "\".");
        }
        if (timeZone != null && !isZone(timeZone)) {
            throw new MemberNotValid("timeZone", "\"" + timeZone + "\" is not a time zone.");
        }
        Person me = people.findById(currentUser.require().personId()).orElseThrow();
        me.choose(language, timeZone);
    }

    static boolean isZone(String id) {
        try {
            return Optional.of(ZoneId.of(id)).isPresent() && id.length() <= 60;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
