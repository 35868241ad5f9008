package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A course's versions, as training coordinators keep them: every version listed, a new course started, a new
 * draft copied from any version, a draft's details edited and the draft published. Only a draft can be edited;
 * every change is audited in its own transaction, and an edit carries the version the coordinator saw, so a
 * concurrent change is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class CourseVersionAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    CourseVersions versions;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<CourseVersionSummary> courses() {
        List<Object[]> rows = em.createQuery("select c, size(c.sessions) from Course c order by c.code, c.versionNumber desc",
                Object[].class).getResultList();
        return rows.stream().map(row -> {
            Course c = (Course) row[0];
            return new CourseVersionSummary(c.getId(), c.getCode(), c.getVersionNumber(), c.getVersionLabel(),
                    c.getTitle(), c.getStatus(), c.getCreatedAt(), c.getPublishedAt(), c.getArchivedAt(),
                    ((Number) row[1]).intValue(), c.getVersion());
        }).toList();
    }

    /** Publishes a draft; the version published before it is archived, and people pinned to it keep it. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void publish(long courseId) {
        Course course = edits.course(courseId);
        Optional<Course> replaced = versions.publish(course, now());
        edits.audit("COURSE_PUBLISHED", "Course", course.getId(), course.label()
                + replaced.map(old -> "; version " + old.getVersionNumber() + " archived").orElse(""));
    }

    /** A new draft copied from any version (exercise files are shared, not copied); returns its id. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long newDraftFrom(long courseId) {
        Course source = edits.course(courseId);
        em.createNamedQuery(Course.BY_CODE_WITH_STATUS, Course.class).setParameter("code", source.getCode())
                .setParameter("status", CourseStatus.DRAFT).getResultStream().findFirst().ifPresent(draft -> {
                    throw new BusinessException("course.draft.exists", "Version " + draft.getVersionNumber() + " of "
                            + draft.getCode() + " is already a draft. Edit that draft, or publish it first.",
                            draft.getVersionNumber(), draft.getCode());
                });
        Course draft = source.newDraft(versions.nextVersionNumber(source.getCode()), now());
        em.persist(draft);
        em.flush();
        edits.audit("COURSE_DRAFT_CREATED", "Course", draft.getId(), draft.label() + " from version "
                + source.getVersionNumber());
        return draft.getId();
    }

    /** Starts a new course from nothing: version 1, a draft with no sessions yet; returns its id. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long createCourse(String code, String title, String summary) {
        String cleanCode = CourseEdits.required(code, "course code").toUpperCase(Locale.ROOT);
        if (!cleanCode.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new BusinessException("course.code.invalid",
                    "A course code has 2 to 40 capital letters, digits and hyphens, for example PEER2PEER.");
        }
        if (versions.nextVersionNumber(cleanCode) > 1) {
            throw new BusinessException("course.code.taken", "There is already a course with the code " + cleanCode
                    + ". To change it, create a new draft from its latest version.", cleanCode);
        }
        Course course = new Course(cleanCode, 1, now());
        course.describe(CourseEdits.required(title, "title"), CourseEdits.required(summary, "summary"), "1.0", null,
                null, null, CompletionMode.MANUAL, Course.DEFAULT_ATTENDANCE_THRESHOLD);
        em.persist(course);
        em.flush();
        edits.audit("COURSE_CREATED", "Course", course.getId(), course.label());
        return course.getId();
    }

    /** A version's details as a coordinator edits them. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public CourseEditView courseForEdit(long courseId) {
        Course c = edits.course(courseId);
        return new CourseEditView(c.getId(), c.getCode(), c.getVersionNumber(), c.getStatus(),
                new CourseDetails(c.getTitle(), c.getSummary(), c.getVersionLabel(), c.getAwardName(), c.getAwardScqfLevel(),
                        c.getAwardCredits(), c.getCompletionMode(), c.getAttendanceThreshold(), c.getAgreementHtml(),
                        c.isAgreementDraft()),
                c.getVersion());
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateCourseDetails(long courseId, CourseDetails details, long expectedVersion) {
        Course course = edits.course(courseId);
        course.requireDraft();
        CourseEdits.requireVersion(course.getVersion(), expectedVersion, () -> CourseEdits.stale("these course details"));
        String awardName = CourseEdits.blankToNull(details.awardName());
        if (awardName != null && (details.scqfLevel() == null || details.scqfLevel() < 1 || details.scqfLevel() > 12)) {
            throw new BusinessException("course.details.scqfLevel", "Give the award's SCQF level, from 1 to 12.");
        }
        if (details.attendanceThreshold() == null) {
            throw new BusinessException("course.details.threshold", "The attendance needed to complete is a whole "
                    + "number from 0 to 100.");
        }
        course.describe(CourseEdits.required(details.title(), "title"), CourseEdits.required(details.summary(), "summary"),
                CourseEdits.required(details.versionLabel(), "version label"), awardName, details.scqfLevel(),
                details.credits(), details.completionMode() == null ? course.getCompletionMode() : details.completionMode(),
                details.attendanceThreshold());
        String agreement = CourseEdits.blankToNull(details.agreementHtml());
        course.agreeFromHtml(agreement == null ? null : LessonHtml.sanitise(agreement), details.agreementDraft());
        edits.flush(() -> CourseEdits.stale("these course details"));
        edits.audit("COURSE_DETAILS_UPDATED", "Course", course.getId(), course.label() + ", attendance needed to complete "
                + course.getAttendanceThreshold() + "%");
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
