package org.peersupport.portal.candidate.boundary;

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
 * Backs the caseload forms of {@code coordinator/cohort.xhtml}: each supervisor's caseload cap, and a person in the
 * directory made a supervisor with a cap.
 */
@Named
@ViewScoped
public class CaseloadsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "caseloads";

    @Inject
    CohortPage page;

    private final SessionBeanRef<Allocations> allocations = SessionBeanRef.of(Allocations.class);

    @Inject
    Messages messages;

    private final Map<String, Integer> caps = new HashMap<>();
    private String newSupervisor;
    private Integer newCap;

    public void saveCap(SupervisorLoad supervisor) {
        page.clearErrors();
        page.focus(SECTION);
        Integer cap = caps.get(supervisor.username());
        if (cap == null) {
            page.rowError("cap", supervisor.username(), messages.text("cohortAdmin.cap.required"));
            return;
        }
        try {
            allocations.get().setCaseloadCap(supervisor.username(), cap);
            page.confirm(SECTION, "cohortAdmin.cap.saved", supervisor.displayName(), cap);
        } catch (BusinessException e) {
            page.rowError("cap", supervisor.username(), messages.text(e));
        }
        page.refresh();
    }

    /** Makes a person in the directory a supervisor, with a caseload cap. */
    public void addSupervisor() {
        page.focus(SECTION);
        try {
            allocations.get().setCaseloadCap(newSupervisor.strip(), newCap);
            page.confirm(SECTION, "cohortAdmin.supervisor.added", newSupervisor.strip(), newCap);
            newSupervisor = null;
            newCap = null;
        } catch (BusinessException e) {
            messages.refused("addSupervisor:username", e);
        }
        page.refresh();
    }

    /** The supervisors, each with their cap in the form unless the coordinator has typed another. */
    public List<SupervisorLoad> getSupervisors() {
        List<SupervisorLoad> supervisors = page.getSupervisors();
        supervisors.forEach(s -> caps.putIfAbsent(s.username(), s.cap()));
        return supervisors;
    }

    public Map<String, Integer> getCaps() { return caps; }
    public String getNewSupervisor() { return newSupervisor; }
    public void setNewSupervisor(String newSupervisor) { this.newSupervisor = newSupervisor; }
    public Integer getNewCap() { return newCap; }
    public void setNewCap(Integer newCap) { this.newCap = newCap; }
}
