package org.peersupport.portal.portfolio.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Testimony;
import org.peersupport.portal.portfolio.entity.WitnessStatus;

/**
 * Witness testimonies: the allocated supervisor records one from a witness they heard; or the candidate writes one
 * naming a witness from the staff directory, who signs in and confirms or declines it on their "Testimonies to
 * confirm" list. A witness reads only the testimonies that name them, and each read is audited.
 *
 * <p>The witness's methods are {@code @PermitAll} because a witness may be any member of staff in the directory,
 * including people who hold no role in this portal (web.xml still requires them to be signed in). Their record-level
 * check is that the signed-in caller is the witness the testimony names; nobody else gets anything.
 */
@Stateless
@DenyAll
public class Testimonies {

    static final int MAX_STATEMENT = 20_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    EvidenceAccess access;

    @Inject
    StaffDirectory staff;

    /**
     * The candidate writes a testimony and names its witness (a directory username); the witness is asked to confirm
     * it. Returns the new item's id.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public long request(long enrolmentId, String title, String witnessUsername, Testimony testimony) {
        Viewer viewer = PortfolioReads.viewer(session);
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireCandidate(viewer, e);
        PortfolioReads.requireEditable(e);
        String cleanTitle = EvidenceItems.title(title);
        Person witness = witness(staff, witnessUsername, e);
        EvidenceItem item = EvidenceItem.testimonyRequest(e, cleanTitle, witness, testimony(testimony, witness),
                viewer.username(), now());
        em.persist(item);
        em.flush();
        audit(viewer, "TESTIMONY_REQUESTED", item, "on enrolment " + enrolmentId + ", witness person " + witness.getId());
        return item.getId();
    }

    /** The allocated supervisor records a testimony from a witness they heard; it stands as recorded. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long record(long enrolmentId, String title, Testimony testimony) {
        Viewer viewer = PortfolioReads.viewer(session);
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireSupervisor(viewer, e);
        PortfolioReads.requireEditable(e);
        EvidenceItem item = EvidenceItem.testimonyRecorded(e, EvidenceItems.title(title), testimony(testimony, null),
                viewer.username(), now());
        em.persist(item);
        em.flush();
        audit(viewer, "TESTIMONY_RECORDED", item, "on enrolment " + enrolmentId + " by the allocated supervisor");
        return item.getId();
    }

    /** How many testimonies wait for the caller's answer (no content, so not audited). */
    @PermitAll
    public long waiting() {
        Person me = PortfolioReads.person(em, signedIn()).orElse(null);
        return me == null ? 0 : em.createQuery("select count(i) from EvidenceItem i where i.witnessPerson.id = :personId "
                + "and i.witnessStatus = :status", Long.class).setParameter("personId", me.getId())
                .setParameter("status", WitnessStatus.AWAITING).getSingleResult();
    }

    /** The testimonies that name the caller as witness and wait for their answer; each read is audited. */
    @PermitAll
    public List<TestimonyRequest> toConfirm() {
        Viewer viewer = signedIn();
        Person me = PortfolioReads.person(em, viewer).orElse(null);
        if (me == null) {
            return List.of();
        }
        List<EvidenceItem> items = em.createNamedQuery(EvidenceItem.AWAITING_WITNESS, EvidenceItem.class)
                .setParameter("personId", me.getId()).setParameter("status", WitnessStatus.AWAITING).getResultList();
        for (EvidenceItem item : items) {
            audit(viewer, "TESTIMONY_READ", item, "read by the witness it names");
        }
        return items.stream().map(i -> new TestimonyRequest(i.getId(), i.getEnrolment().getPerson().getDisplayName(),
                i.getEnrolment().getCohort().getCourse().getTitle(), i.getContent().title(), PortfolioReads.testimony(i),
                i.getUpdatedAt(), i.getVersion())).toList();
    }

    /** The witness confirms the statement as written. */
    @PermitAll
    public void confirm(long itemId, long expectedVersion) {
        Viewer viewer = signedIn();
        EvidenceItem item = mine(itemId, viewer, expectedVersion);
        item.confirm(now());
        flush();
        audit(viewer, "TESTIMONY_CONFIRMED", item, "by the witness");
    }

    /** The witness declines the statement, saying why; the candidate may revise it and ask again. */
    @PermitAll
    public void decline(long itemId, String reason, long expectedVersion) {
        Viewer viewer = signedIn();
        String why = PortfolioReads.blankToNull(reason);
        if (why == null) {
            throw new BusinessException("testimony.reason", "Say why you are declining, so the candidate can put it right.");
        }
        if (why.length() > 2000) {
            throw new BusinessException("testimony.reason.long", "Keep the reason under 2,000 characters.");
        }
        EvidenceItem item = mine(itemId, viewer, expectedVersion);
        item.decline(why, now());
        flush();
        audit(viewer, "TESTIMONY_DECLINED", item, "by the witness");
    }

    // ---------------------------------------------------------------- shared with EvidenceItems

    /** The witness a candidate names: a person in the directory, not the candidate themselves. */
    static Person witness(StaffDirectory staff, String username, Enrolment e) {
        if (PortfolioReads.blankToNull(username) == null) {
            throw new BusinessException("testimony.witness.required", "Enter the witness's username, for example jo.bloggs.");
        }
        Person witness = staff.lookup(username).orElseThrow(() -> new BusinessException("testimony.witness.unknown",
                username.strip() + " is not a person in the staff directory. Check the username with the witness.",
                        username.strip()));
        if (witness.getId().equals(e.getPerson().getId())) {
            throw new BusinessException("testimony.witness.self", "A witness testimony must come from someone else.");
        }
        return witness;
    }

    /** The testimony, checked: role, relationship and statement required; the name defaults to the witness's. */
    static Testimony testimony(Testimony t, Person witness) {
        if (t == null) {
            throw new BusinessException("testimony.statement.required", "Write the witness's statement.");
        }
        String name = PortfolioReads.blankToNull(t.name());
        if (name == null && witness != null) {
            name = witness.getDisplayName();
        }
        if (name == null) {
            throw new BusinessException("testimony.name.required", "Enter the witness's name.");
        }
        String role = PortfolioReads.blankToNull(t.role());
        if (role == null) {
            throw new BusinessException("testimony.role.required", "Enter the witness's role, for example Ward Manager.");
        }
        String relationship = PortfolioReads.blankToNull(t.relationship());
        if (relationship == null) {
            throw new BusinessException("testimony.relationship.required",
                    "Say how the witness knows the candidate's work, for example line manager.");
        }
        String statement = PortfolioReads.blankToNull(t.statement());
        if (statement == null) {
            throw new BusinessException("testimony.statement.required", "Write the witness's statement.");
        }
        if (name.length() > EvidenceItems.MAX_TEXT || role.length() > EvidenceItems.MAX_TEXT
                || relationship.length() > EvidenceItems.MAX_TEXT) {
            throw new BusinessException("testimony.long", "Keep the name, role and relationship under "
                    + EvidenceItems.MAX_TEXT + " characters each.", EvidenceItems.MAX_TEXT);
        }
        if (statement.length() > MAX_STATEMENT) {
            throw new BusinessException("testimony.statement.long", "Keep the statement under 20,000 characters.");
        }
        return new Testimony(name, role, relationship, statement);
    }

    // ---------------------------------------------------------------- helpers

    /** A testimony that names the caller as witness; anything else is "no such evidence". */
    private EvidenceItem mine(long itemId, Viewer viewer, long expectedVersion) {
        EvidenceItem item = em.createNamedQuery(EvidenceItem.WITH_ENROLMENT, EvidenceItem.class).setParameter("id", itemId)
                .getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
        if (item.getWitnessPerson() == null || !item.getWitnessPerson().getId().equals(viewer.personId())) {
            throw EvidenceAccess.notFound();
        }
        if (item.getVersion() != expectedVersion) {
            throw new BusinessException("testimony.stale", "The candidate changed this testimony while you were reading it. "
                    + "Read it again before you answer.");
        }
        return item;
    }

    private Viewer signedIn() {
        Viewer viewer = PortfolioReads.viewer(session);
        if (viewer.username() == null) {
            throw new EJBAccessException("Sign in to answer a testimony.");
        }
        return viewer;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new BusinessException("testimony.stale", "The candidate changed this testimony while you were reading it. "
                    + "Read it again before you answer.");
        }
    }

    private void audit(Viewer viewer, String action, EvidenceItem item, String detail) {
        audit.fire(AuditEvent.by(viewer.username(), action, "EvidenceItem", item.getId(), detail));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
