package org.peersupport.portal.course.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code coordinator/session.xhtml}: a draft session's title, aims and "About Lesson" (rich text,
 * sanitised by the boundary) and its exercise files (checked by content, streamed into the database).
 */
@Named
@ViewScoped
public class AdminSessionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<CourseSessions> courseSessions = SessionBeanRef.of(CourseSessions.class);

    private final SessionBeanRef<ExerciseFiles> exerciseFiles = SessionBeanRef.of(ExerciseFiles.class);

    @Inject
    Messages messages;

    private long id;
    private transient SessionEditContext context;
    private String title;
    private String aims;
    private String aboutHtml;
    private long version;
    private transient Part file;
    private String fileTitle;

    public void load() {
        SessionEditView session = getContext().session();
        title = session.title();
        aims = session.aims();
        aboutHtml = session.aboutHtml();
        version = session.version();
    }

    public void save() {
        try {
            courseSessions.get().updateSession(id, title, aims, aboutHtml, version);
            messages.info(null, "admin.session.saved");
            context = null;
            load();
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
    }

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            messages.error("upload:file", "admin.files.upload.required");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            exerciseFiles.get().addExerciseFile(id, in, file.getSubmittedFileName(),
                    fileTitle == null || fileTitle.isBlank() ? file.getSubmittedFileName() : fileTitle);
            messages.info(null, "admin.files.uploaded");
            fileTitle = null;
            context = null;
        } catch (BusinessException e) {
            messages.refused("upload:file", e);
        }
    }

    public void removeFile(long fileId) {
        try {
            exerciseFiles.get().removeExerciseFile(fileId);
            messages.info(null, "admin.files.removed");
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
        context = null;
    }

    public SessionEditContext getContext() {
        if (context == null) {
            context = courseSessions.get().sessionForEdit(id);
        }
        return context;
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAims() { return aims; }
    public void setAims(String aims) { this.aims = aims; }
    public String getAboutHtml() { return aboutHtml; }
    public void setAboutHtml(String aboutHtml) { this.aboutHtml = aboutHtml; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getFileTitle() { return fileTitle; }
    public void setFileTitle(String fileTitle) { this.fileTitle = fileTitle; }
}
