package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.peersupport.portal.platform.boundary.PageLoads;

/**
 * Backs {@code candidate/feedback.xhtml?submission=} (the decisions and feedback on one of the candidate's own
 * submissions) and the candidate home's list of their submitted work.
 */
@Named
@RequestScoped
public class FeedbackPage {

    @Inject
    AssessmentProgress progress;

    @Inject
    FacesContext faces;

    private Long submission;
    private FeedbackView view;
    private List<MyWorkLine> myWork;

    public void load() throws IOException {
        if (submission == null) {
            PageLoads.notFound(faces, "There is no such submission, or it is not yours to assess.");
            return;
        }
        view = PageLoads.loadOrNotFound(faces, () -> progress.feedback(submission), "assessment.notFound");
    }

    public FeedbackView getView() {
        return view;
    }

    public List<MyWorkLine> getMyWork() {
        if (myWork == null) {
            myWork = progress.myWork();
        }
        return myWork;
    }

    public Long getSubmission() {
        return submission;
    }

    public void setSubmission(Long submission) {
        this.submission = submission;
    }
}
