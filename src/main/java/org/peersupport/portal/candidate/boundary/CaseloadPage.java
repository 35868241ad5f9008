package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the supervisor's home page: the candidates allocated to them, with how each is getting on. */
@Named
@RequestScoped
public class CaseloadPage {

    @Inject
    Allocations allocations;

    private List<CaseloadLine> caseload;

    public List<CaseloadLine> getCaseload() {
        if (caseload == null) {
            caseload = allocations.myCaseload();
        }
        return caseload;
    }
}
