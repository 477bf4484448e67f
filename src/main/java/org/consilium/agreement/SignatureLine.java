package org.consilium.agreement;

import java.time.Instant;

/**
 * One signature, as the executed agreement's signature page shows it.
 *
 * @param party          which side signed
 * @param documentSha256 the SHA-256 (hex) of the exact PDF the signer signed
 */
public record SignatureLine(SigningParty party, String signerName, String organisation, String meaning, Instant signedAt,
                            String documentSha256) {
}
