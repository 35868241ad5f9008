package org.peersupport.portal.candidate.boundary;

import java.util.List;

/** One page of HR's enrolment list: its rows, the page number (from 1), the page size and how many there are in all. */
public record HrRecordPage(List<HrRecord> rows, int page, int pageSize, long total) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
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
