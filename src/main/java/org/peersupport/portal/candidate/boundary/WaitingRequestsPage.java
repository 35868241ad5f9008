package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs "Waiting for you" on the coordinator's home page: the requests for places still to decide, oldest first. */
@Named
@RequestScoped
public class WaitingRequestsPage {

    /** How many the home page lists; each cohort's page lists all of its own. */
    static final int SHOWN = 20;

    @Inject
    PlaceRequests placeRequests;

    private List<WaitingPlaceRequest> requests;

    public List<WaitingPlaceRequest> getRequests() {
        if (requests == null) {
            requests = placeRequests.waitingPlaceRequests(SHOWN);
        }
        return requests;
    }
}
