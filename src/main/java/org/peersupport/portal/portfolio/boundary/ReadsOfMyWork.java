package org.peersupport.portal.portfolio.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;

/**
 * "Who has read my work": every read of a candidate's evidence, files, testimonies and submissions by someone else,
 * from the audit trail (each entry is keyed to the candidate whose work was read, V15), newest first, paged in the
 * database. Only the candidate asks, about themselves.
 */
@Stateless
@DenyAll
public class ReadsOfMyWork {

    public static final int PAGE_SIZE = 25;

    /** One read: when, by whom (name, and the part they read it in), what they read. */
    public record Read(Instant at, String readerName, String readAs, String action, String item) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @RolesAllowed(Role.Names.CANDIDATE)
    public ResultPage<Read> mine(int page) {
        long me = callers.require(session.getCallerPrincipal()).getId();
        long total = ((Number) em.createNativeQuery("""
                select count(*) from audit_entry a
                where a.subject_person_id = ?1 and a.action in ('EVIDENCE_READ', 'EVIDENCE_FILE_READ', 'TESTIMONY_READ',
                      'SUBMISSION_READ', 'SUBMISSION_FILE_READ')
                  and a.actor_id is distinct from ?1""").setParameter(1, me).getSingleResult()).longValue();
        int at = ResultPage.within(page, total, PAGE_SIZE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.occurred_at, coalesce(p.display_name, a.actor), substring(a.detail from '^read as ([a-z]+)'),
                       a.action, coalesce(ei.title, si.title, t.title)
                from audit_entry a
                left join person p on p.id = a.actor_id
                left join evidence_item ei
                       on ei.id = case when a.subject_type = 'EvidenceItem' then cast(a.subject_id as bigint) end
                left join submission_item si
                       on si.id = case when a.subject_type = 'SubmittedItem' then cast(a.subject_id as bigint) end
                left join submission s
                       on s.id = case when a.subject_type = 'Submission' then cast(a.subject_id as bigint) end
                left join assessment_task t on t.id = s.task_id
                where a.subject_person_id = ?1 and a.action in ('EVIDENCE_READ', 'EVIDENCE_FILE_READ', 'TESTIMONY_READ',
                      'SUBMISSION_READ', 'SUBMISSION_FILE_READ')
                  and a.actor_id is distinct from ?1
                order by a.occurred_at desc, a.id desc
                limit ?2 offset ?3""").setParameter(1, me).setParameter(2, PAGE_SIZE)
                .setParameter(3, (at - 1) * PAGE_SIZE).getResultList();
        List<Read> reads = rows.stream().map(r -> new Read(instant(r[0]), (String) r[1],
                r[2] == null ? ("TESTIMONY_READ".equals(r[3]) ? "witness" : null) : (String) r[2], (String) r[3],
                (String) r[4])).toList();
        return new ResultPage<>(reads, at, PAGE_SIZE, total);
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
