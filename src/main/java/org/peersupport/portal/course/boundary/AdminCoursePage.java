package org.peersupport.portal.course.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code coordinator/course.xhtml}: a course version's details, its sessions in order, its glossary and
 * its useful resources. Only a draft can be changed; the page says so for other versions.
 */
@Named
@ViewScoped
public class AdminCoursePage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<CourseVersionAdministration> versions = SessionBeanRef.of(CourseVersionAdministration.class);

    private final SessionBeanRef<CourseSessions> courseSessions = SessionBeanRef.of(CourseSessions.class);

    private final SessionBeanRef<CourseGlossary> courseGlossary = SessionBeanRef.of(CourseGlossary.class);

    private final SessionBeanRef<UsefulResources> usefulResources = SessionBeanRef.of(UsefulResources.class);

    @Inject
    Messages messages;

    private long id;
    private transient CourseEditView course;
    private transient List<SessionEditView> sessions;
    private transient List<GlossaryTermEditView> glossary;
    private transient List<ResourceEditView> resources;

    private String title;
    private String summary;
    private String versionLabel;
    private String awardName;
    private Integer scqfLevel;
    private Integer credits;
    private CompletionMode completionMode;
    private Integer attendanceThreshold;
    private String agreementHtml;
    private boolean agreementDraft;
    private long version;

    private String newSessionTitle;
    private String newSessionAims;
    private Long editingTermId;
    private long editingTermVersion;
    private Long editingResourceId;
    private long editingResourceVersion;
    private String newTerm;
    private String newDefinition;
    private String newResourceTitle;
    private String newResourceUrl;
    private String newResourceDescription;

    public void load() {
        CourseDetails details = getCourse().details();
        title = details.title();
        summary = details.summary();
        versionLabel = details.versionLabel();
        awardName = details.awardName();
        scqfLevel = details.scqfLevel();
        credits = details.credits();
        completionMode = details.completionMode();
        attendanceThreshold = details.attendanceThreshold();
        agreementHtml = details.agreementHtml();
        agreementDraft = details.agreementDraft();
        version = course.version();
    }

    public void saveDetails() {
        try {
            versions.get().updateCourseDetails(id, new CourseDetails(title, summary, versionLabel, awardName, scqfLevel,
                    credits, completionMode, attendanceThreshold, agreementHtml, agreementDraft), version);
            messages.info(null, "admin.details.saved");
            course = null;
            load();
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
    }

    public void moveSession(long sessionId, int direction) {
        run(() -> courseSessions.get().moveSession(sessionId, direction), "admin.session.moved");
    }

    public void removeSession(long sessionId) {
        run(() -> courseSessions.get().removeSession(sessionId), "admin.session.removed");
    }

    public void addSession() {
        if (run(() -> courseSessions.get().addSession(id, newSessionTitle, newSessionAims), "admin.session.added")) {
            newSessionTitle = null;
            newSessionAims = null;
        }
    }

    /** Adds a term, or saves the one being edited. Definitions are written in Markdown. */
    public void addGlossaryTerm() {
        String html = LessonHtml.fromMarkdown(newDefinition);
        boolean done = editingTermId == null
                ? run(() -> courseGlossary.get().addGlossaryTerm(id, newTerm, html, null), "admin.glossary.added")
                : run(() -> courseGlossary.get().updateGlossaryTerm(editingTermId, newTerm, html, null, editingTermVersion),
                        "admin.glossary.saved");
        if (done) {
            clearTermForm();
        }
    }

    public void editGlossaryTerm(GlossaryTermEditView term) {
        editingTermId = term.termId();
        editingTermVersion = term.version();
        newTerm = term.term();
        newDefinition = LessonHtml.plainText(term.definitionHtml());
    }

    /** Leaves editing without saving: a fresh page, so nothing typed is left behind. */
    public String cancelTermEdit() {
        return "course?faces-redirect=true&id=" + id;
    }

    private void clearTermForm() {
        editingTermId = null;
        newTerm = null;
        newDefinition = null;
    }

    public void removeGlossaryTerm(long termId) {
        run(() -> courseGlossary.get().removeGlossaryTerm(termId), "admin.glossary.removed");
    }

    /** Adds a resource, or saves the one being edited. */
    public void addResource() {
        boolean done = editingResourceId == null
                ? run(() -> usefulResources.get().addUsefulResource(id, newResourceTitle, newResourceUrl, newResourceDescription),
                        "admin.resources.added")
                : run(() -> usefulResources.get().updateUsefulResource(editingResourceId, newResourceTitle, newResourceUrl,
                        newResourceDescription, editingResourceVersion), "admin.resources.saved");
        if (done) {
            clearResourceForm();
        }
    }

    public void editResource(ResourceEditView resource) {
        editingResourceId = resource.resourceId();
        editingResourceVersion = resource.version();
        newResourceTitle = resource.title();
        newResourceUrl = resource.url();
        newResourceDescription = resource.description();
    }

    public String cancelResourceEdit() {
        return "course?faces-redirect=true&id=" + id;
    }

    private void clearResourceForm() {
        editingResourceId = null;
        newResourceTitle = null;
        newResourceUrl = null;
        newResourceDescription = null;
    }

    public boolean isEditingTerm() {
        return editingTermId != null;
    }

    public boolean isEditingResource() {
        return editingResourceId != null;
    }

    public void removeResource(long resourceId) {
        run(() -> usefulResources.get().removeUsefulResource(resourceId), "admin.resources.removed");
    }

    /** Runs a change, reports it, and re-reads the lists; a refused change is explained instead. */
    private boolean run(Runnable change, String doneKey) {
        try {
            change.run();
            messages.info(null, doneKey);
            return true;
        } catch (BusinessException e) {
            messages.refused(null, e);
            return false;
        } finally {
            sessions = null;
            glossary = null;
            resources = null;
        }
    }

    public CourseEditView getCourse() {
        if (course == null) {
            course = versions.get().courseForEdit(id);
        }
        return course;
    }

    public List<SessionEditView> getSessions() {
        if (sessions == null) {
            sessions = courseSessions.get().sessions(id);
        }
        return sessions;
    }

    public List<GlossaryTermEditView> getGlossary() {
        if (glossary == null) {
            glossary = courseGlossary.get().glossaryTerms(id);
        }
        return glossary;
    }

    public List<ResourceEditView> getResources() {
        if (resources == null) {
            resources = usefulResources.get().usefulResources(id);
        }
        return resources;
    }

    public CompletionMode[] getCompletionModes() {
        return CompletionMode.values();
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getVersionLabel() { return versionLabel; }
    public void setVersionLabel(String versionLabel) { this.versionLabel = versionLabel; }
    public String getAwardName() { return awardName; }
    public void setAwardName(String awardName) { this.awardName = awardName; }
    public Integer getScqfLevel() { return scqfLevel; }
    public void setScqfLevel(Integer scqfLevel) { this.scqfLevel = scqfLevel; }
    public Integer getCredits() { return credits; }
    public void setCredits(Integer credits) { this.credits = credits; }
    public CompletionMode getCompletionMode() { return completionMode; }
    public void setCompletionMode(CompletionMode completionMode) { this.completionMode = completionMode; }
    public Integer getAttendanceThreshold() { return attendanceThreshold; }
    public void setAttendanceThreshold(Integer attendanceThreshold) { this.attendanceThreshold = attendanceThreshold; }
    public String getAgreementHtml() { return agreementHtml; }
    public void setAgreementHtml(String agreementHtml) { this.agreementHtml = agreementHtml; }
    public boolean isAgreementDraft() { return agreementDraft; }
    public void setAgreementDraft(boolean agreementDraft) { this.agreementDraft = agreementDraft; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getNewSessionTitle() { return newSessionTitle; }
    public void setNewSessionTitle(String newSessionTitle) { this.newSessionTitle = newSessionTitle; }
    public String getNewSessionAims() { return newSessionAims; }
    public void setNewSessionAims(String newSessionAims) { this.newSessionAims = newSessionAims; }
    public String getNewTerm() { return newTerm; }
    public void setNewTerm(String newTerm) { this.newTerm = newTerm; }
    public String getNewDefinition() { return newDefinition; }
    public void setNewDefinition(String newDefinition) { this.newDefinition = newDefinition; }
    public String getNewResourceTitle() { return newResourceTitle; }
    public void setNewResourceTitle(String newResourceTitle) { this.newResourceTitle = newResourceTitle; }
    public String getNewResourceUrl() { return newResourceUrl; }
    public void setNewResourceUrl(String newResourceUrl) { this.newResourceUrl = newResourceUrl; }
    public String getNewResourceDescription() { return newResourceDescription; }
    public void setNewResourceDescription(String newResourceDescription) { this.newResourceDescription = newResourceDescription; }
}
