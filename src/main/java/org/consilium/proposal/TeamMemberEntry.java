package org.consilium.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One member of the project team. {@code personId} is set when the member is a portal user: that is
 * what lets a team member open the proposal.
 */
public class TeamMemberEntry {

    private Long personId;

    @NotBlank(groups = Submission.class, message = "Give the team member's name")
    @Size(max = 200)
    private String fullName = "";

    @NotBlank(groups = Submission.class, message = "Give the team member's organisation")
    @Size(max = 200)
    private String organisationName = "";

    @NotBlank(groups = Submission.class, message = "Give the team member's role in the project")
    @Size(max = 100)
    private String projectRole = "";

    public TeamMemberEntry() {
    }

    public TeamMemberEntry(Long personId, String fullName, String organisationName, String projectRole) {
        this.personId = personId;
        this.fullName = fullName;
        this.organisationName = organisationName;
        this.projectRole = projectRole;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getProjectRole() {
        return projectRole;
    }

    public void setProjectRole(String projectRole) {
        this.projectRole = projectRole;
    }
}
