package org.consilium.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An agreement as its page shows it to one viewer, with what that viewer may do. */
public record AgreementOverview(Long proposalId, AgreementStatus status, int accessMonths, String leadOrganisation,
                                String foundation, Instant executedAt, Instant accessEndsAt, String executedSha256,
                                List<Version> versions, List<Extension> extensions, List<Output> outputs,
                                Permissions may, boolean closureRequested) {

    /** @param language the language the version's PDF is written in */
    public record Version(int number, VersionState state, String generatedBy, Instant generatedAt, Instant sentAt,
                          String sha256, List<SignatureLine> signatures, Locale language) {
    }

    public record Extension(Instant previousEnd, Instant newEnd, String reason, String approvedBy,
                            Instant approvedAt) {
    }

    public record Output(OutputKind kind, String title, String doi, String description, Instant reportedAt) {
    }

    /** What the viewer may do here; every action is checked again by the service. */
    public record Permissions(boolean generate, boolean extend, boolean reportOutputs, boolean requestClosure) {
    }

    public boolean executed() {
        return executedAt != null;
    }

    public Version latest() {
        return versions.isEmpty() ? null : versions.get(0);
    }
}
