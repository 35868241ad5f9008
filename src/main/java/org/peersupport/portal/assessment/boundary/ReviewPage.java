package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code supervisor/review.xhtml?submission=}: the frozen submission, a judgement (met or not yet met, with
 * feedback) per evidence requirement, then refer back (overall feedback required) or sign off (declaration and
 * password); also a safeguarding concern and the correction of the latest decision. The view keeps only the form's
 * fields and the submission's version; the submission itself is read again when the page is shown, and every read
 * is audited. The password is cleared as soon as the sign-off has been tried.
 */
@Named
@ViewScoped
public class ReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String MET = "MET";
    static final String NOT_YET = "NOT_YET";

    /** Which field a refusal belongs to, by the start of its key. */
    private static final Map<String, String> FIELDS = Map.of("assessment.password", "password",
            "assessment.declaration.required", "declaration", "assessment.feedback.required", "feedback",
            "assessment.signOff.notAllMet", "signOff");

    private final SessionBeanRef<Reviews> reviews = SessionBeanRef.of(Reviews.class);

    private final SessionBeanRef<ReviewDecisions> reviewDecisions = SessionBeanRef.of(ReviewDecisions.class);

    private final SessionBeanRef<Safeguarding> safeguarding = SessionBeanRef.of(Safeguarding.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long submission;
    private final AssessorForm<ReviewView> form = new AssessorForm<>(FIELDS);
    private final Map<Long, String> met = new HashMap<>();
    private final Map<Long, String> requirementFeedback = new HashMap<>();
    private String feedback;
    private boolean declared;
    private String password;
    private String concern;
    /** Problems by field ("feedback", "req:12", "req:12:feedback", "password"...), shown next to the field. */
    private final Map<String, String> errors = form.errors();

    public void load() throws IOException {
        ReviewView view = form.load(faces, messages, submission, reviews.get()::review, ReviewView::version);
        if (view == null) {
            return;
        }
        for (RequirementLine r : view.requirements()) {
            if (r.metBefore()) {
                met.putIfAbsent(r.requirementId(), MET);
            }
        }
    }

    public ReviewView getView() {
        return form.view(submission, reviews.get()::review);
    }

    // ---------------------------------------------------------------- decisions

    public String referBack() {
        errors.clear();
        List<JudgementInput> judged = judged(false);
        if (AssessmentReads.blankToNull(feedback) == null) {
            errors.put("feedback", messages.text("review.error.feedback"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            reviewDecisions.get().referBack(submission, judged, feedback, form.version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "review.referredBack", getView().submission().candidateName(), getView().submission().taskTitle());
        return "queue?faces-redirect=true";
    }

    public String signOff() {
        errors.clear();
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        try {
            List<JudgementInput> judged = judged(true);
            if (!declared) {
                errors.put("declaration", messages.text("review.error.declaration"));
            }
            if (typed.length == 0) {
                errors.put("password", messages.text("review.error.password"));
            }
            if (!errors.isEmpty()) {
                return null;
            }
            try {
                reviewDecisions.get().signOff(submission, judged, feedback, declared, typed, form.version());
            } catch (BusinessException e) {
                return refused(e);
            }
        } finally {
            java.util.Arrays.fill(typed, '\0');
        }
        messages.info(null, "review.signedOff", getView().submission().candidateName(), getView().submission().taskTitle());
        return "queue?faces-redirect=true";
    }

    public String raiseConcern() {
        errors.clear();
        if (AssessmentReads.blankToNull(concern) == null) {
            errors.put("concern", messages.text("review.error.concern"));
            return null;
        }
        try {
            safeguarding.get().raise(submission, concern);
        } catch (BusinessException e) {
            errors.put("concern", messages.text(e));
            return null;
        }
        concern = null;
        messages.info(null, "review.concernRaised");
        return "review?faces-redirect=true&includeViewParams=true";
    }

    public String correct() {
        return form.correct(messages, () -> getView().correctable(), reviewDecisions.get()::correct, "review");
    }

    /**
     * The judgements as chosen; every requirement needs a choice, one not yet met needs feedback, and a sign-off
     * needs every one met. Problems go next to each requirement.
     */
    private List<JudgementInput> judged(boolean signingOff) {
        List<JudgementInput> judged = new ArrayList<>();
        List<String> notMet = new ArrayList<>();
        for (RequirementLine r : getView().requirements()) {
            String choice = met.get(r.requirementId());
            String words = requirementFeedback.get(r.requirementId());
            if (choice == null) {
                errors.put("req:" + r.requirementId(), messages.text("review.error.choose"));
                continue;
            }
            boolean isMet = MET.equals(choice);
            if (!isMet) {
                notMet.add(r.code());
                if (!signingOff && AssessmentReads.blankToNull(words) == null) {
                    errors.put("req:" + r.requirementId() + ":feedback", messages.text("review.error.missing"));
                }
            }
            judged.add(new JudgementInput(r.requirementId(), isMet, words));
        }
        if (signingOff && !notMet.isEmpty()) {
            errors.put("signOff", messages.text("review.error.notAllMet", String.join(", ", notMet)));
        }
        return judged;
    }

    /** Shows a refusal next to its field, or at the top of the page; keeps everything typed but the password. */
    private String refused(BusinessException e) {
        return form.refused(messages, e);
    }

    // ---------------------------------------------------------------- the form

    public String error(String field) {
        return errors.get(field);
    }

    public String requirementError(long requirementId) {
        return errors.get("req:" + requirementId);
    }

    public String requirementFeedbackError(long requirementId) {
        return errors.get("req:" + requirementId + ":feedback");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Long getSubmission() {
        return submission;
    }

    public void setSubmission(Long submission) {
        this.submission = submission;
    }

    public String getRefusal() {
        return form.refusal();
    }

    public Map<Long, String> getMet() {
        return met;
    }

    public Map<Long, String> getRequirementFeedback() {
        return requirementFeedback;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }

    public boolean isDeclared() {
        return declared;
    }

    public void setDeclared(boolean declared) {
        this.declared = declared;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConcern() {
        return concern;
    }

    public void setConcern(String concern) {
        this.concern = concern;
    }

    public String getCorrectionReason() {
        return form.getCorrectionReason();
    }

    public void setCorrectionReason(String correctionReason) {
        form.setCorrectionReason(correctionReason);
    }

    public String getMetValue() {
        return MET;
    }

    public String getNotYetValue() {
        return NOT_YET;
    }
}
