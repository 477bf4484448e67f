package org.consilium.perf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;

/**
 * The generated member directory: about 120 organisations (the foundation, 15 patient organisations,
 * hospitals, universities, associations and companies) and a few thousand people. Every generated
 * username starts with {@code perf.}; all share {@link ProposalGenerator#PASSWORD}.
 */
final class Population {

    static final int ORGANISATIONS = 120;
    static final int PATIENT_ORGANISATIONS = 15;
    static final int REPRESENTATIVES_PER_PATIENT_ORGANISATION = 3;

    record Org(long id, String name, String country, OrganisationType type) {
    }

    record Human(long id, String username, String fullName, Org org, Set<Role> roles) {
    }

    Org foundation;
    boolean foundationIsNew;
    final List<Org> organisations = new ArrayList<>();
    final List<Org> patientOrganisations = new ArrayList<>();
    final List<Org> researchOrganisations = new ArrayList<>();
    final List<Human> people = new ArrayList<>();
    final List<Human> staff = new ArrayList<>();
    final List<Human> administrators = new ArrayList<>();
    final List<Human> ethicsReviewers = new ArrayList<>();
    final List<Human> researchers = new ArrayList<>();
    final Map<Long, List<Human>> representatives = new LinkedHashMap<>();
    final Map<Long, List<Human>> signatories = new LinkedHashMap<>();

    private static final String[][] CITIES = {
            {"Amsterdam", "NL"}, {"Rotterdam", "NL"}, {"Utrecht", "NL"}, {"Leiden", "NL"}, {"Groningen", "NL"},
            {"Lyon", "FR"}, {"Marseille", "FR"}, {"Toulouse", "FR"}, {"Lille", "FR"}, {"Nantes", "FR"},
            {"Bordeaux", "FR"}, {"Heidelberg", "DE"}, {"München", "DE"}, {"Köln", "DE"}, {"Hamburg", "DE"},
            {"Dresden", "DE"}, {"Freiburg", "DE"}, {"Bologna", "IT"}, {"Milano", "IT"}, {"Torino", "IT"},
            {"Napoli", "IT"}, {"Padova", "IT"}, {"Salamanca", "ES"}, {"Valencia", "ES"}, {"Sevilla", "ES"},
            {"Barcelona", "ES"}, {"Bilbao", "ES"}, {"Stockholm", "SE"}, {"Uppsala", "SE"}, {"Göteborg", "SE"},
            {"København", "DK"}, {"Aarhus", "DK"}, {"Oslo", "NO"}, {"Bergen", "NO"}, {"Helsinki", "FI"},
            {"Tampere", "FI"}, {"Kraków", "PL"}, {"Warszawa", "PL"}, {"Gdańsk", "PL"}, {"Praha", "CZ"},
            {"Brno", "CZ"}, {"Wien", "AT"}, {"Graz", "AT"}, {"Zürich", "CH"}, {"Basel", "CH"}, {"Bruxelles", "BE"},
            {"Leuven", "BE"}, {"Gent", "BE"}, {"Dublin", "IE"}, {"Cork", "IE"}, {"Lisboa", "PT"}, {"Porto", "PT"},
            {"Athína", "GR"}, {"Thessaloníki", "GR"}, {"Budapest", "HU"}, {"Ljubljana", "SI"}, {"Zagreb", "HR"},
            {"Tallinn", "EE"}, {"Vilnius", "LT"}, {"Riga", "LV"}};
    private static final String[] DISEASES = {"Leukaemia", "Myeloma", "Lymphoma", "CML", "MDS", "MPN", "Blood Cancer",
            "Hodgkin", "AML", "CLL"};
    private static final String[] COMPANY_STEMS = {"Helix", "Nord", "Aurora", "Vireo", "Cellion", "Medra", "Quanta",
            "Lumen", "Boreal", "Sanova", "Orbis", "Kinetic", "Vita", "Stellar", "Corvus"};
    private static final String[] FIRST = {"Anna", "Jan", "Sophie", "Pieter", "Marie", "Lucas", "Elena", "Marco",
            "Giulia", "Luca", "Lucía", "Javier", "Ingrid", "Lars", "Agnieszka", "Tomasz", "Hélène", "Jean-Luc",
            "Jürgen", "Katrin", "Siobhán", "Seán", "Eva", "Jiří", "Zsófia", "András", "Maria", "João", "Eleni",
            "Nikos", "Mette", "Søren", "Aino", "Mikko", "Kristīne", "Jonas", "Ana", "Luka", "Chloé", "Matteo"};
    private static final String[] LAST = {"de Vries", "Jansen", "Bakker", "Moreau", "Dubois", "Lefèvre", "Schäfer",
            "Müller", "Weber", "Rossi", "Bianchi", "Ferrari", "Fernández", "García", "Martínez", "Lindqvist",
            "Andersson", "Nowak", "Wójcik", "Kowalski", "Murphy", "O'Neill", "Novák", "Svoboda", "Nagy", "Kovács",
            "Silva", "Santos", "Papadopoulos", "Nielsen", "Hansen", "Virtanen", "Korhonen", "Bērziņš", "Kazlauskas",
            "Horvat", "Kovačič", "Tamm", "Marques", "Solberg"};

    /** Chooses the directory for a run of {@code proposals} proposals; ids are assigned by the caller. */
    static Population plan(int proposals, Random random, IdSequence ids, Org existingFoundation) {
        Population p = new Population();
        Set<String> names = new HashSet<>();
        if (existingFoundation != null) {
            p.foundation = existingFoundation;
        } else {
            p.foundation = new Org(ids.next("organisation"), "European Haematology Data Foundation", "NL",
                    OrganisationType.FOUNDATION);
            p.foundationIsNew = true;
        }
        names.add(p.foundation.name());
        int city = 0;
        for (int i = 0; i < PATIENT_ORGANISATIONS; i++) {
            String[] c = CITIES[(i * 7) % CITIES.length];
            String name = unique(names, DISEASES[i % DISEASES.length] + " Patients " + country(c[1]));
            p.patientOrganisations.add(new Org(ids.next("organisation"), name, c[1], OrganisationType.PATIENT_ORGANISATION));
        }
        int others = ORGANISATIONS - 1 - PATIENT_ORGANISATIONS;
        for (int i = 0; i < others; i++) {
            String[] c = CITIES[city++ % CITIES.length];
            OrganisationType type = i < 45 ? OrganisationType.HOSPITAL : i < 75 ? OrganisationType.UNIVERSITY
                    : i < 83 ? OrganisationType.MEDICAL_ASSOCIATION : i < 92 ? OrganisationType.PHARMACEUTICAL_COMPANY
                    : i < 98 ? OrganisationType.SME : OrganisationType.TECHNOLOGY_COMPANY;
            String stem = COMPANY_STEMS[i % COMPANY_STEMS.length];
            String name = switch (type) {
                case HOSPITAL -> (i % 3 == 0 ? c[0] + " University Hospital" : i % 3 == 1 ? "General Hospital " + c[0]
                        : c[0] + " Haematology Centre");
                case UNIVERSITY -> i % 2 == 0 ? "University of " + c[0] : c[0] + " Institute of Haematology";
                case MEDICAL_ASSOCIATION -> country(c[1]) + " Society of Haematology";
                case PHARMACEUTICAL_COMPANY -> stem + " Pharma " + c[1];
                case SME -> stem + " Data Analytics " + c[1];
                default -> stem + " Genomics " + c[1];
            };
            p.researchOrganisations.add(new Org(ids.next("organisation"), unique(names, name), c[1], type));
        }
        p.organisations.add(p.foundation);
        p.organisations.addAll(p.patientOrganisations);
        p.organisations.addAll(p.researchOrganisations);

        int researchers = Math.max(20, Math.min(2_800, proposals / 36));
        int staff = Math.max(3, Math.min(15, proposals / 6_000));
        int ethics = Math.max(3, Math.min(12, proposals / 8_000));
        for (int i = 1; i <= staff; i++) {
            p.staff.add(p.person(ids, random, "perf.staff" + i, p.foundation, EnumSet.of(Role.STAFF)));
        }
        for (int i = 1; i <= 2; i++) {
            p.administrators.add(p.person(ids, random, "perf.admin" + i, p.foundation, EnumSet.of(Role.ADMINISTRATOR)));
        }
        for (int i = 1; i <= ethics; i++) {
            p.ethicsReviewers.add(p.person(ids, random, "perf.ethics" + i, p.foundation, EnumSet.of(Role.ETHICS_REVIEWER)));
        }
        for (int i = 1; i <= 3; i++) {
            p.signatories.computeIfAbsent(p.foundation.id(), k -> new ArrayList<>())
                    .add(p.person(ids, random, "perf.director" + i, p.foundation, EnumSet.of(Role.SIGNATORY)));
        }
        for (int o = 0; o < p.patientOrganisations.size(); o++) {
            Org org = p.patientOrganisations.get(o);
            for (int k = 1; k <= REPRESENTATIVES_PER_PATIENT_ORGANISATION; k++) {
                p.representatives.computeIfAbsent(org.id(), x -> new ArrayList<>()).add(p.person(ids, random,
                        "perf.patient" + (o + 1) + "-" + k, org, EnumSet.of(Role.PATIENT_REPRESENTATIVE)));
            }
        }
        for (int o = 0; o < p.researchOrganisations.size(); o++) {
            Org org = p.researchOrganisations.get(o);
            p.signatories.computeIfAbsent(org.id(), x -> new ArrayList<>()).add(p.person(ids, random,
                    "perf.signatory" + (o + 1), org, EnumSet.of(Role.SIGNATORY)));
        }
        for (int i = 1; i <= researchers; i++) {
            // hospitals and universities employ most researchers
            Org org = p.researchOrganisations.get(i % 3 == 0 ? random.nextInt(p.researchOrganisations.size())
                    : random.nextInt(75));
            p.researchers.add(p.person(ids, random, "perf.researcher" + i, org, EnumSet.of(Role.RESEARCHER)));
        }
        return p;
    }

    private Human person(IdSequence ids, Random random, String username, Org org, Set<Role> roles) {
        String title = roles.contains(Role.RESEARCHER) && random.nextInt(3) > 0 ? (random.nextInt(4) == 0 ? "Prof. " : "Dr ")
                : "";
        Human h = new Human(ids.next("person"), username,
                title + FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)], org, roles);
        people.add(h);
        return h;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = name + " " + n;
        }
        return candidate;
    }

    private static String country(String code) {
        return switch (code) {
            case "NL" -> "Netherlands";
            case "FR" -> "France";
            case "DE" -> "Germany";
            case "IT" -> "Italy";
            case "ES" -> "Spain";
            case "SE" -> "Sweden";
            case "DK" -> "Denmark";
            case "NO" -> "Norway";
            case "FI" -> "Finland";
            case "PL" -> "Poland";
            case "CZ" -> "Czechia";
            case "AT" -> "Austria";
            case "CH" -> "Switzerland";
            case "BE" -> "Belgium";
            case "IE" -> "Ireland";
            case "PT" -> "Portugal";
            case "GR" -> "Greece";
            case "HU" -> "Hungary";
            case "SI" -> "Slovenia";
            case "HR" -> "Croatia";
            case "EE" -> "Estonia";
            case "LT" -> "Lithuania";
            default -> "Latvia";
        };
    }

    /** Writes organisations, people and roles, and their registration to the audit seeds. */
    void write(BulkInserter bulk, String passwordHash, Instant registeredFrom, AuditSeeds audit) {
        long t = registeredFrom.getEpochSecond();
        for (Org org : organisations) {
            if (org == foundation && !foundationIsNew) {
                continue;
            }
            Instant at = Instant.ofEpochSecond(t += 60);
            bulk.row("organisation", org.id(), org.name(), org.country(), org.type().name(), true, at);
            audit.add(at, null, "perf.setup", "ORGANISATION_REGISTERED", "organisation", "organisation #" + org.id(),
                    "Registered " + org.type().label().toLowerCase() + " \"" + org.name() + "\" (" + org.country() + ")",
                    null);
        }
        for (Human h : people) {
            Instant at = Instant.ofEpochSecond(t += 60);
            bulk.row("person", h.id(), h.username(), h.fullName(), h.username() + "@perf.consilium.example",
                    passwordHash, h.org().id(), true, at);
            for (Role role : h.roles()) {
                bulk.row("person_role", h.id(), role.name());
            }
            audit.add(at, null, "perf.setup", "PERSON_REGISTERED", "person", h.username(), "Registered "
                    + h.fullName() + " of " + h.org().name() + " with roles " + h.roles(), null);
            if (bulk.full()) {
                bulk.flush();
            }
        }
        bulk.flush();
    }
}
