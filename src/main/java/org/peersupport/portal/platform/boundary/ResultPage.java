package org.peersupport.portal.platform.boundary;

import java.util.List;

/**
 * One page of a list paged in the database: its rows, the page number (from 1), the page size and how many rows
 * there are in all.
 */
public record ResultPage<T>(List<T> rows, int page, int pageSize, long total) {

    /** How many pages {@code total} rows make at {@code pageSize} a page (at least one). */
    public static int pages(long total, int pageSize) {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The page asked for, kept within the pages there are. */
    public static int within(int page, long total, int pageSize) {
        return Math.max(1, Math.min(page, pages(total, pageSize)));
    }

    public int pages() {
        return pages(total, pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The position of the first row on this page, from 1 (0 when there are none). */
    public long firstRow() {
        return rows.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
    }

    public long lastRow() {
        return rows.isEmpty() ? 0 : firstRow() + rows.size() - 1;
    }
}
