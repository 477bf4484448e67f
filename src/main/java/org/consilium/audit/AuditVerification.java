package org.consilium.audit;

/**
 * The result of walking the chain: how many entries were checked and, if the chain is broken, the first
 * place where it breaks and how.
 */
public record AuditVerification(long entriesChecked, Long brokenAt, String problem) {

    public boolean intact() {
        return brokenAt == null;
    }

    /** In English, for logs and tests; the audit screen words the result in the reader's language. */
    public String message() {
        return intact() ? "The audit trail is intact: " + entriesChecked + " entries checked, every link holds."
                : "The audit trail is broken at entry " + brokenAt + ": " + problem;
    }
}
