package org.peersupport.portal.portfolio.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.peersupport.portal.platform.boundary.PageLoads;

/**
 * Backs {@code candidate/submission.xhtml?id=} and {@code supervisor/submission.xhtml?id=}: a submission as it was
 * frozen, read-only. A supervisor's or verifier's read is audited by the boundary.
 */
@Named
@RequestScoped
public class SubmissionPage {

    @Inject
    Submissions submissions;

    @Inject
    FacesContext faces;

    private Long id;
    private SubmissionView submission;

    public void load() throws IOException {
        if (id == null) {
            PageLoads.notFound(faces, "No such submission");
            return;
        }
        submission = PageLoads.loadOrNotFound(faces, () -> submissions.submission(id));
    }

    public SubmissionView getSubmission() {
        return submission;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
