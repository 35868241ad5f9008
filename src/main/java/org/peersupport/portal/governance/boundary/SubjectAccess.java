package org.peersupport.portal.governance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.sql.DataSource;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.governance.control.SubjectAccessWriter;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.LikePattern;
import org.peersupport.portal.platform.control.PersonalData;

/**
 * Subject access (UK GDPR Art. 15): a person downloads everything the portal holds about them, and the governance
 * role produces the same for anyone, including the records that name other people once reviewed. Each export is
 * written to the audit trail in the transaction that reads it.
 */
@Stateless
@DenyAll
public class SubjectAccess {

    /** The features in the order docs/architecture.md gives, so an export reads in the same order every time. */
    static final List<String> FEATURE_ORDER = List.of("platform", "audit", "identity", "notice", "course",
            "candidate", "portfolio", "assessment", "reporting");

    /** People shown for one search. */
    public static final int FOUND_MAX = 25;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @Any
    Instance<PersonalData> providers;

    @Inject
    Callers callers;

    @Inject
    ChunkStore chunks;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    /** Every feature's declaration, in the feature order. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<PersonalData> register() {
        return features();
    }

    /** Writes the caller's own export: everything they may already read, and a count of what waits for review. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR,
            Role.Names.HR, Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public void exportMine(OutputStream out) throws IOException {
        Person me = callers.require(session.getCallerPrincipal());
        long rows = write(me, me, false, out);
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_DOWNLOADED", "Person", me.getId(), rows + " records, by the person")
                .about(me.getId()));
    }

    /** Writes a person's full export for a subject access request the governance role handles. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void exportFor(long personId, OutputStream out) throws IOException {
        Person me = callers.require(session.getCallerPrincipal());
        Person subject = person(personId);
        long rows = write(subject, me, true, out);
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_EXPORTED", "Person", subject.getId(), rows
                + " records, every class included").about(subject.getId()));
    }

    /** The file name of a person's export: {@code my-data-2026-12-06.zip}. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR,
            Role.Names.HR, Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public String fileName(String what) {
        return what + "-" + java.time.LocalDate.now(clock.withZone(org.peersupport.portal.platform.control.UkTime.ZONE))
                + ".zip";
    }

    /** A person found by name, username or email, as the governance role searches for the subject of a request. */
    public record Found(long id, String displayName, String username, String email, String department,
            String organisation) {
    }

    /** At most {@link #FOUND_MAX} people whose name, username or email contains {@code words}, by name. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<Found> find(String words) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return em.createQuery("select p from Person p where lower(p.displayName) like :w escape '"
                + LikePattern.ESCAPE + "' or lower(p.username) like :w escape '" + LikePattern.ESCAPE
                + "' or lower(p.email) like :w escape '" + LikePattern.ESCAPE + "' order by p.displayName, p.id",
                Person.class).setParameter("w", LikePattern.containing(words))
                .setMaxResults(FOUND_MAX).getResultStream().map(p -> new Found(p.getId(), p.getDisplayName(),
                        p.getUsername(), p.getEmail(), p.getDepartment(), p.getOrganisation())).toList();
    }

    /** The person a governance request is about, or "no such person". */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public Person person(long personId) {
        Person person = em.find(Person.class, personId);
        if (person == null) {
            throw new BusinessException("governance.person.notFound", "There is no such person.");
        }
        return person;
    }

    private long write(Person subject, Person producer, boolean review, OutputStream out) throws IOException {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        try (Connection db = dataSource.getConnection()) {
            SubjectAccessWriter writer = new SubjectAccessWriter(text, db, chunks::copyTo);
            writer.write(subject.getId(), new SubjectAccessWriter.Heading(subject.getDisplayName(),
                    producer.getDisplayName(), Instant.now(clock), review), features(), out);
            return writer.rows();
        } catch (SQLException e) {
            throw new IOException("Could not reach the database for the export", e);
        }
    }

    private List<PersonalData> features() {
        return providers.stream().sorted(Comparator.comparingInt(p -> {
            int at = FEATURE_ORDER.indexOf(p.feature());
            return at < 0 ? FEATURE_ORDER.size() : at;
        })).toList();
    }
}
