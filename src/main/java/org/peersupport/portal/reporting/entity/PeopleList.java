package org.peersupport.portal.reporting.entity;

import java.util.List;

/** One page of a drill-down list, and how many places match in all. */
public record PeopleList(List<PersonLine> lines, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public long firstNumber() {
        return total == 0 ? 0 : (long) page * pageSize + 1;
    }

    public long lastNumber() {
        return (long) page * pageSize + lines.size();
    }
}
