package org.consilium.cockpit;

/**
 * One page of a list: where it starts, how many rows, and the column it is sorted by (a key the list knows;
 * any other key falls back to the list's default order).
 */
public record Paging(int offset, int limit, String sortKey, boolean ascending) {

    public Paging {
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 500));
    }

    public static Paging first(int limit) {
        return new Paging(0, limit, null, true);
    }
}
