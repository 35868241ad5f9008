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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.entity.AssessmentTask;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.CourseUnit;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.course.entity.LearningOutcome;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What training coordinators do with a draft's structure, used later for assessment: units, their learning
 * outcomes and evidence requirements, and the assessment tasks ({@link ContentWarnings} keeps each session's
 * content warning). Only drafts change (the entities refuse otherwise); every change is audited in its own
 * transaction; an edit carries the version the coordinator saw, so a concurrent change is reported.
 *
 * <p>Message keys name the field a problem belongs to ({@code structure.code.taken}: the code), so a page can
 * show the message next to it.
 */
@Stateless
@DenyAll
public class CourseStructure {

    /** As in course packages, so that an edited version exports and imports again. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final int MAX_TITLE = 255;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    // ---------------------------------------------------------------- reading

    /** The version's code, title, status and sessions, for the page heading and the session choices. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public StructureHeading heading(long courseId) {
        Course course = em.createNamedQuery(Course.WITH_SESSIONS, Course.class).setParameter("id", courseId)
                .getResultList().stream().findFirst().orElseThrow(CourseEdits::noCourse);
        return new StructureHeading(course.getId(), course.getCode(), course.getVersionNumber(), course.getTitle(),
                course.getStatus(), course.getSessions().stream()
                        .map(s -> new StructureHeading.SessionChoice(s.getNumber(), s.getTitle())).toList());
    }

    /** The version's units in order, each with its outcomes and their evidence requirements: four queries in all. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<UnitView> units(long courseId) {
        List<CourseUnit> units = em.createNamedQuery(CourseUnit.STRUCTURE_OF_COURSE, CourseUnit.class)
                .setParameter("courseId", courseId).getResultList();
        Map<Long, List<String>> assessedBy = em.createNamedQuery(AssessmentTask.ASSESSED_OUTCOMES, Object[].class)
                .setParameter("courseId", courseId).getResultList().stream()
                .collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
                        Collectors.mapping(row -> (String) row[1], Collectors.toList())));
        return units.stream().sorted(Comparator.comparingInt(CourseUnit::getPosition)).map(u -> new UnitView(u.getId(),
                u.getPosition(), u.getCode(), u.getTitle(), u.getOutcomes().stream()
                        .sorted(Comparator.comparingInt(LearningOutcome::getPosition))
                        .map(o -> new OutcomeView(o.getId(), o.getPosition(), o.getCode(), o.getText(), o.isDraft(),
                                o.getEvidenceRequirements().stream()
                                        .sorted(Comparator.comparingInt(EvidenceRequirement::getPosition))
                                        .map(e -> new EvidenceRequirementView(e.getId(), e.getPosition(), e.getCode(),
                                                e.getText(), e.isDraft(), e.getVersion()))
                                        .toList(),
                                assessedBy.getOrDefault(o.getId(), List.of()), o.getVersion()))
                        .toList(), u.getVersion()))
                .toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<AssessmentTaskView> assessmentTasks(long courseId) {
        return em.createNamedQuery(AssessmentTask.OF_COURSE, AssessmentTask.class).setParameter("courseId", courseId)
                .getResultList().stream().map(t -> new AssessmentTaskView(t.getId(), t.getCode(), t.getTitle(),
                        t.getKind(), t.getDescription(), number(t.getSetAtSession()), number(t.getDueAtSession()),
                        t.getAssesses().stream().map(LearningOutcome::getCode).toList(), t.getVersion()))
                .toList();
    }

    // ---------------------------------------------------------------- units

    /** Adds a unit at the end of the version's units; returns its id. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addUnit(long courseId, String code, String title) {
        Course course = lockedStructure(edits.course(courseId));
        CourseUnit unit = course.addUnit(code(code), title(title));
        em.flush();
        edits.audit("UNIT_ADDED", "CourseUnit", unit.getId(), course.label() + ": unit " + unit.getCode());
        return unit.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateUnit(long unitId, String code, String title, long expectedVersion) {
        CourseUnit unit = unit(unitId);
        lockedStructure(unit.getCourse());
        CourseEdits.requireVersion(unit.getVersion(), expectedVersion, CourseEdits::staleStructure);
        String was = unit.getCode();
        unit.edit(code(code), title(title));
        edits.flush(CourseEdits::staleStructure);
        edits.audit("UNIT_UPDATED", "CourseUnit", unitId, unit.getCourse().label() + ": unit " + was
                + (was.equals(unit.getCode()) ? "" : ", now " + unit.getCode()));
    }

    /** Removes a unit with its outcomes and their evidence requirements, unless a task assesses one of its outcomes. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeUnit(long unitId) {
        CourseUnit unit = unit(unitId);
        Course course = lockedStructure(unit.getCourse());
        course.removeUnit(unit);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("UNIT_REMOVED", "CourseUnit", unitId, course.label() + ": unit " + unit.getCode());
    }

    // ---------------------------------------------------------------- outcomes

    /** Adds a learning outcome at the end of the unit; {@code draft}: its wording is for the centre to confirm. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addOutcome(long unitId, String code, String text, boolean draft) {
        CourseUnit unit = unit(unitId);
        lockedStructure(unit.getCourse());
        LearningOutcome outcome = unit.addOutcome(code(code), text(text), draft);
        em.flush();
        edits.audit("OUTCOME_ADDED", "LearningOutcome", outcome.getId(), unit.getCourse().label() + ": outcome "
                + outcome.getCode() + " in unit " + unit.getCode());
        return outcome.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateOutcome(long outcomeId, String code, String text, boolean draft, long expectedVersion) {
        LearningOutcome outcome = outcome(outcomeId);
        Course course = lockedStructure(outcome.getUnit().getCourse());
        CourseEdits.requireVersion(outcome.getVersion(), expectedVersion, CourseEdits::staleStructure);
        String was = outcome.getCode();
        outcome.edit(code(code), text(text), draft);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("OUTCOME_UPDATED", "LearningOutcome", outcomeId, course.label() + ": outcome " + was
                + (was.equals(outcome.getCode()) ? "" : ", now " + outcome.getCode()) + (draft ? " (draft)" : ""));
    }

    /** Removes an outcome with its evidence requirements, unless an assessment task assesses it. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeOutcome(long outcomeId) {
        LearningOutcome outcome = outcome(outcomeId);
        Course course = lockedStructure(outcome.getUnit().getCourse());
        outcome.getUnit().removeOutcome(outcome);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("OUTCOME_REMOVED", "LearningOutcome", outcomeId, course.label() + ": outcome " + outcome.getCode());
    }

    // ---------------------------------------------------------------- evidence requirements

    @RolesAllowed(Role.Names.COORDINATOR)
    public long addEvidenceRequirement(long outcomeId, String code, String text, boolean draft) {
        LearningOutcome outcome = outcome(outcomeId);
        Course course = lockedStructure(outcome.getUnit().getCourse());
        EvidenceRequirement requirement = outcome.addEvidenceRequirement(code(code), text(text), draft);
        em.flush();
        edits.audit("EVIDENCE_REQUIREMENT_ADDED", "EvidenceRequirement", requirement.getId(), course.label()
                + ": evidence requirement " + requirement.getCode() + " for outcome " + outcome.getCode());
        return requirement.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateEvidenceRequirement(long requirementId, String code, String text, boolean draft,
            long expectedVersion) {
        EvidenceRequirement requirement = evidenceRequirement(requirementId);
        Course course = lockedStructure(requirement.getOutcome().getUnit().getCourse());
        CourseEdits.requireVersion(requirement.getVersion(), expectedVersion, CourseEdits::staleStructure);
        String was = requirement.getCode();
        requirement.edit(code(code), text(text), draft);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("EVIDENCE_REQUIREMENT_UPDATED", "EvidenceRequirement", requirementId, course.label()
                + ": evidence requirement " + was + (was.equals(requirement.getCode()) ? "" : ", now " + requirement.getCode())
                + (draft ? " (draft)" : ""));
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeEvidenceRequirement(long requirementId) {
        EvidenceRequirement requirement = evidenceRequirement(requirementId);
        LearningOutcome outcome = requirement.getOutcome();
        Course course = lockedStructure(outcome.getUnit().getCourse());
        outcome.removeEvidenceRequirement(requirement);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("EVIDENCE_REQUIREMENT_REMOVED", "EvidenceRequirement", requirementId, course.label()
                + ": evidence requirement " + requirement.getCode());
    }

    // ---------------------------------------------------------------- assessment tasks

    /**
     * Changes a task's title, description, the sessions at which it is set and due (numbers of this version's
     * sessions; either may be null) and the outcomes it assesses (codes of this version's outcomes, at least one).
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateAssessmentTask(long taskId, String title, String description, Integer setAtSession,
            Integer dueAtSession, List<String> outcomeCodes, long expectedVersion) {
        AssessmentTask task = em.find(AssessmentTask.class, taskId);
        if (task == null) {
            throw new BusinessException("structure.task.notFound", "There is no such assessment task.");
        }
        Course course = lockedStructure(task.getCourse());
        CourseEdits.requireVersion(task.getVersion(), expectedVersion, CourseEdits::staleStructure);
        course.reviseAssessmentTask(task, title(title), required(description, "description", "a description"),
                setAtSession, dueAtSession, outcomeCodes);
        // the list of outcomes is a join table: make sure its change alone counts as a change of the task
        em.lock(task, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        edits.flush(CourseEdits::staleStructure);
        edits.audit("ASSESSMENT_TASK_UPDATED", "AssessmentTask", taskId, course.label() + ": task " + task.getCode()
                + " set at " + orNone(setAtSession) + ", due at " + orNone(dueAtSession) + ", assesses "
                + String.join(", ", task.getAssesses().stream().map(LearningOutcome::getCode).toList()));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Locks the version's row until the transaction ends, so that two coordinators adding the same code at once
     * cannot both succeed (codes of outcomes and evidence requirements are unique per version, which no table
     * constraint covers). Refuses unless the version is a draft.
     */
    private Course lockedStructure(Course course) {
        course.requireDraft();
        em.lock(course, LockModeType.PESSIMISTIC_WRITE);
        return course;
    }

    private static String code(String value) {
        String code = required(value, "code", "a code");
        if (!CODE.matcher(code).matches()) {
            throw new BusinessException("structure.code.format", "A code may use only letters, digits, full stops, "
                    + "hyphens and underscores, starting with a letter or digit, up to 40 characters, for example RC.1.");
        }
        return code;
    }

    private static String title(String value) {
        String title = required(value, "title", "a title");
        if (title.length() > MAX_TITLE || title.indexOf('\n') >= 0) {
            throw new BusinessException("structure.title.long", "Keep the title to one line of at most " + MAX_TITLE
                    + " characters.", MAX_TITLE);
        }
        return title;
    }

    private static String text(String value) {
        return required(value, "text", "the text");
    }

    private static String required(String value, String field, String what) {
        String text = CourseEdits.blankToNull(value);
        if (text == null) {
            throw new BusinessException("structure." + field + ".required", "Enter " + what + ".");
        }
        return text;
    }

    private static Integer number(CourseSession s) {
        return s == null ? null : s.getNumber();
    }

    private static String orNone(Integer number) {
        return number == null ? "no session" : "session " + number;
    }

    private CourseUnit unit(long unitId) {
        CourseUnit unit = em.find(CourseUnit.class, unitId);
        if (unit == null) {
            throw new BusinessException("structure.unit.notFound", "There is no such unit. Someone may have removed it; "
                    + "reload the page.");
        }
        return unit;
    }

    private LearningOutcome outcome(long outcomeId) {
        LearningOutcome outcome = em.find(LearningOutcome.class, outcomeId);
        if (outcome == null) {
            throw new BusinessException("structure.outcome.notFound", "There is no such learning outcome. Someone may "
                    + "have removed it; reload the page.");
        }
        return outcome;
    }

    private EvidenceRequirement evidenceRequirement(long requirementId) {
        EvidenceRequirement requirement = em.find(EvidenceRequirement.class, requirementId);
        if (requirement == null) {
            throw new BusinessException("structure.requirement.notFound", "There is no such evidence requirement. "
                    + "Someone may have removed it; reload the page.");
        }
        return requirement;
    }
}
