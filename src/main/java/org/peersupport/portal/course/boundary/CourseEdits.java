package org.peersupport.portal.course.boundary;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.security.Principal;
import java.util.function.Supplier;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What the course boundaries that edit a version share: finding the version or session edited, refusing an edit
 * made on an older version than the one stored, and auditing the change in the caller's transaction. Made by each
 * boundary from its own persistence context, session context and audit event, as the candidate boundaries make
 * their {@code Caller}.
 */
final class CourseEdits {

    static final String STALE = "Someone else changed this while you were editing. Your changes were not saved; "
            + "reload the page to see theirs.";

    private final EntityManager em;
    private final SessionContext session;
    private final Event<AuditEvent> audit;

    CourseEdits(EntityManager em, SessionContext session, Event<AuditEvent> audit) {
        this.em = em;
        this.session = session;
        this.audit = audit;
    }

    Course course(long courseId) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            throw noCourse();
        }
        return course;
    }

    CourseSession courseSession(long sessionId) {
        return em.createNamedQuery(CourseSession.WITH_COURSE, CourseSession.class).setParameter("id", sessionId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.session.notFound", "There is no such session."));
    }

    static BusinessException noCourse() {
        return new BusinessException("course.notFound", "That course is not available.");
    }

    /** Refuses an edit based on an older version than the one stored. */
    static void requireVersion(long current, long expected, Supplier<BusinessException> stale) {
        if (current != expected) {
            throw stale.get();
        }
    }

    /** Writes the change now, so a concurrent edit committed meanwhile is reported as such. */
    void flush(Supplier<BusinessException> stale) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stale.get();
        }
    }

    /** A concurrent change to a version's details, sessions, glossary or resources: "Someone else changed {what}". */
    static BusinessException stale(String what) {
        return new BusinessException("course.edit.stale", "Someone else changed " + what
                + " while you were editing it; reload to see their change, then make yours again.", what);
    }

    /** A concurrent change to a version's structure or a content warning. */
    static BusinessException staleStructure() {
        return new BusinessException("admin.stale", STALE);
    }

    /** The value stripped, refused when blank: "Enter the {what}." */
    static String required(String value, String what) {
        String text = blankToNull(value);
        if (text == null) {
            throw new BusinessException("course.field.required", "Enter the " + what + ".", what);
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    void audit(String action, String subjectType, Object subjectId, String detail) {
        Principal caller = session.getCallerPrincipal();
        audit.fire(AuditEvent.by(caller == null ? null : caller.getName(), action, subjectType, subjectId, detail));
    }
}
