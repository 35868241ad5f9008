package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the place requests form of {@code coordinator/cohort.xhtml}: each request for a place approved (the person
 * is enrolled, if there is room) or declined with a reason.
 */
@Named
@ViewScoped
public class PlaceRequestsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "requests";

    @Inject
    CohortPage page;

    private final SessionBeanRef<PlaceRequests> placeRequests = SessionBeanRef.of(PlaceRequests.class);

    @Inject
    Messages messages;

    private final Map<Long, String> declineReasons = new HashMap<>();

    public void approve(PlaceRequestView request) {
        page.clearErrors();
        try {
            placeRequests.get().approve(request.id());
            page.confirm(SECTION, "cohortAdmin.request.approved", request.displayName());
        } catch (BusinessException e) {
            page.focus(SECTION);
            page.rowError("approve", request.id(), messages.text(e));
        }
        page.refresh();
    }

    public void decline(PlaceRequestView request) {
        page.clearErrors();
        try {
            placeRequests.get().decline(request.id(), declineReasons.get(request.id()));
            declineReasons.remove(request.id());
            page.confirm(SECTION, "cohortAdmin.request.declined", request.displayName());
        } catch (BusinessException e) {
            page.focus(SECTION);
            page.rowError("decline", request.id(), messages.text(e));
        }
        page.refresh();
    }

    public Map<Long, String> getDeclineReasons() { return declineReasons; }
}
