package org.consilium.audit;

import java.time.Instant;

/** For the perf generator, which writes the audit trail in bulk: the chain's hash, as the portal computes it. */
public final class AuditChainSeeds {

    private AuditChainSeeds() {
    }

    public static String hash(long seq, Instant occurredAt, Long actorId, String actorName, String kind,
                              String recordType, String recordId, String summary, String reason, String previousHash) {
        return AuditEntry.hashOf(seq, occurredAt, actorId, actorName, kind, recordType, recordId, summary, reason,
                previousHash);
    }
}
