package org.peersupport.portal.governance.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs {@code governance/retention.xhtml}: the schedule in force, what the daily job will purge in the next 30 days,
 * the legal holds (with {@code ?person=}, the form that places one on that person or one of their course places),
 * and the purges so far, with a button that runs today's purge now if no node has run it yet.
 */
@Named
@ViewScoped
public class RetentionPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RetentionPage.class.getName());

    private final SessionBeanRef<Retention> retention = SessionBeanRef.of(Retention.class);

    private final SessionBeanRef<RetentionJob> job = SessionBeanRef.of(RetentionJob.class);

    private final SessionBeanRef<SubjectAccess> subjectAccess = SessionBeanRef.of(SubjectAccess.class);

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private Long person;
    private SubjectAccess.Found subject;
    private Map<Long, String> subjectEnrolments = Map.of();
    private String holdTarget = "";
    private String holdReason;
    private final Map<String, String> fieldErrors = new HashMap<>();
    private String holdsError;

    private List<Retention.ScheduleLine> schedule;
    private List<Retention.DueClass> due;
    private List<Retention.HoldLine> holds;
    private List<Retention.PurgeLine> purges;

    public void load() throws IOException {
        if (person != null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            subject = PageLoads.loadOrNotFound(faces, () -> subjectAccess.get().person(person), "governance.person.notFound");
            if (subject != null) {
                subjectEnrolments = new java.util.LinkedHashMap<>(retention.get().enrolmentsOf(person));
            }
        }
    }

    public void placeHold() {
        fieldErrors.clear();
        try {
            Long enrolment = holdTarget == null || holdTarget.isBlank() ? null : Long.valueOf(holdTarget);
            retention.get().placeHold(person, enrolment, holdReason);
            messages.info(null, "governance.hold.placed", subject.displayName());
            holdReason = null;
            holdTarget = "";
            refresh();
        } catch (NumberFormatException e) {
            fieldErrors.put("target", messages.text("governance.hold.enrolment.notFound"));
        } catch (BusinessException e) {
            fieldErrors.put(e.key().startsWith("governance.hold.reason") ? "reason" : "target", messages.text(e));
        }
    }

    public void release(long holdId, long version) {
        holdsError = null;
        try {
            retention.get().releaseHold(holdId, version);
            messages.info(null, "governance.hold.releasedNow");
        } catch (BusinessException e) {
            holdsError = messages.text(e);
        }
        refresh();
    }

    public void runToday() {
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        RetentionJob.PurgeRun run;
        try {
            run = job.get().run(today);
        } catch (RuntimeException e) {
            // rolled back and the day released: nothing was deleted
            LOG.log(java.util.logging.Level.SEVERE, "Today's retention purge, run from the retention page, failed", e);
            messages.error(null, "governance.purge.failed");
            refresh();
            return;
        }
        if (run.ran()) {
            messages.info(null, "governance.purge.ran", run.total());
        } else {
            messages.info(null, "governance.purge.alreadyRun");
        }
        refresh();
    }

    private void refresh() {
        due = null;
        holds = null;
        purges = null;
    }

    public List<Retention.ScheduleLine> getSchedule() {
        if (schedule == null) {
            schedule = retention.get().schedule();
        }
        return schedule;
    }

    public List<Retention.DueClass> getDue() {
        if (due == null) {
            due = retention.get().preview();
        }
        return due;
    }

    public long getDueTotal() {
        return getDue().stream().mapToLong(d -> d.records() - d.heldRecords()).sum();
    }

    public List<Retention.HoldLine> getHolds() {
        if (holds == null) {
            holds = retention.get().holds();
        }
        return holds;
    }

    public List<Retention.PurgeLine> getPurges() {
        if (purges == null) {
            purges = retention.get().purges(40);
        }
        return purges;
    }

    public int getPreviewDays() {
        return Retention.PREVIEW_DAYS;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public SubjectAccess.Found getSubject() {
        return subject;
    }

    public Map<Long, String> getSubjectEnrolments() {
        return subjectEnrolments;
    }

    public String getHoldTarget() {
        return holdTarget;
    }

    public void setHoldTarget(String holdTarget) {
        this.holdTarget = holdTarget;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public void setHoldReason(String holdReason) {
        this.holdReason = holdReason;
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    public String getHoldsError() {
        return holdsError;
    }
}
