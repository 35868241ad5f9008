package org.peersupport.portal.candidate.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code records/enrolment.xhtml?id=}: a candidate's record as the reader may see it, with confidential
 * notes for coordinators and the allocated supervisor and status changes for coordinators. The boundary decides
 * what the reader sees; a record they may not read looks exactly like one that does not exist.
 *
 * <p>The view keeps only ids, what each enrolment looked like when the page was opened (its version and status:
 * a change quotes the version, so someone else's change in between is refused, not overwritten; the buttons
 * follow the status the reader saw) and the form fields. The record itself is read again when a view is restored,
 * and its enrolments keep the order they were first shown in, so a form always acts on the enrolment it was on.
 */
@Named
@ViewScoped
public class RecordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<CandidateRecords> records = SessionBeanRef.of(CandidateRecords.class);

    private final SessionBeanRef<ConfidentialNotes> confidentialNotes = SessionBeanRef.of(ConfidentialNotes.class);

    private final SessionBeanRef<Enrolments> enrolments = SessionBeanRef.of(Enrolments.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long id;
    private boolean notFound;
    private final List<Long> order = new ArrayList<>();
    private final Map<Long, Long> versions = new HashMap<>();
    private final Map<Long, EnrolmentStatus> shown = new HashMap<>();
    private final Map<Long, EnrolmentForm> forms = new HashMap<>();
    /** Problems by enrolment and field ("12:reason"), shown next to the field. */
    private final Map<String, String> errors = new HashMap<>();
    /** Enrolments whose change was refused because someone else changed them first. */
    private final Set<Long> stale = new HashSet<>();

    private transient PersonRecord record;
    private transient List<EnrolmentRecord> ordered;

    public void load() {
        order.clear();
        versions.clear();
        shown.clear();
        record = read();
        if (record == null) {
            faces.getExternalContext().setResponseStatus(404);
            return;
        }
        for (EnrolmentRecord e : record.enrolments()) {
            order.add(e.enrolmentId());
            versions.put(e.enrolmentId(), e.version());
            shown.put(e.enrolmentId(), e.status());
        }
    }

    private PersonRecord read() {
        if (id == null) {
            notFound = true;
            return null;
        }
        try {
            return records.get().personRecord(id);
        } catch (BusinessException e) {
            notFound = true;
            return null;
        }
    }

    // ---------------------------------------------------------------- reading

    /** The record; read again after the view was restored (it is not kept in the session). */
    public PersonRecord getRecord() {
        if (record == null && !notFound) {
            record = read();
        }
        return record;
    }

    /** The enrolments in the order they were first shown; any the reader can see since then come last. */
    public List<EnrolmentRecord> getEnrolments() {
        if (ordered == null) {
            PersonRecord r = getRecord();
            if (r == null) {
                return List.of();
            }
            Map<Long, EnrolmentRecord> byId = new HashMap<>();
            r.enrolments().forEach(e -> byId.put(e.enrolmentId(), e));
            List<EnrolmentRecord> list = new ArrayList<>();
            for (Long enrolmentId : order) {
                if (byId.containsKey(enrolmentId)) {
                    list.add(byId.remove(enrolmentId));
                }
            }
            r.enrolments().stream().filter(e -> byId.containsKey(e.enrolmentId())).forEach(list::add);
            ordered = list;
        }
        return ordered;
    }

    /** True when there is no such record or it is not the reader's (the two look the same). */
    public boolean isNotFound() {
        getRecord();
        return notFound;
    }

    /** The status the reader saw when the page was opened: the actions offered follow it. */
    public EnrolmentStatus shownStatus(long enrolmentId) {
        return shown.get(enrolmentId);
    }

    public EnrolmentForm form(long enrolmentId) {
        return forms.computeIfAbsent(enrolmentId, key -> new EnrolmentForm());
    }

    public String error(long enrolmentId, String field) {
        return errors.get(enrolmentId + ":" + field);
    }

    public boolean isStale(long enrolmentId) {
        return stale.contains(enrolmentId);
    }

    // ---------------------------------------------------------------- coordinators: status

    /** Activates, pauses, resumes, completes or withdraws an enrolment ({@code target} names the status). */
    public String move(long enrolmentId, String target) {
        EnrolmentStatus to = EnrolmentStatus.valueOf(target);
        EnrolmentForm form = form(enrolmentId);
        start();
        try {
            enrolments.get().changeStatus(enrolmentId, to, form.getReason(), version(enrolmentId));
        } catch (BusinessException e) {
            refused(enrolmentId, "enrolment.transition.reason".equals(e.key()) ? "reason" : "status", e);
            return null;
        }
        messages.info(null, "record.status.changed", messages.text("enrolment.status." + to.name()));
        return reload();
    }

    /** Defers an enrolment to a later cohort of the same course, where the candidate takes a place. */
    public String defer(long enrolmentId) {
        EnrolmentForm form = form(enrolmentId);
        start();
        if (form.getDeferTo() == null) {
            errors.put(enrolmentId + ":deferTo", messages.text("record.defer.cohort.required"));
        }
        if (form.getDeferReason() == null || form.getDeferReason().isBlank()) {
            errors.put(enrolmentId + ":deferReason", messages.text("record.defer.reason.required"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            enrolments.get().defer(enrolmentId, form.getDeferTo(), form.getDeferReason(), version(enrolmentId));
        } catch (BusinessException e) {
            refused(enrolmentId, "defer", e);
            return null;
        }
        messages.info(null, "record.deferred");
        return reload();
    }

    // ---------------------------------------------------------------- coordinators and the allocated supervisor: notes

    public String addNote(long enrolmentId) {
        EnrolmentForm form = form(enrolmentId);
        start();
        try {
            confidentialNotes.get().addNote(enrolmentId, form.getNote());
        } catch (BusinessException e) {
            refused(enrolmentId, "note", e);
            return null;
        }
        messages.info(null, "record.note.added");
        return reload();
    }

    // ---------------------------------------------------------------- helpers

    private void start() {
        errors.clear();
        stale.clear();
    }

    private long version(long enrolmentId) {
        Long version = versions.get(enrolmentId);
        if (version == null) {
            throw Caller.notYours();
        }
        return version;
    }

    /** Shows the boundary's reason next to the field or action it concerns; the typed text stays in the form. */
    private void refused(long enrolmentId, String field, BusinessException e) {
        if ("enrolment.stale".equals(e.key())) {
            stale.add(enrolmentId);
            field = "defer".equals(field) ? "defer" : "status";
        }
        errors.put(enrolmentId + ":" + field, messages.text(e));
        record = null;
        ordered = null;
    }

    private String reload() {
        return "enrolment?faces-redirect=true&id=" + id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** What a reader types on one enrolment: a reason for a status change, a deferral, a note. */
    public static class EnrolmentForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String reason;
        private Long deferTo;
        private String deferReason;
        private String note;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public Long getDeferTo() {
            return deferTo;
        }

        public void setDeferTo(Long deferTo) {
            this.deferTo = deferTo;
        }

        public String getDeferReason() {
            return deferReason;
        }

        public void setDeferReason(String deferReason) {
            this.deferReason = deferReason;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }
}
