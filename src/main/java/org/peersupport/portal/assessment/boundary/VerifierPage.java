package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.peersupport.portal.assessment.entity.SamplingPlan;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code verifier/index.xhtml}: sampled sign-offs waiting for the verifier, those they returned, the default
 * sampling plan, each assessor's plan and the picked candidates. The view keeps the forms' fields; the lists are read
 * again when the page is shown.
 */
@Named
@ViewScoped
public class VerifierPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Verification> verification = SessionBeanRef.of(Verification.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private transient VerifierHome home;
    private String defaultFirstN;
    private String defaultRate;
    private final Map<Long, String> firstN = new HashMap<>();
    private final Map<Long, String> rate = new HashMap<>();
    private Long pickEnrolment;
    /** Problems by field ("default:firstN", "plan:12:rate", "pick"...), shown next to the field. */
    private final Map<String, String> errors = new HashMap<>();

    public void load() {
        if (faces.isPostback()) {
            return;
        }
        VerifierHome h = getHome();
        if (h.defaultPlan() != null) {
            defaultFirstN = String.valueOf(h.defaultPlan().firstN());
            defaultRate = String.valueOf(h.defaultPlan().ratePercent());
        }
        for (AssessorLine line : h.assessors()) {
            PlanView plan = line.plan() != null ? line.plan() : h.defaultPlan();
            firstN.put(line.assessorId(), plan == null ? "" : String.valueOf(plan.firstN()));
            rate.put(line.assessorId(), plan == null ? "" : String.valueOf(plan.ratePercent()));
        }
    }

    public VerifierHome getHome() {
        if (home == null) {
            home = verification.get().home();
        }
        return home;
    }

    public String saveDefault() {
        errors.clear();
        Integer n = number("default:firstN", defaultFirstN, SamplingPlan.MAX_FIRST_N, "verifier.error.firstN");
        Integer r = number("default:rate", defaultRate, 100, "verifier.error.rate");
        if (!errors.isEmpty()) {
            return null;
        }
        PlanView plan = getHome().defaultPlan();
        try {
            verification.get().savePlan(null, n, r, plan == null ? null : plan.version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "verifier.plan.defaultSaved", n, r);
        return "index?faces-redirect=true";
    }

    public String savePlan(AssessorLine line) {
        errors.clear();
        String prefix = "plan:" + line.assessorId() + ":";
        Integer n = number(prefix + "firstN", firstN.get(line.assessorId()), SamplingPlan.MAX_FIRST_N, "verifier.error.firstN");
        Integer r = number(prefix + "rate", rate.get(line.assessorId()), 100, "verifier.error.rate");
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            verification.get().savePlan(line.assessorId(), n, r, line.plan() == null ? null : line.plan().version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "verifier.plan.saved", line.name(), n, r);
        return "index?faces-redirect=true";
    }

    public String removePlan(AssessorLine line) {
        errors.clear();
        if (line.plan() == null) {
            return null;
        }
        try {
            verification.get().removePlan(line.assessorId(), line.plan().version());
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "verifier.plan.removed", line.name());
        return "index?faces-redirect=true";
    }

    public String pick() {
        errors.clear();
        if (pickEnrolment == null) {
            errors.put("pick", messages.text("verifier.error.pick"));
            return null;
        }
        try {
            verification.get().pick(pickEnrolment);
        } catch (BusinessException e) {
            errors.put("pick", messages.text(e));
            return null;
        }
        messages.info(null, "verifier.picked");
        return "index?faces-redirect=true";
    }

    public String unpick(PickLine line) {
        verification.get().unpick(line.enrolmentId());
        messages.info(null, "verifier.unpicked", line.candidateName());
        return "index?faces-redirect=true";
    }

    private Integer number(String field, String typed, int max, String key) {
        try {
            int value = Integer.parseInt(typed == null ? "" : typed.strip());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // a message follows
        }
        errors.put(field, messages.text(key, max));
        return null;
    }

    private String refused(BusinessException e) {
        messages.refused(null, e);
        home = null;
        return null;
    }


    public String error(String field) {
        return errors.get(field);
    }

    public String getDefaultFirstN() {
        return defaultFirstN;
    }

    public void setDefaultFirstN(String defaultFirstN) {
        this.defaultFirstN = defaultFirstN;
    }

    public String getDefaultRate() {
        return defaultRate;
    }

    public void setDefaultRate(String defaultRate) {
        this.defaultRate = defaultRate;
    }

    public Map<Long, String> getFirstN() {
        return firstN;
    }

    public Map<Long, String> getRate() {
        return rate;
    }

    public Long getPickEnrolment() {
        return pickEnrolment;
    }

    public void setPickEnrolment(Long pickEnrolment) {
        this.pickEnrolment = pickEnrolment;
    }
}
