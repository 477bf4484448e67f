package org.consilium.member;

import static org.consilium.member.OrganisationType.*;
import static org.consilium.member.Role.*;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo organisations and users (password {@value #PASSWORD}) for the embedded default. Never under the
 * {@code mysql} profile, and only while {@code consilium.demo-data} is true.
 */
@Component
@Profile("!mysql")
@ConditionalOnProperty(name = "consilium.demo-data", havingValue = "true")
@Order(1)
public class DemoMembers implements ApplicationRunner {

    public static final String PASSWORD = "demo";
    static final String FOUNDATION_NAME = "European Haematology Data Foundation";

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    /** A demo user as listed on the sign-in page. */
    public record DemoAccount(String username, String description) {
    }

    private record Org(String name, String country, OrganisationType type) {
    }

    private record User(String username, String fullName, String organisation, Set<Role> roles) {
    }

    private static final List<Org> ORGANISATIONS = List.of(
            new Org(FOUNDATION_NAME, "NL", OrganisationType.FOUNDATION),
            new Org("Rijnland University Hospital", "NL", HOSPITAL),
            new Org("Université Lyon-Rhône", "FR", UNIVERSITY),
            new Org("Hospital Clínico Salamanca Norte", "ES", HOSPITAL),
            new Org("Universitätsklinikum Heidelberg-Süd", "DE", HOSPITAL),
            new Org("Istituto Ematologico di Bologna", "IT", HOSPITAL),
            new Org("Stockholm Institute of Haematology", "SE", UNIVERSITY),
            new Org("European Society for Blood Research", "BE", MEDICAL_ASSOCIATION),
            new Org("Polskie Towarzystwo Hematologów", "PL", MEDICAL_ASSOCIATION),
            new Org("NordPharma AG", "CH", PHARMACEUTICAL_COMPANY),
            new Org("Helix Thérapeutiques SA", "FR", PHARMACEUTICAL_COMPANY),
            new Org("DataCell Analytics BV", "NL", SME),
            new Org("Aurora Genomics Lda", "PT", TECHNOLOGY_COMPANY),
            new Org("Leukaemia Patients Europe", "BE", PATIENT_ORGANISATION),
            new Org("Myeloma Patients Alliance", "NL", PATIENT_ORGANISATION),
            new Org("Association française des malades du lymphome", "FR", PATIENT_ORGANISATION),
            new Org("Deutsche Leukämie-Patientenhilfe", "DE", PATIENT_ORGANISATION),
            new Org("Asociación Española de Pacientes con Linfoma", "ES", PATIENT_ORGANISATION),
            new Org("Associazione Italiana Pazienti Mieloma", "IT", PATIENT_ORGANISATION),
            new Org("Nordic CML Patient Network", "SE", PATIENT_ORGANISATION),
            new Org("Stowarzyszenie Chorych na Białaczkę", "PL", PATIENT_ORGANISATION),
            new Org("MPN Patients Ireland", "IE", PATIENT_ORGANISATION));

    private static final List<User> USERS = List.of(
            new User("researcher", "Dr Anna de Vries", "Rijnland University Hospital", EnumSet.of(RESEARCHER)),
            new User("researcher2", "Prof. Jean-Luc Moreau", "Université Lyon-Rhône", EnumSet.of(RESEARCHER)),
            new User("patient", "Margaret O'Neill", "Leukaemia Patients Europe", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient2", "Pieter Bakker", "Myeloma Patients Alliance", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient3", "Hélène Dubois", "Association française des malades du lymphome", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient4", "Jürgen Schäfer", "Deutsche Leukämie-Patientenhilfe", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient5", "Lucía Fernández", "Asociación Española de Pacientes con Linfoma", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient6", "Giulia Bianchi", "Associazione Italiana Pazienti Mieloma", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient7", "Lars Lindqvist", "Nordic CML Patient Network", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient8", "Agnieszka Wójcik", "Stowarzyszenie Chorych na Białaczkę", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("patient9", "Siobhán Murphy", "MPN Patients Ireland", EnumSet.of(PATIENT_REPRESENTATIVE)),
            new User("ethics", "Dr Ingrid Solberg", FOUNDATION_NAME, EnumSet.of(ETHICS_REVIEWER)),
            new User("signatory", "Maarten Jansen", "Rijnland University Hospital", EnumSet.of(SIGNATORY)),
            new User("staff", "Sofia Marques", FOUNDATION_NAME, EnumSet.of(STAFF)),
            new User("director", "Dr Elena Rossi", FOUNDATION_NAME, EnumSet.of(STAFF, SIGNATORY)),
            new User("admin", "Tomasz Nowak", FOUNDATION_NAME, EnumSet.of(ADMINISTRATOR)));

    private final MemberService members;

    DemoMembers(MemberService members) {
        this.members = members;
    }

    public List<DemoAccount> accounts() {
        return USERS.stream().map(u -> new DemoAccount(u.username(),
                u.fullName() + " — " + u.roles().stream().map(Role::label).reduce((a, b) -> a + ", " + b).orElse("")
                        + ", " + u.organisation())).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (members.hasPeople()) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("demo-data", null,
                AuthorityUtils.createAuthorityList("ROLE_" + ADMINISTRATOR.name())));
        SecurityContextHolder.setContext(context);
        try {
            Map<String, Long> organisationIds = new LinkedHashMap<>();
            for (Org org : ORGANISATIONS) {
                organisationIds.put(org.name(), members.registerOrganisation(org.name(), org.country(), org.type()).id());
            }
            for (User user : USERS) {
                members.register(new NewPerson(user.username(), user.fullName(),
                        user.username() + "@demo.consilium.example", PASSWORD,
                        organisationIds.get(user.organisation()), user.roles()), false);
            }
            log.info("Demo data: {} organisations and {} users with password '{}'",
                    ORGANISATIONS.size(), USERS.size(), PASSWORD);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
