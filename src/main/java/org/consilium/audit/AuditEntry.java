package org.consilium.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the audit trail: who, what, when (UTC, to the second), on which record, and why.
 *
 * @param seq gap-free position in the chain, from 1
 */
public record AuditEntry(long seq, Instant occurredAt, Long actorId, String actorName, String kind,
                         String recordType, String recordId, String summary, String reason, String previousHash,
                         String hash) {

    static final String GENESIS = "0".repeat(64);

    /**
     * The hash of an entry: SHA-256 over every field and the previous hash, each length-prefixed so that
     * no two different entries can produce the same input.
     */
    static String hashOf(long seq, Instant occurredAt, Long actorId, String actorName, String kind, String recordType,
                         String recordId, String summary, String reason, String previousHash) {
        StringBuilder input = new StringBuilder();
        for (Object field : new Object[] {seq, occurredAt, actorId, actorName, kind, recordType, recordId, summary,
                reason, previousHash}) {
            String text = field == null ? "\u0000" : field.toString();
            input.append(text.length()).append(':').append(text).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String recomputedHash() {
        return hashOf(seq, occurredAt, actorId, actorName, kind, recordType, recordId, summary, reason, previousHash);
    }
}
