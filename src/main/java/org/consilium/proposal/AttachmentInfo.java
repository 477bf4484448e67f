package org.consilium.proposal;

import java.time.Instant;

public record AttachmentInfo(Long id, AttachmentKind kind, String fileName, long sizeBytes, int pageCount,
                             String sha256, Instant uploadedAt, Integer frozenInVersion) {

    public boolean removable() {
        return frozenInVersion == null;
    }
}
