package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the schedule form of {@code coordinator/cohort.xhtml}: the date and time of each session (rescheduled under
 * optimistic locking), each session's lesson opened early, and the link to a session's register from its day on.
 */
@Named
@ViewScoped
public class CohortScheduleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CohortPage page;

    private final SessionBeanRef<Cohorts> cohorts = SessionBeanRef.of(Cohorts.class);

    @Inject
    LessonAccess access;

    @Inject
    Messages messages;

    private long version;
    private List<ScheduleSlot> schedule = new ArrayList<>();
    private transient LocalDate today;

    @PostConstruct
    void fill() {
        fill(page.getCohort());
    }

    /** A saved change to the cohort: the form shows the schedule as it now is. */
    void refill(@Observes(notifyObserver = Reception.IF_EXISTS) CohortPage.Saved saved) {
        fill(saved.cohort());
    }

    private void fill(CohortView cohort) {
        version = cohort.version();
        schedule = new ArrayList<>(cohort.sessions().stream()
                .map(s -> new ScheduleSlot(s.number(), s.title(), s.startsAt())).toList());
    }

    public void saveSchedule() {
        int outOfOrder = ScheduleSlot.firstOutOfOrder(schedule);
        if (outOfOrder > 0) {
            messages.error("schedule:slots:" + (outOfOrder - 1) + ":startsAt", "cohorts.schedule.order", outOfOrder,
                    outOfOrder - 1);
            return;
        }
        try {
            cohorts.get().reschedule(page.getId(), ScheduleSlot.dates(schedule), version);
            messages.info(null, "cohortAdmin.schedule.saved");
            page.cohortSaved();
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
    }

    /** Opens a session's lesson to the cohort now. Dates typed but not saved stay in the form. */
    public void openEarly(CohortSessionView s) {
        try {
            cohorts.get().openEarly(page.getId(), s.number());
            messages.info(null, "cohortAdmin.schedule.opened", s.number(), s.title());
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
        page.cohortChanged();
    }

    /** The cohort's session with this number, as saved. */
    public CohortSessionView session(int number) {
        return page.getCohort().sessions().stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }

    /** Whether a session's register can be taken: from its day on. */
    public boolean registerOpen(CohortSessionView s) {
        if (today == null) {
            today = access.now().toLocalDate();
        }
        return !s.startsAt().toLocalDate().isAfter(today);
    }

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public List<ScheduleSlot> getSchedule() { return schedule; }
}
