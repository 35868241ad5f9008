package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code candidate/index.xhtml}: the candidate's own courses with their dated schedules, and the course's
 * agreement to accept from the first session. Request scoped, so a signed-in session keeps none of it between
 * pages (the schedules are read for each page); the accept button names its enrolment in the form itself, so it
 * always accepts the agreement the candidate was reading, and a refusal is shown in the same request.
 */
@Named
@RequestScoped
public class CandidateHomePage {

    /** The request parameter each agreement form carries its enrolment's id in. */
    static final String ENROLMENT = "enrolment";

    @Inject
    OwnEnrolments ownEnrolments;

    @Inject
    Agreements agreements;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private final Map<Long, String> errors = new HashMap<>();
    private List<MyCourse> courses;

    public List<MyCourse> getCourses() {
        if (courses == null) {
            courses = ownEnrolments.myCourses();
        }
        return courses;
    }

    /** Accepts the agreement of the enrolment the form names. */
    public String accept() {
        errors.clear();
        long enrolmentId;
        try {
            enrolmentId = Long.parseLong(faces.getExternalContext().getRequestParameterMap().getOrDefault(ENROLMENT, ""));
        } catch (NumberFormatException e) {
            return null;
        }
        try {
            agreements.acceptAgreement(enrolmentId);
        } catch (BusinessException e) {
            errors.put(enrolmentId, messages.text(e));
            courses = null;
            return null;
        }
        messages.info(null, "myCourse.agreement.thanks");
        return "index?faces-redirect=true";
    }

    public String error(long enrolmentId) {
        return errors.get(enrolmentId);
    }
}
