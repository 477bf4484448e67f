package org.consilium.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One output a project reported: a publication (with its DOI), results returned, an indicator. */
@Entity
@Immutable
@Table(name = "project_output")
class ProjectOutput {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OutputKind kind;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(length = 200)
    private String doi;

    @Column(length = 2000)
    private String description;

    @Column(name = "reported_by", nullable = false)
    private Long reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected ProjectOutput() {
    }

    ProjectOutput(Long proposalId, OutputKind kind, String title, String doi, String description, Long reportedBy,
                  Instant reportedAt) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.title = title;
        this.doi = doi;
        this.description = description;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    AgreementOverview.Output view() {
        return new AgreementOverview.Output(kind, title, doi, description, reportedAt);
    }
}
