package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.candidate.boundary.CohortPage.CandidateLine;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the allocations form of {@code coordinator/cohort.xhtml}: a supervisor allocated to each candidate who holds
 * a place, with a reason, the suggested supervisor chosen until the coordinator chooses another.
 */
@Named
@ViewScoped
public class AllocationsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "allocate";

    @Inject
    CohortPage page;

    private final SessionBeanRef<Allocations> allocations = SessionBeanRef.of(Allocations.class);

    @Inject
    Messages messages;

    private final Map<Long, String> allocationChoice = new HashMap<>();
    private final Map<Long, String> allocationReason = new HashMap<>();

    public void allocate(CandidateLine line) {
        page.clearErrors();
        page.focus(SECTION);
        long enrolmentId = line.enrolment().id();
        String supervisor = allocationChoice.get(enrolmentId);
        if (supervisor == null || supervisor.isBlank()) {
            page.rowError(SECTION, enrolmentId, messages.text("cohortAdmin.allocate.required"));
            return;
        }
        try {
            allocations.get().allocate(enrolmentId, supervisor, allocationReason.get(enrolmentId));
            allocationChoice.remove(enrolmentId);
            allocationReason.remove(enrolmentId);
            page.confirm(SECTION, "cohortAdmin.allocated", supervisorName(supervisor), line.enrolment().displayName());
        } catch (BusinessException e) {
            page.rowError(SECTION, enrolmentId, messages.text(e));
        }
        page.refresh();
    }

    /** The candidates who hold a place, each with the suggested supervisor chosen unless another is. */
    public List<CandidateLine> getCurrentCandidates() {
        List<CandidateLine> current = page.getCurrentCandidates();
        for (CandidateLine line : current) {
            if (line.suggestion() != null) {
                allocationChoice.putIfAbsent(line.enrolment().id(), line.suggestion().username());
            }
        }
        return current;
    }

    private String supervisorName(String username) {
        return page.getSupervisors().stream().filter(s -> s.username().equals(username))
                .map(SupervisorLoad::displayName).findFirst().orElse(username);
    }

    public Map<Long, String> getAllocationChoice() { return allocationChoice; }
    public Map<Long, String> getAllocationReason() { return allocationReason; }
}
