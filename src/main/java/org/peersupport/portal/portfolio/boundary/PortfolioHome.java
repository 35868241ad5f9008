package org.peersupport.portal.portfolio.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.peersupport.portal.identity.entity.Role;

/**
 * Backs the portfolio card on the candidate's home page (one line per enrolment) and the "testimonies to confirm"
 * notice that home pages show anyone a candidate named as a witness.
 */
@Named
@RequestScoped
public class PortfolioHome {

    @Inject
    Portfolios portfolios;

    @Inject
    Testimonies testimonies;

    @Inject
    ExternalContext external;

    private List<PortfolioSummary> mine;
    private Long waiting;

    public List<PortfolioSummary> getPortfolios() {
        if (mine == null) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            mine = request.isUserInRole(Role.Names.CANDIDATE) ? portfolios.myPortfolios() : List.of();
        }
        return mine;
    }

    /** How many testimonies wait for the signed-in person's answer as a witness. */
    public long getTestimoniesWaiting() {
        if (waiting == null) {
            waiting = testimonies.waiting();
        }
        return waiting;
    }
}
