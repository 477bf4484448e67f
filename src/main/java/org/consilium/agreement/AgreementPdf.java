package org.consilium.agreement;

/** A PDF to download or preview. */
public record AgreementPdf(String fileName, byte[] content, String sha256) {
}
