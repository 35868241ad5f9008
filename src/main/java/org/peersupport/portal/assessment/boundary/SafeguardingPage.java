package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/** Backs {@code safeguarding/index.xhtml}: open concerns, oldest first, each closed with an outcome; recently closed ones. */
@Named
@ViewScoped
public class SafeguardingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Safeguarding> safeguarding = SessionBeanRef.of(Safeguarding.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private transient List<ConcernView> open;
    private transient List<ConcernView> closed;
    private final Map<Long, String> outcome = new HashMap<>();
    private final Map<Long, String> errors = new HashMap<>();

    public List<ConcernView> getOpen() {
        if (open == null) {
            open = safeguarding.get().openConcerns();
        }
        return open;
    }

    public List<ConcernView> getClosed() {
        if (closed == null) {
            closed = safeguarding.get().closedConcerns();
        }
        return closed;
    }

    public String close(ConcernView concern) {
        errors.clear();
        String words = outcome.get(concern.id());
        if (words == null || words.isBlank()) {
            errors.put(concern.id(), messages.text("safeguarding.error.outcome"));
            return null;
        }
        try {
            safeguarding.get().close(concern.id(), words, concern.version());
        } catch (BusinessException e) {
            errors.put(concern.id(), messages.text(e));
            return null;
        }
        outcome.remove(concern.id());
        messages.info(null, "safeguarding.closedMessage", concern.candidateName());
        return "index?faces-redirect=true";
    }

    public String error(long concernId) {
        return errors.get(concernId);
    }

    public Map<Long, String> getOutcome() {
        return outcome;
    }
}
