package org.peersupport.portal.portfolio.boundary;

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

/**
 * Backs {@code witness/testimonies.xhtml}: the testimonies that name the signed-in person as witness, each to confirm
 * or decline with a reason. Open to anyone signed in: a witness may hold no role in the portal.
 */
@Named
@ViewScoped
public class TestimoniesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Testimonies> testimonies = SessionBeanRef.of(Testimonies.class);

    @Inject
    Messages messages;

    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> errors = new HashMap<>();
    private transient List<TestimonyRequest> requests;

    public List<TestimonyRequest> getRequests() {
        if (requests == null) {
            requests = testimonies.get().toConfirm();
        }
        return requests;
    }

    public String confirm(TestimonyRequest request) {
        try {
            testimonies.get().confirm(request.itemId(), request.version());
        } catch (BusinessException e) {
            messages.refused(null, e);
            requests = null;
            return null;
        }
        messages.info(null, "testimonies.confirmed", request.candidateName());
        return "testimonies?faces-redirect=true";
    }

    public String decline(TestimonyRequest request) {
        errors.clear();
        try {
            testimonies.get().decline(request.itemId(), reasons.get(request.itemId()), request.version());
        } catch (BusinessException e) {
            if (e.key() != null && e.key().startsWith("testimony.reason")) {
                errors.put(request.itemId(), messages.text(e));
            } else {
                messages.refused(null, e);
            }
            requests = null;
            return null;
        }
        messages.info(null, "testimonies.declined", request.candidateName());
        return "testimonies?faces-redirect=true";
    }

    public String error(long itemId) {
        return errors.get(itemId);
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
