package org.consilium.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class TeamMember {

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "organisation_name", nullable = false, length = 200)
    private String organisationName;

    @Column(name = "project_role", nullable = false, length = 100)
    private String projectRole;

    protected TeamMember() {
    }

    TeamMember(TeamMemberEntry entry) {
        this.personId = entry.getPersonId();
        this.fullName = nullToEmpty(entry.getFullName());
        this.organisationName = nullToEmpty(entry.getOrganisationName());
        this.projectRole = nullToEmpty(entry.getProjectRole());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    Long personId() {
        return personId;
    }

    TeamMemberEntry toEntry() {
        return new TeamMemberEntry(personId, fullName, organisationName, projectRole);
    }
}
