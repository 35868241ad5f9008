package org.peersupport.portal.course.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.peersupport.portal.course.control.AssessmentKind;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * One version of a course: its details, units, sessions, glossary, useful resources and assessment tasks.
 * The aggregate root: every change goes through it, and it refuses any change unless it is a draft.
 * Versions of one course share its {@code code}; {@code versionNumber} counts them from 1.
 */
@Entity
@Table(name = "course")
@NamedQuery(name = Course.ALL, query = "select c from Course c order by c.code, c.versionNumber desc")
@NamedQuery(name = Course.WITH_STATUS, query = "select c from Course c where c.status = :status order by c.title, c.code")
@NamedQuery(name = Course.BY_CODE_WITH_STATUS,
        query = "select c from Course c where c.code = :code and c.status = :status order by c.versionNumber desc")
@NamedQuery(name = Course.MAX_VERSION, query = "select max(c.versionNumber) from Course c where c.code = :code")
@NamedQuery(name = Course.WITH_SESSIONS,
        query = "select c from Course c left join fetch c.sessions s where c.id = :id order by s.number")
public class Course {

    public static final String ALL = "Course.all";
    public static final String WITH_STATUS = "Course.withStatus";
    public static final String BY_CODE_WITH_STATUS = "Course.byCodeWithStatus";
    public static final String MAX_VERSION = "Course.maxVersion";
    public static final String WITH_SESSIONS = "Course.withSessions";

    /** The attendance threshold a course version has unless its package or a coordinator says otherwise, in percent. */
    public static final int DEFAULT_ATTENDANCE_THRESHOLD = 80;

    @Id
    @SequenceGenerator(name = "course_seq", sequenceName = "course_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(name = "version_label", nullable = false)
    private String versionLabel;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(name = "award_name")
    private String awardName;

    @Column(name = "award_scqf_level")
    private Integer awardScqfLevel;

    @Column(name = "award_credits")
    private Integer awardCredits;

    @Enumerated(EnumType.STRING)
    @Column(name = "completion_mode", nullable = false)
    private CompletionMode completionMode;

    /** The share of a cohort's sessions a candidate must attend to complete, in percent; each new cohort copies it. */
    @Column(name = "attendance_threshold", nullable = false)
    private int attendanceThreshold;

    @Column(name = "agreement_markdown")
    private String agreementMarkdown;

    @Column(name = "agreement_html")
    private String agreementHtml;

    @Column(name = "agreement_draft", nullable = false)
    private boolean agreementDraft;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CourseStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<CourseUnit> units = new ArrayList<>();

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    @BatchFetch(BatchFetchType.IN)
    private List<CourseSession> sessions = new ArrayList<>();

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<GlossaryTerm> glossary = new ArrayList<>();

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<CourseResource> resources = new ArrayList<>();

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<AssessmentTask> assessmentTasks = new ArrayList<>();

    @Version
    private long version;

    protected Course() {
    }

    /** A new draft version of the course with this code. */
    public Course(String code, int versionNumber, Instant createdAt) {
        this.code = Objects.requireNonNull(code);
        this.versionNumber = versionNumber;
        this.createdAt = createdAt;
        this.status = CourseStatus.DRAFT;
        this.completionMode = CompletionMode.MANUAL;
        this.attendanceThreshold = DEFAULT_ATTENDANCE_THRESHOLD;
    }

    // ---------------------------------------------------------------- life cycle

    /** Publishes this draft; the caller archives the version it replaces first. */
    public void publish(Instant now) {
        if (status != CourseStatus.DRAFT) {
            throw new BusinessException("course.publish.notDraft", "Version " + versionNumber + " of " + code
                    + " is " + status.name().toLowerCase(Locale.ROOT) + ", not a draft: only a draft can be published.",
                    versionNumber, code, status.name().toLowerCase(Locale.ROOT));
        }
        status = CourseStatus.PUBLISHED;
        publishedAt = now;
    }

    /** Replaced by a newer published version; people pinned to it can still read it. */
    public void archive(Instant now) {
        if (status != CourseStatus.PUBLISHED) {
            throw new IllegalStateException("only the published version can be archived");
        }
        status = CourseStatus.ARCHIVED;
        archivedAt = now;
    }

    /** Refuses any change unless this version is a draft. */
    public void requireDraft() {
        if (status != CourseStatus.DRAFT) {
            throw new BusinessException("course.notDraft", "Version " + versionNumber + " of " + code + " is "
                    + status.name().toLowerCase(Locale.ROOT) + " and cannot be changed. Create a new draft from it, "
                    + "edit the draft and publish that.", versionNumber, code, status.name().toLowerCase(Locale.ROOT));
        }
    }

    /** How the audit trail and messages name this version, e.g. "PEER2PEER version 2". */
    public String label() {
        return code + " version " + versionNumber;
    }

    public boolean isDraft() {
        return status == CourseStatus.DRAFT;
    }

    public boolean isPublished() {
        return status == CourseStatus.PUBLISHED;
    }

    // ---------------------------------------------------------------- details

    /** Sets the version's details; refuses an attendance threshold that is not a percentage from 0 to 100. */
    public void describe(String title, String summary, String versionLabel, String awardName, Integer awardScqfLevel,
            Integer awardCredits, CompletionMode completionMode, int attendanceThreshold) {
        requireDraft();
        if (attendanceThreshold < 0 || attendanceThreshold > 100) {
            throw new BusinessException("course.details.threshold", "The attendance needed to complete is a whole number "
                    + "from 0 to 100.");
        }
        this.title = Objects.requireNonNull(title);
        this.summary = Objects.requireNonNull(summary);
        this.versionLabel = Objects.requireNonNull(versionLabel);
        this.awardName = awardName;
        this.awardScqfLevel = awardName == null ? null : awardScqfLevel;
        this.awardCredits = awardName == null ? null : awardCredits;
        this.completionMode = Objects.requireNonNull(completionMode);
        this.attendanceThreshold = attendanceThreshold;
    }

    /** The agreement as imported: Markdown and its sanitised HTML; both {@code null} for none. */
    public void agreeFromMarkdown(String markdown, String safeHtml, boolean draft) {
        requireDraft();
        this.agreementMarkdown = markdown;
        this.agreementHtml = safeHtml;
        this.agreementDraft = markdown != null && draft;
    }

    /** The agreement as edited in the browser: sanitised HTML replaces the Markdown when it changed. */
    public void agreeFromHtml(String safeHtml, boolean draft) {
        requireDraft();
        if (safeHtml == null || safeHtml.isBlank()) {
            agreementMarkdown = null;
            agreementHtml = null;
            agreementDraft = false;
            return;
        }
        if (!safeHtml.equals(agreementHtml)) {
            agreementHtml = safeHtml;
            agreementMarkdown = null;
        }
        agreementDraft = draft;
    }

    // ---------------------------------------------------------------- parts

    public CourseUnit addUnit(String code, String title) {
        requireDraft();
        requireFreeUnitCode(code, null);
        CourseUnit unit = new CourseUnit(this, units.size() + 1, code, title);
        units.add(unit);
        return unit;
    }

    /** Removes a unit with its outcomes, unless an assessment task assesses one of them; the ones after it move up. */
    public void removeUnit(CourseUnit unit) {
        requireDraft();
        for (LearningOutcome outcome : unit.getOutcomes()) {
            assessing(outcome).ifPresent(task -> {
                throw new BusinessException("structure.remove.assessed.unit", "Unit " + unit.getCode() + " cannot be removed "
                        + "because the assessment task '" + task.getTitle() + "' assesses its outcome " + outcome.getCode()
                        + ". Untick its outcomes in that task first.",
                        unit.getCode(), task.getTitle(), outcome.getCode());
            });
        }
        if (units.remove(unit)) {
            for (int i = 0; i < units.size(); i++) {
                units.get(i).moveTo(i + 1);
            }
        }
    }

    /** Refuses to remove an outcome while an assessment task assesses it. */
    public void requireNotAssessed(LearningOutcome outcome) {
        assessing(outcome).ifPresent(task -> {
            throw new BusinessException("structure.remove.assessed.outcome", "Outcome " + outcome.getCode() + " cannot be removed "
                    + "because the assessment task '" + task.getTitle() + "' assesses it. Untick it in that task first.",
                    outcome.getCode(), task.getTitle());
        });
    }

    private Optional<AssessmentTask> assessing(LearningOutcome outcome) {
        return assessmentTasks.stream().filter(t -> t.assesses(outcome)).findFirst();
    }

    /** Refuses a unit code another unit of this version (other than {@code except}) already has. */
    public void requireFreeUnitCode(String code, CourseUnit except) {
        if (units.stream().anyMatch(u -> u != except && u.getCode().equals(code))) {
            throw codeTaken("a unit", code);
        }
    }

    /** Refuses an outcome code another outcome of this version (other than {@code except}) already has. */
    public void requireFreeOutcomeCode(String code, LearningOutcome except) {
        if (units.stream().flatMap(u -> u.getOutcomes().stream()).anyMatch(o -> o != except && o.getCode().equals(code))) {
            throw codeTaken("a learning outcome", code);
        }
    }

    /** Refuses an evidence requirement code another one of this version (other than {@code except}) already has. */
    public void requireFreeEvidenceCode(String code, EvidenceRequirement except) {
        if (units.stream().flatMap(u -> u.getOutcomes().stream()).flatMap(o -> o.getEvidenceRequirements().stream())
                .anyMatch(e -> e != except && e.getCode().equals(code))) {
            throw codeTaken("an evidence requirement", code);
        }
    }

    private BusinessException codeTaken(String what, String code) {
        return new BusinessException("structure.code.taken", "This course version already has " + what
                + " with the code " + code + ". Give it a code of its own.", what, code);
    }

    /**
     * Changes an assessment task: where it is set and due (session numbers of this version, either may be left
     * out) and the outcomes it assesses (codes of this version's outcomes, at least one).
     */
    public void reviseAssessmentTask(AssessmentTask task, String title, String description, Integer setAtSession,
            Integer dueAtSession, List<String> outcomeCodes) {
        requireDraft();
        if (!assessmentTasks.contains(task)) {
            throw new IllegalArgumentException("not a task of this course");
        }
        CourseSession setAt = existingSession(setAtSession, "setAt", "set");
        CourseSession dueAt = existingSession(dueAtSession, "dueAt", "due");
        if (setAt != null && dueAt != null && dueAt.getNumber() < setAt.getNumber()) {
            throw new BusinessException("structure.dueAt.beforeSet", "The task cannot be due at session "
                    + dueAt.getNumber() + ", before it is set at session " + setAt.getNumber() + ".",
                    dueAt.getNumber(), setAt.getNumber());
        }
        Map<String, LearningOutcome> outcomes = new HashMap<>();
        units.forEach(u -> u.getOutcomes().forEach(o -> outcomes.put(o.getCode(), o)));
        List<LearningOutcome> assessed = new ArrayList<>();
        for (String code : outcomeCodes == null ? List.<String>of() : outcomeCodes) {
            LearningOutcome outcome = outcomes.get(code);
            if (outcome == null) {
                throw new BusinessException("structure.outcomes.unknown", "This course version has no learning outcome "
                        + "with the code " + code + ".", code);
            }
            if (!assessed.contains(outcome)) {
                assessed.add(outcome);
            }
        }
        if (assessed.isEmpty()) {
            throw new BusinessException("structure.outcomes.required", "Tick at least one learning outcome that the task assesses.");
        }
        task.revise(title, description, setAt, dueAt, assessed);
    }

    private CourseSession existingSession(Integer number, String field, String when) {
        if (number == null) {
            return null;
        }
        return sessions.stream().filter(s -> s.getNumber() == number).findFirst().orElseThrow(() ->
                new BusinessException("structure." + field + ".unknown", "There is no session " + number + " for the task to be "
                        + when + " at: this version has sessions 1 to " + sessions.size() + ".",
                        number, sessions.size()));
    }

    /** Adds a session at the end of the course. */
    public CourseSession addSession(String slug, String title, String aims, String aboutMarkdown, String aboutHtml) {
        requireDraft();
        if (sessions.stream().anyMatch(s -> s.getSlug().equals(slug))) {
            throw new BusinessException("course.session.slugTaken", "The course already has a session called '" + slug + "'.",
                    slug);
        }
        CourseSession session = new CourseSession(this, sessions.size() + 1, slug, title, aims, aboutMarkdown, aboutHtml);
        sessions.add(session);
        return session;
    }

    /**
     * Moves a session one place earlier ({@code direction < 0}) or later ({@code direction > 0}); the sessions
     * are numbered 1, 2, 3 ... again. Moving the first session earlier or the last later changes nothing.
     */
    public void moveSession(CourseSession session, int direction) {
        requireDraft();
        int from = sessions.indexOf(session);
        if (from < 0) {
            throw new IllegalArgumentException("not a session of this course");
        }
        int to = from + Integer.signum(direction);
        if (direction == 0 || to < 0 || to >= sessions.size()) {
            return;
        }
        sessions.remove(from);
        sessions.add(to, session);
        renumberSessions();
    }

    /** Removes a session; the ones after it move up, and assessment tasks no longer point at it. */
    public void removeSession(CourseSession session) {
        requireDraft();
        if (!sessions.remove(session)) {
            throw new IllegalArgumentException("not a session of this course");
        }
        assessmentTasks.forEach(task -> task.forget(session));
        renumberSessions();
    }

    private void renumberSessions() {
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).renumber(i + 1);
        }
    }

    public GlossaryTerm addGlossaryTerm(String term, String anchor, String definitionMarkdown, String definitionHtml,
            boolean restored, String note) {
        requireDraft();
        requireNewTerm(term, null);
        GlossaryTerm entry = new GlossaryTerm(this, glossary.size() + 1, term, anchor, definitionMarkdown, definitionHtml,
                restored, note);
        glossary.add(entry);
        return entry;
    }

    /** Refuses a term the glossary already has (ignoring case), other than {@code except}. */
    public void requireNewTerm(String term, GlossaryTerm except) {
        boolean taken = glossary.stream().anyMatch(g -> g != except && g.getTerm().equalsIgnoreCase(term));
        if (taken) {
            throw new BusinessException("course.glossary.termTaken", "The glossary already has the term '" + term + "'.",
                    term);
        }
    }

    public void removeGlossaryTerm(GlossaryTerm term) {
        requireDraft();
        if (glossary.remove(term)) {
            for (int i = 0; i < glossary.size(); i++) {
                glossary.get(i).moveTo(i + 1);
            }
        }
    }

    public CourseResource addResource(String title, String url, String description) {
        requireDraft();
        CourseResource resource = new CourseResource(this, resources.size() + 1, title, url, description);
        resources.add(resource);
        return resource;
    }

    public void removeResource(CourseResource resource) {
        requireDraft();
        if (resources.remove(resource)) {
            for (int i = 0; i < resources.size(); i++) {
                resources.get(i).moveTo(i + 1);
            }
        }
    }

    public AssessmentTask addAssessmentTask(String code, String title, AssessmentKind kind, Integer setAtSession,
            Integer dueAtSession, String description, List<String> outcomeCodes) {
        requireDraft();
        Map<String, LearningOutcome> outcomes = new HashMap<>();
        units.forEach(u -> u.getOutcomes().forEach(o -> outcomes.put(o.getCode(), o)));
        List<LearningOutcome> assessed = outcomeCodes.stream().map(c -> {
            LearningOutcome outcome = outcomes.get(c);
            if (outcome == null) {
                throw new IllegalArgumentException("no outcome " + c);
            }
            return outcome;
        }).toList();
        AssessmentTask task = new AssessmentTask(this, assessmentTasks.size() + 1, code, title, kind,
                session(setAtSession), session(dueAtSession), description, assessed);
        assessmentTasks.add(task);
        return task;
    }

    private CourseSession session(Integer number) {
        return number == null ? null : sessions.stream().filter(s -> s.getNumber() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no session " + number));
    }

    /**
     * A new draft with everything this version has, as version {@code versionNumber}. Exercise files refer to
     * the same stored bytes; nothing is copied byte by byte.
     */
    public Course newDraft(int versionNumber, Instant now) {
        Course draft = new Course(code, versionNumber, now);
        draft.title = title;
        draft.summary = summary;
        draft.versionLabel = versionLabel;
        draft.awardName = awardName;
        draft.awardScqfLevel = awardScqfLevel;
        draft.awardCredits = awardCredits;
        draft.completionMode = completionMode;
        draft.attendanceThreshold = attendanceThreshold;
        draft.agreementMarkdown = agreementMarkdown;
        draft.agreementHtml = agreementHtml;
        draft.agreementDraft = agreementDraft;
        for (CourseUnit unit : units) {
            CourseUnit copy = draft.addUnit(unit.getCode(), unit.getTitle());
            for (LearningOutcome outcome : unit.getOutcomes()) {
                LearningOutcome outcomeCopy = copy.addOutcome(outcome.getCode(), outcome.getText(), outcome.isDraft());
                outcome.getEvidenceRequirements().forEach(e ->
                        outcomeCopy.addEvidenceRequirement(e.getCode(), e.getText(), e.isDraft()));
            }
        }
        for (CourseSession session : sessions) {
            CourseSession copy = draft.addSession(session.getSlug(), session.getTitle(), session.getAims(),
                    session.getAboutMarkdown(), session.getAboutHtml());
            copy.warnAbout(session.getWarningTopics(), session.getWarningNote());
            session.getSignposting().forEach(c -> copy.addSignpost(c.getName(), c.getPhone(), c.getTextNumber(),
                    c.getUrl(), c.getDescription()));
            session.getExerciseFiles().forEach(f -> copy.addExerciseFile(f.getTitle(), f.getDescription(), f.getPath(),
                    f.getStoredFile()));
        }
        glossary.forEach(g -> draft.addGlossaryTerm(g.getTerm(), g.getAnchor(), g.getDefinitionMarkdown(),
                g.getDefinitionHtml(), g.isRestored(), g.getNote()));
        resources.forEach(r -> draft.addResource(r.getTitle(), r.getUrl(), r.getDescription()));
        assessmentTasks.forEach(t -> draft.addAssessmentTask(t.getCode(), t.getTitle(), t.getKind(),
                t.getSetAtSession() == null ? null : t.getSetAtSession().getNumber(),
                t.getDueAtSession() == null ? null : t.getDueAtSession().getNumber(), t.getDescription(),
                t.getAssesses().stream().map(LearningOutcome::getCode).toList()));
        return draft;
    }

    // ---------------------------------------------------------------- reading

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getAwardName() {
        return awardName;
    }

    public Integer getAwardScqfLevel() {
        return awardScqfLevel;
    }

    public Integer getAwardCredits() {
        return awardCredits;
    }

    public CompletionMode getCompletionMode() {
        return completionMode;
    }

    public int getAttendanceThreshold() {
        return attendanceThreshold;
    }

    public String getAgreementMarkdown() {
        return agreementMarkdown;
    }

    public String getAgreementHtml() {
        return agreementHtml;
    }

    public boolean isAgreementDraft() {
        return agreementDraft;
    }

    public CourseStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public List<CourseUnit> getUnits() {
        return Collections.unmodifiableList(units);
    }

    public List<CourseSession> getSessions() {
        return Collections.unmodifiableList(sessions);
    }

    public List<GlossaryTerm> getGlossary() {
        return Collections.unmodifiableList(glossary);
    }

    public List<CourseResource> getResources() {
        return Collections.unmodifiableList(resources);
    }

    public List<AssessmentTask> getAssessmentTasks() {
        return Collections.unmodifiableList(assessmentTasks);
    }

    public long getVersion() {
        return version;
    }
}
