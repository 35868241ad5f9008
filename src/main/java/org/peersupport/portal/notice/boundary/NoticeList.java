package org.peersupport.portal.notice.boundary;

import java.util.List;

/** One page of a person's notices, newest first. {@code page} counts from 1. */
public record NoticeList(List<NoticeView> notices, int page, int pageCount, long total, long unread) {

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < pageCount;
    }
}
