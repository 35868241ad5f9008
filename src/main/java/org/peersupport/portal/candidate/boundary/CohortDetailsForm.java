package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the details form of {@code coordinator/cohort.xhtml}: the cohort's name, dates, where it meets, who runs it,
 * its places and attendance threshold, saved under optimistic locking (the version the coordinator saw).
 */
@Named
@ViewScoped
public class CohortDetailsForm extends CohortFields {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "details";

    @Inject
    CohortPage page;

    private final SessionBeanRef<Cohorts> cohorts = SessionBeanRef.of(Cohorts.class);

    @Inject
    Messages messages;

    private long version;

    @PostConstruct
    void fill() {
        fill(page.getCohort());
    }

    /** A saved change to the cohort: the form shows the cohort as it now is. */
    void refill(@Observes(notifyObserver = Reception.IF_EXISTS) CohortPage.Saved saved) {
        fill(saved.cohort());
    }

    @Override
    protected void fill(CohortView cohort) {
        super.fill(cohort);
        version = cohort.version();
    }

    public void saveDetails() {
        try {
            cohorts.get().update(page.getId(), details(), version);
            messages.info(null, "cohortAdmin.details.saved");
            page.cohortSaved();
        } catch (BusinessException e) {
            messages.refused(CohortPages.fieldFor(FORM, e), e);
        }
    }

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
