package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.PlaceRequest;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.identity.control.RoleMembers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Requests for places: any member of staff asks for a place on a cohort and sees their requests; coordinators are
 * told, see the requests waiting and approve (enrolling the person, if there is room) or decline them.
 */
@Stateless
@DenyAll
public class PlaceRequests {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    LessonAccess access;

    @Inject
    Notifier notifier;

    @Inject
    RoleMembers roleMembers;

    /** The caller asks for a place on a cohort, optionally saying why. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public long requestPlace(long cohortId, String message) {
        Cohort cohort = places().cohort(cohortId);
        Person me = new Caller(session, em).person();
        if (cohort.getEndDate().isBefore(access.now().toLocalDate()) || cohort.getCourse().getStatus() == CourseStatus.DRAFT) {
            throw new BusinessException("placeRequest.closed", cohort.getName() + " is not taking requests.",
                    cohort.getName());
        }
        places().requireNotOn(me, cohort);
        if (em.createNamedQuery(PlaceRequest.PENDING_OF_PERSON, Long.class).setParameter("personId", me.getId())
                .setParameter("cohortId", cohortId).setParameter("status", PlaceRequestStatus.PENDING).getSingleResult() > 0) {
            throw new BusinessException("placeRequest.pending", "You have asked for a place on " + cohort.getName()
                    + " already; a coordinator will reply.", cohort.getName());
        }
        if (message != null && message.length() > 2000) {
            throw new BusinessException("placeRequest.long", "Keep the message under 2,000 characters.");
        }
        PlaceRequest request = new PlaceRequest(me, cohort, message, now());
        em.persist(request);
        em.flush();
        audit.fire(AuditEvent.of("PLACE_REQUESTED", "PlaceRequest", request.getId(), cohort.getName()));
        tellCoordinators(request);
        return request.getId();
    }

    /**
     * Tells every training coordinator (the directory's members of the coordinators' groups, but not the requester)
     * of a new request, with a link to the cohort's requests, where they decide it. The requester's message stays on
     * that page: notices are emailed. When the directory cannot be reached nobody is told, and the request stands.
     */
    private void tellCoordinators(PlaceRequest request) {
        Cohort cohort = request.getCohort();
        Person requester = request.getPerson();
        String title = notifier.text("notice.placeRequested.title", requester.getDisplayName(), cohort.getName());
        String text = notifier.text("notice.placeRequested.text", requester.getDisplayName(), cohort.getName(),
                cohort.getCourse().getTitle(), java.sql.Date.valueOf(cohort.getStartDate()));
        String link = "/coordinator/cohort.xhtml?id=" + cohort.getId() + "#requests-heading";
        for (Person coordinator : roleMembers.holding(Role.COORDINATOR)) {
            if (!coordinator.getId().equals(requester.getId())) {
                notifier.notify(coordinator, NoticeKind.PLACE_REQUESTED, title, text, link);
            }
        }
    }

    /** The caller's own requests for places, newest first, with each coordinator's decision and reason. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public List<MyPlaceRequest> myPlaceRequests() {
        Person me = new Caller(session, em).person();
        return em.createQuery("select r from PlaceRequest r join fetch r.cohort c join fetch c.course "
                + "where r.person.id = :personId order by r.requestedAt desc, r.id desc", PlaceRequest.class)
                .setParameter("personId", me.getId()).getResultList().stream()
                .map(r -> new MyPlaceRequest(r.getId(), r.getCohort().getId(), r.getCohort().getName(),
                        r.getCohort().getCourse().getCode(), r.getCohort().getCourse().getTitle(),
                        r.getCohort().getStartDate(), r.getMessage(), r.getRequestedAt(), r.getStatus(),
                        r.getDecisionReason(), r.getDecidedAt())).toList();
    }

    /** The cohorts the caller is on (in any status), so that a page need not offer them a place there again. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public Set<Long> myCohortIds() {
        Person me = new Caller(session, em).person();
        return new HashSet<>(em.createQuery("select e.cohort.id from Enrolment e where e.person.id = :personId", Long.class)
                .setParameter("personId", me.getId()).getResultList());
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<PlaceRequestView> placeRequests(long cohortId) {
        return em.createNamedQuery(PlaceRequest.OF_COHORT, PlaceRequest.class).setParameter("cohortId", cohortId)
                .setParameter("status", PlaceRequestStatus.PENDING).getResultList().stream()
                .map(r -> new PlaceRequestView(r.getId(), cohortId, r.getPerson().getUsername(),
                        r.getPerson().getDisplayName(), r.getPerson().getDepartment(), r.getMessage(), r.getRequestedAt(),
                        r.getStatus())).toList();
    }

    /**
     * The requests for places waiting for a decision on any cohort, oldest first, for the coordinator's home page
     * (at most {@code limit}; the cohort pages list each cohort's in full).
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<WaitingPlaceRequest> waitingPlaceRequests(int limit) {
        return em.createNamedQuery(PlaceRequest.WAITING, PlaceRequest.class)
                .setParameter("status", PlaceRequestStatus.PENDING).setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultList().stream()
                .map(r -> new WaitingPlaceRequest(r.getId(), r.getCohort().getId(), r.getCohort().getName(),
                        r.getCohort().getCourse().getCode(), r.getPerson().getDisplayName(), r.getPerson().getDepartment(),
                        r.getRequestedAt())).toList();
    }

    /** Approves a request: the person is enrolled, if there is room. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long approve(long requestId) {
        PlaceRequest request = placeRequest(requestId);
        Cohort cohort = places().locked(request.getCohort().getId());
        request.approve(actor(), now());
        places().requireNotOn(request.getPerson(), cohort);
        cohort.requireRoomFor(places().taken(cohort.getId()), 1);
        Enrolment enrolment = places().enrol(request.getPerson(), cohort, "place request approved", actor(), now());
        audit.fire(AuditEvent.of("PLACE_REQUEST_APPROVED", "PlaceRequest", requestId, "enrolment " + enrolment.getId()));
        notifier.notify(request.getPerson(), NoticeKind.PLACE_APPROVED, notifier.text("notice.placeApproved.title",
                cohort.getName()), notifier.text("notice.placeApproved.text", cohort.getName(),
                cohort.getCourse().getTitle(), java.sql.Date.valueOf(cohort.getStartDate())), "/home.xhtml");
        return enrolment.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void decline(long requestId, String reason) {
        PlaceRequest request = placeRequest(requestId);
        request.decline(reason, actor(), now());
        audit.fire(AuditEvent.of("PLACE_REQUEST_DECLINED", "PlaceRequest", requestId, "declined with a reason"));
        notifier.notify(request.getPerson(), NoticeKind.PLACE_DECLINED, notifier.text("notice.placeDeclined.title",
                request.getCohort().getName()), notifier.text("notice.placeDeclined.text", request.getCohort().getName(),
                request.getDecisionReason()), null);
    }

    private PlaceRequest placeRequest(long requestId) {
        return em.createNamedQuery(PlaceRequest.WITH_COHORT, PlaceRequest.class).setParameter("id", requestId)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("placeRequest.notFound",
                        "There is no such request."));
    }

    private CohortPlaces places() {
        return new CohortPlaces(em, audit);
    }

    private String actor() {
        return new Caller(session, em).username();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
