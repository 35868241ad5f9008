package org.peersupport.portal.governance.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code governance/erase.xhtml?person=}: what the portal holds about the person, what stays and why, what
 * stops the erasure, and the confirmation (the officer ticks that they have checked the request, then erases).
 */
@Named
@ViewScoped
public class ErasePage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Erasure> erasure = SessionBeanRef.of(Erasure.class);

    @Inject
    Messages messages;

    private Long person;
    private Erasure.Plan plan;
    private boolean confirmed;
    private String confirmError;

    public void load() throws IOException {
        if (person == null) {
            PageLoads.notFound(FacesContext.getCurrentInstance(), "There is no such person.");
            return;
        }
        plan = PageLoads.loadOrNotFound(FacesContext.getCurrentInstance(), () -> erasure.get().plan(person),
                "governance.person.notFound");
    }

    public String erase() {
        confirmError = null;
        if (!confirmed) {
            confirmError = messages.text("governance.erase.confirm.required");
            return null;
        }
        try {
            String name = plan.name();
            erasure.get().erase(person);
            messages.info(null, "governance.erase.done", name);
            return "/governance/index.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            confirmError = messages.text(e);
            plan = erasure.get().plan(person);
            return null;
        }
    }

    public Erasure.Plan getPlan() {
        return plan;
    }

    public java.util.List<String> getKept() {
        return Erasure.KEPT;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public String getConfirmError() {
        return confirmError;
    }
}
