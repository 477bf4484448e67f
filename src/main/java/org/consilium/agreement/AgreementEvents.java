package org.consilium.agreement;

/** What the agreement steps tell the workflow; published inside the transaction that caused them. */
public final class AgreementEvents {

    private AgreementEvents() {
    }

    /** A new version replaced one that was out for signature: signing starts again from preparation. */
    public record Regenerated(Long proposalId, String reference) {
    }

    /** Staff moved the end of the access period. */
    public record AccessExtended(Long proposalId, String reference) {
    }

    /** The applicant reported the outputs and asks the governance office to close the project. */
    public record ClosureRequested(Long proposalId, String reference) {
    }
}
