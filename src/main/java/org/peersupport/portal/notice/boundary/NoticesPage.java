package org.peersupport.portal.notice.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs {@code /notices.xhtml}: the signed-in person's notices, a page at a time, with "open" (marks read and
 * follows the link), "mark as read" and "mark all as read". Keeps only the page number; the notices are read
 * again for each request.
 */
@Named
@ViewScoped
public class NoticesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = UkTime.DATE_TIME
            .withZone(UkTime.ZONE);

    private final SessionBeanRef<Notices> notices = SessionBeanRef.of(Notices.class);

    @Inject
    Messages messages;

    @Inject
    ExternalContext external;

    private int page = 1;
    private transient NoticeList list;

    public NoticeList getList() {
        if (list == null) {
            list = notices.get().mine(page);
        }
        return list;
    }

    public String when(NoticeView notice) {
        return WHEN.format(notice.createdAt());
    }

    public void open(long noticeId) throws IOException {
        try {
            Optional<String> link = notices.get().markRead(noticeId);
            if (link.isPresent()) {
                external.redirect(external.getRequestContextPath() + link.get());
                return;
            }
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
        list = null;
    }

    public void markRead(long noticeId) {
        try {
            notices.get().markRead(noticeId);
            messages.info(null, "notices.markedRead");
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
        list = null;
    }

    public void markAllRead() {
        int read = notices.get().markAllRead();
        messages.info(null, read == 1 ? "notices.allMarkedRead.one" : "notices.allMarkedRead", read);
        list = null;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
