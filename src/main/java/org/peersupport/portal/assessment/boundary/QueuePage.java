package org.peersupport.portal.assessment.boundary;

import java.util.List;

/** One page of the supervisor's queue, oldest submission first; {@code page} counts from 0. */
public record QueuePage(List<QueueLine> lines, long total, int page, int pageSize) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }

    public long firstNumber() {
        return lines.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long lastNumber() {
        return (long) page * pageSize + lines.size();
    }
}
