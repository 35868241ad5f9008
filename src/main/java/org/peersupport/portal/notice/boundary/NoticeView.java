package org.peersupport.portal.notice.boundary;

import java.time.Instant;
import org.peersupport.portal.notice.entity.NoticeKind;

/** One notice as its recipient sees it in their list. */
public record NoticeView(long id, NoticeKind kind, String title, String text, String link, Instant createdAt,
        boolean read) {

    public boolean hasLink() {
        return link != null;
    }
}
