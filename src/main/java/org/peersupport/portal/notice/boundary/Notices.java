package org.peersupport.portal.notice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.notice.entity.Notice;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A person's own notices: how many are unread (the header shows it on every page), a page of them, and marking
 * them read. Everyone with a portal role has notices; each person reaches only their own, and a notice of
 * someone else's reads as "no such notice". Marking read is idempotent (the first time is kept), so it needs no
 * version check.
 */
@Stateless
@DenyAll
public class Notices {

    public static final int PAGE_SIZE = 20;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one read on every page: no transaction of its own
    public long unreadCount() {
        return em.createNamedQuery(Notice.UNREAD_COUNT, Long.class).setParameter("recipientId", me()).getSingleResult();
    }

    /** A page of the caller's notices, newest first; {@code page} counts from 1 and is kept in range. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public NoticeList mine(int page) {
        long me = me();
        long total = em.createNamedQuery(Notice.COUNT_OF_RECIPIENT, Long.class).setParameter("recipientId", me)
                .getSingleResult();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pageCount);
        var notices = em.createNamedQuery(Notice.OF_RECIPIENT, Notice.class).setParameter("recipientId", me)
                .setFirstResult((current - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList().stream()
                .map(n -> new NoticeView(n.getId(), n.getKind(), n.getTitle(), n.getText(), n.getLink(), n.getCreatedAt(),
                        n.isRead())).toList();
        return new NoticeList(notices, current, pageCount, total, unreadCount());
    }

    /** Marks one of the caller's notices read and returns where it links to, if anywhere. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public Optional<String> markRead(long noticeId) {
        Notice notice = own(noticeId);
        if (!notice.isRead()) {
            notice.read(now());
            audit.fire(AuditEvent.of("NOTICE_READ", "Notice", noticeId, notice.getKind().name()));
        }
        return Optional.ofNullable(notice.getLink());
    }

    /** Marks every unread notice of the caller read; returns how many there were. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public int markAllRead() {
        long me = me();
        int read = em.createNamedQuery(Notice.MARK_ALL_READ).setParameter("now", now())
                .setParameter("recipientId", me).executeUpdate();
        if (read > 0) {
            audit.fire(AuditEvent.of("NOTICES_ALL_READ", "Person", me, read + " notices"));
        }
        return read;
    }

    private Notice own(long noticeId) {
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null || !notice.getRecipient().getId().equals(me())) {
            throw new BusinessException("notice.notFound", "There is no such notice.");
        }
        return notice;
    }

    /** The caller's person id (see {@link Callers}); -1, which is nobody's, when the portal has no record of them. */
    private long me() {
        return callers.id(session.getCallerPrincipal()).orElse(-1L);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
