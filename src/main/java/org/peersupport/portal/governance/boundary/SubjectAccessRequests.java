package org.peersupport.portal.governance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.SubjectAccessExports;
import org.peersupport.portal.governance.control.SubjectAccessWriter;
import org.peersupport.portal.governance.entity.Disclosure;
import org.peersupport.portal.governance.entity.SubjectAccessRequest;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The register of subject access requests the governance role handles (a request made by letter, email or in
 * person): recorded with the day it arrived and the day the answer is due, one calendar month later; for each class
 * of record that names other people and that the person has, the officer's rule (include, redact or withhold, with
 * why), recorded as a new decision each time; the export, which applies the rules; and the request answered. Every
 * step is written to the audit trail in its own transaction, keyed to the person the request is about.
 */
@Stateless
@DenyAll
public class SubjectAccessRequests {

    /** One line of the register. */
    public record RequestLine(long id, String personName, LocalDate receivedOn, LocalDate dueOn, Instant completedAt,
            boolean overdue, long daysLeft) implements Serializable {
    }

    /** One class of record that names other people, as it stands for a request. */
    public record ReviewClass(String key, long held, Disclosure.Decision decision, String reason, String decidedBy,
            Instant decidedAt) implements Serializable {

        public boolean decided() {
            return held == 0 || decision != null;
        }
    }

    /** A request, with what the officer still has to decide. */
    public record RequestView(long id, long version, long personId, String personName, String personUsername,
            LocalDate receivedOn, LocalDate dueOn, SubjectAccessRequest.Channel channel, String reference,
            String recordedBy, Instant completedAt, String completedBy, boolean overdue, List<ReviewClass> classes)
            implements Serializable {

        /** Every class the person has records of is decided: the export may be produced. */
        public boolean ready() {
            return classes.stream().allMatch(ReviewClass::decided);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @Inject
    SubjectAccessExports exports;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    /** Open requests first, soonest due first; then answered ones. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<RequestLine> register() {
        LocalDate today = today();
        return em.createNamedQuery(SubjectAccessRequest.REGISTER, SubjectAccessRequest.class).getResultStream()
                .map(r -> new RequestLine(r.getId(), r.getPerson().getDisplayName(), r.getReceivedOn(), r.getDueOn(),
                        r.getCompletedAt(), r.isOverdue(today), ChronoUnit.DAYS.between(today, r.getDueOn())))
                .toList();
    }

    /** Records a request about {@code personId} that arrived on {@code receivedOn}; returns its id. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public long record(long personId, LocalDate receivedOn, SubjectAccessRequest.Channel channel, String reference) {
        Person me = callers.require(session.getCallerPrincipal());
        Person subject = em.find(Person.class, personId);
        if (subject == null) {
            throw new BusinessException("governance.person.notFound", "There is no such person.");
        }
        if (receivedOn == null) {
            throw new BusinessException("governance.request.receivedOn.required", "Enter the day the request arrived.");
        }
        if (receivedOn.isAfter(today())) {
            throw new BusinessException("governance.request.receivedOn.future",
                    "The day the request arrived cannot be in the future.");
        }
        if (channel == null) {
            throw new BusinessException("governance.request.channel.required", "Choose how the request arrived.");
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null && ref.length() > SubjectAccessRequest.MAX_REFERENCE) {
            throw new BusinessException("governance.request.reference.tooLong", "Keep the reference to at most "
                    + SubjectAccessRequest.MAX_REFERENCE + " characters.", SubjectAccessRequest.MAX_REFERENCE);
        }
        SubjectAccessRequest request = new SubjectAccessRequest(subject, receivedOn, channel, ref, me, Instant.now(clock));
        em.persist(request);
        em.flush();
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_REQUEST_RECORDED", "SubjectAccessRequest",
                request.getId(), "received " + receivedOn + " by " + channel + ", due " + request.getDueOn())
                .about(subject.getId()));
        return request.getId();
    }

    @RolesAllowed(Role.Names.GOVERNANCE)
    public RequestView request(long requestId) {
        SubjectAccessRequest r = find(requestId);
        Map<String, Disclosure> latest = latestDecisions(requestId);
        List<ReviewClass> classes = new ArrayList<>();
        for (PersonalRecordClass c : exports.reviewClasses()) {
            Disclosure d = latest.get(c.key());
            classes.add(new ReviewClass(c.key(), exports.held(c, r.getPerson().getId()), d == null ? null : d.getDecision(),
                    d == null ? null : d.getReason(), d == null ? null : d.getDecidedBy().getDisplayName(),
                    d == null ? null : d.getDecidedAt()));
        }
        return new RequestView(r.getId(), r.getVersion(), r.getPerson().getId(), r.getPerson().getDisplayName(),
                r.getPerson().getUsername(), r.getReceivedOn(), r.getDueOn(), r.getChannel(), r.getReference(),
                r.getRecordedBy().getDisplayName(), r.getCompletedAt(), r.getCompletedBy() == null ? null
                        : r.getCompletedBy().getDisplayName(), r.isOverdue(today()), classes);
    }

    /** Records the rule for one class of record on an open request: a new decision, which replaces any earlier one. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void decide(long requestId, String recordClass, Disclosure.Decision decision, String reason) {
        Person me = callers.require(session.getCallerPrincipal());
        SubjectAccessRequest r = open(requestId);
        if (exports.reviewClasses().stream().noneMatch(c -> c.key().equals(recordClass))) {
            throw new BusinessException("governance.request.class.unknown", "There is no such class of record to decide.");
        }
        if (decision == null) {
            throw new BusinessException("governance.request.decision.required",
                    "Choose whether to include, redact or withhold these records.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision.needsReason() && why == null) {
            throw new BusinessException("governance.request.reason.required",
                    "Say why you redact or withhold these records: the reason is kept with the request.");
        }
        if (why != null && why.length() > Disclosure.MAX_REASON) {
            throw new BusinessException("governance.request.reason.tooLong", "Keep the reason to at most "
                    + Disclosure.MAX_REASON + " characters.", Disclosure.MAX_REASON);
        }
        em.persist(new Disclosure(r, recordClass, decision, why, me, Instant.now(clock)));
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_DISCLOSURE_DECIDED", "SubjectAccessRequest",
                requestId, recordClass + ": " + decision).about(r.getPerson().getId()));
    }

    /** Writes the request's export with the officer's rules applied; refused until every class held is decided. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void export(long requestId, OutputStream out) throws IOException {
        Person me = callers.require(session.getCallerPrincipal());
        RequestView view = request(requestId);
        if (!view.ready()) {
            throw new BusinessException("governance.request.undecided",
                    "Decide first what happens to each kind of record that names other people.");
        }
        Map<String, SubjectAccessWriter.Rule> rules = new LinkedHashMap<>();
        for (ReviewClass c : view.classes()) {
            if (c.decision() != null) {
                rules.put(c.key(), new SubjectAccessWriter.Rule(c.decision(), c.reason()));
            }
        }
        Person subject = em.find(Person.class, view.personId());
        long rows = exports.write(subject, me, true, rules, out);
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_EXPORTED", "SubjectAccessRequest", requestId, rows
                + " records; rules " + rules.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().decision())
                        .toList()).about(subject.getId()));
    }

    /** Marks the request answered (the export was sent), as seen at {@code version}. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void complete(long requestId, long version) {
        Person me = callers.require(session.getCallerPrincipal());
        SubjectAccessRequest r = open(requestId);
        if (r.getVersion() != version) {
            throw new BusinessException("governance.request.stale",
                    "Someone else changed this request since you opened it. Look at it again before you mark it answered.");
        }
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        r.complete(me, Instant.now(clock));
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_COMPLETED", "SubjectAccessRequest", requestId,
                "answered" + (r.isOverdue(today()) ? " after the due date " + r.getDueOn() : ""))
                .about(r.getPerson().getId()));
    }

    /** The file name of a request's export. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public String fileName(long requestId) {
        return "subject-access-request-" + requestId + "-" + today() + ".zip";
    }

    private Map<String, Disclosure> latestDecisions(long requestId) {
        Map<String, Disclosure> latest = new LinkedHashMap<>();
        em.createNamedQuery(Disclosure.OF_REQUEST, Disclosure.class).setParameter("request", requestId)
                .getResultStream().forEach(d -> latest.put(d.getRecordClass(), d));
        return latest;
    }

    private SubjectAccessRequest open(long requestId) {
        SubjectAccessRequest r = find(requestId);
        if (r.getCompletedAt() != null) {
            throw new BusinessException("governance.request.closed", "This request is answered: nothing more can change.");
        }
        return r;
    }

    private SubjectAccessRequest find(long requestId) {
        SubjectAccessRequest r = em.find(SubjectAccessRequest.class, requestId);
        if (r == null) {
            throw new BusinessException("governance.request.notFound", "There is no such request.");
        }
        return r;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UkTime.ZONE));
    }
}
