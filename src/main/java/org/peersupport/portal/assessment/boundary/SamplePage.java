package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code verifier/sample.xhtml?decision=}: a sampled sign-off with the frozen work (the read is audited), and
 * the verifier's decision: confirm, or return to the assessor with comments; or the correction of their own latest
 * decision.
 */
@Named
@ViewScoped
public class SamplePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which field a refusal belongs to, by the start of its key. */
    private static final Map<String, String> FIELDS = Map.of("verification.comments.required", "comments");

    private final SessionBeanRef<Verification> verification = SessionBeanRef.of(Verification.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long decision;
    private final AssessorForm<SampleView> form = new AssessorForm<>(FIELDS);
    private final Map<String, String> errors = form.errors();
    private String comments;

    public void load() throws IOException {
        form.load(faces, messages, decision, verification.get()::sample, SampleView::version);
    }

    public SampleView getView() {
        return form.view(decision, verification.get()::sample);
    }

    public String confirm() {
        errors.clear();
        try {
            verification.get().confirm(getView().signOff().id(), comments, form.version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "sample.confirmed", getView().line().taskTitle(), getView().line().candidateName());
        return "index?faces-redirect=true";
    }

    public String returnToAssessor() {
        errors.clear();
        if (AssessmentReads.blankToNull(comments) == null) {
            errors.put("comments", messages.text("sample.error.comments"));
            return null;
        }
        try {
            verification.get().returnToAssessor(getView().signOff().id(), comments, form.version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "sample.returned", getView().line().taskTitle(), getView().line().assessorName());
        return "index?faces-redirect=true";
    }

    public String correct() {
        return form.correct(messages, () -> getView().correctable(), verification.get()::correct, "sample");
    }

    private String refused(BusinessException e) {
        return form.refused(messages, e);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Long getDecision() {
        return decision;
    }

    public void setDecision(Long decision) {
        this.decision = decision;
    }

    public String getRefusal() {
        return form.refusal();
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    public String getCorrectionReason() {
        return form.getCorrectionReason();
    }

    public void setCorrectionReason(String correctionReason) {
        form.setCorrectionReason(correctionReason);
    }
}
