package org.peersupport.portal.course.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/** Backs {@code coordinator/index.xhtml}: every course version, package import, publishing and new drafts. */
@Named
@ViewScoped
public class AdminCoursesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = UkTime.DATE_SHORT;

    private final SessionBeanRef<CourseVersionAdministration> versions = SessionBeanRef.of(CourseVersionAdministration.class);

    private final SessionBeanRef<CoursePackages> packages = SessionBeanRef.of(CoursePackages.class);

    @Inject
    Messages messages;

    private transient List<CourseVersionSummary> courses;
    private transient Part upload;
    private List<String> importProblems = List.of();
    private String newCode;
    private String newTitle;
    private String newSummary;

    public List<CourseVersionSummary> getCourses() {
        if (courses == null) {
            courses = versions.get().courses();
        }
        return courses;
    }

    public void importPackage() throws IOException {
        importProblems = List.of();
        if (upload == null || upload.getSize() == 0) {
            messages.error("import:package", "admin.import.required");
            return;
        }
        try (InputStream in = upload.getInputStream()) {
            ImportResult result = packages.get().importPackage(in);
            messages.info(null, "admin.imported", result.title(), result.versionNumber(), result.sessionCount(),
                    result.exerciseFileCount());
            courses = null;
        } catch (BusinessException e) {
            importProblems = e.details().isEmpty() ? List.of(messages.text(e)) : e.details();
            messages.error("import:package", "admin.import.failed");
        }
    }

    public String createCourse() {
        try {
            long id = versions.get().createCourse(newCode, newTitle, newSummary);
            messages.info(null, "admin.created", newTitle);
            return "course?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.refused("create:code", e);
            return null;
        }
    }

    public String publish(CourseVersionSummary version) {
        versions.get().publish(version.courseId());
        messages.info(null, "admin.published", version.title(), version.versionNumber());
        return "index?faces-redirect=true";
    }

    public String newDraft(CourseVersionSummary version) {
        long draft = versions.get().newDraftFrom(version.courseId());
        messages.info(null, "admin.draftCreated", version.title(), version.versionNumber() + 1);
        return "course?faces-redirect=true&id=" + draft;
    }

    /** A date as people in the UK read it, or a dash. */
    public String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(UkTime.ZONE));
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
    public String getNewTitle() { return newTitle; }
    public void setNewTitle(String newTitle) { this.newTitle = newTitle; }
    public String getNewSummary() { return newSummary; }
    public void setNewSummary(String newSummary) { this.newSummary = newSummary; }

    public List<String> getImportProblems() {
        return importProblems;
    }
}
