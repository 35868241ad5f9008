package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
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

    @Inject
    Verification verification;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long decision;
    private long version;
    private transient SampleView view;
    private String refusal;
    private String comments;
    private String correctionReason;
    private final Map<String, String> errors = new HashMap<>();

    public void load() throws IOException {
        if (faces.isPostback()) {
            return;
        }
        try {
            view = PageLoads.loadOrNotFound(faces, () -> {
                if (decision == null) {
                    throw new BusinessException("assessment.notFound", "There is no such submission, or it is not yours to assess.");
                }
                return verification.sample(decision);
            }, "assessment.notFound", "evidence.notFound");
        } catch (BusinessException e) {
            refusal = messages.text(e);
            return;
        }
        if (view != null) {
            version = view.version();
        }
    }

    public SampleView getView() {
        if (view == null && refusal == null && decision != null) {
            view = verification.sample(decision);
        }
        return view;
    }

    public String confirm() {
        errors.clear();
        try {
            verification.confirm(getView().signOff().id(), comments, version);
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
            verification.returnToAssessor(getView().signOff().id(), comments, version);
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "sample.returned", getView().line().taskTitle(), getView().line().assessorName());
        return "index?faces-redirect=true";
    }

    public String correct() {
        errors.clear();
        if (AssessmentReads.blankToNull(correctionReason) == null) {
            errors.put("correction", messages.text("review.error.reason"));
            return null;
        }
        DecisionView latest = getView().correctable();
        if (latest == null) {
            return null;
        }
        try {
            verification.correct(latest.id(), correctionReason, version);
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "review.corrected", latest.position());
        return "sample?faces-redirect=true&includeViewParams=true";
    }

    private String refused(BusinessException e) {
        if ("verification.comments.required".equals(e.key())) {
            errors.put("comments", messages.text(e));
        } else if ("assessment.correction.reason".equals(e.key())) {
            errors.put("correction", messages.text(e));
        } else {
            messages.refused(null, e);
            faces.getExternalContext().getFlash().setKeepMessages(false);
        }
        return null;
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
        return refusal;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason;
    }
}
