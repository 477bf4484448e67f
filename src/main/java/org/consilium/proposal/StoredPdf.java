package org.consilium.proposal;

/** A PDF checked and kept by the {@link AttachmentStore}. */
record StoredPdf(String sha256, long sizeBytes, int pageCount) {
}
