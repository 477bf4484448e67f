package org.consilium.agreement;

import java.time.Instant;
import java.util.List;

/** What the verification page says about an uploaded PDF. */
public record Verification(Outcome outcome, String sha256, String reference, Integer version, Instant executedAt,
                           List<SignatureLine> signatures) {

    public enum Outcome {
        /** Byte for byte the executed agreement the portal keeps. */
        EXECUTED_AGREEMENT,
        /** A version as generated for signature, not the executed copy. */
        UNSIGNED_VERSION,
        /** It claims to be one of the portal's agreements, but its bytes differ: altered. */
        ALTERED,
        /** Not a document this portal issued. */
        UNKNOWN,
        /** Not a readable PDF at all. */
        NOT_A_PDF
    }

    /** The verdict in English, for logs and tests; the verification page writes it in the reader's language. */
    public String message() {
        return switch (outcome) {
            case EXECUTED_AGREEMENT -> "Genuine and unaltered: this is the executed data-access agreement " + reference
                    + " (version " + version + "), as the portal keeps it.";
            case UNSIGNED_VERSION -> "This is version " + version + " of the agreement " + reference
                    + " as generated for signature. It is not the executed agreement and carries no signatures.";
            case ALTERED -> "Altered: this document claims to be agreement " + reference + " (version " + version
                    + ") but it differs from every copy the portal issued. Do not rely on it.";
            case UNKNOWN -> "Not recognised: this PDF is not an agreement issued by Consilium.";
            case NOT_A_PDF -> "This file is not a readable PDF.";
        };
    }
}
