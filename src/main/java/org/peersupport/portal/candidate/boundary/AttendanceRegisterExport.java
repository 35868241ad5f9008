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
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.platform.control.TableWriter;
import org.peersupport.portal.platform.control.UkTime;

/**
 * A cohort's whole attendance register as a CSV or Excel file, for the coordinator's records and funders: one row
 * per place on the cohort (withdrawn and deferred ones too, with their status), a column per session with its mark,
 * then each candidate's sessions attended, sessions marked, rate and whether it meets the cohort's threshold, as
 * the cohort page shows them. Four statements whatever the cohort's size (the cohort, its sessions, its places with
 * their people, and every mark), written with the reporting feature's table writers; each export is audited.
 */
@Stateless
@DenyAll
public class AttendanceRegisterExport {

    private static final DateTimeFormatter STAMP = UkTime.STAMP;
    private static final DateTimeFormatter SESSION_DATE = UkTime.DATE_SHORT;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    /** The file's name: the cohort's name made safe for a file system, and today's date. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public String fileName(long cohortId, ExportFormat format) {
        String name = cohort(cohortId).getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return "attendance-" + (name.isEmpty() ? Long.toString(cohortId) : name) + "-" + LocalDate.now(clock.withZone(UkTime.ZONE))
                + "." + format.extension();
    }

    /** Writes the register to {@code out}; the stream stays open. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void write(long cohortId, ExportFormat format, OutputStream out) {
        Cohort cohort = cohort(cohortId);
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        List<CohortSession> sessions = em.createQuery("select s from CohortSession s join fetch s.courseSession "
                + "where s.cohort.id = :cohortId order by s.number", CohortSession.class)
                .setParameter("cohortId", cohortId).getResultList();
        List<Enrolment> places = em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class)
                .setParameter("cohortId", cohortId).getResultList();
        Map<Long, Map<Integer, AttendanceKind>> marks = new HashMap<>();
        for (Object[] row : em.createQuery("select m.enrolment.id, m.session.number, m.mark from AttendanceMark m "
                + "where m.session.cohort.id = :cohortId", Object[].class).setParameter("cohortId", cohortId).getResultList()) {
            marks.computeIfAbsent((Long) row[0], id -> new HashMap<>()).put((Integer) row[1], (AttendanceKind) row[2]);
        }
        try (TableWriter writer = format.open(out, text.getString("attendanceExport.sheet"))) {
            writer.about(List.of(
                    new String[] {text.getString("attendanceExport.cohort"), cohort.getName()},
                    new String[] {text.getString("attendanceExport.course"), cohort.getCourse().getTitle() + " ("
                            + cohort.getCourse().getCode() + ", version " + cohort.getCourse().getVersionNumber() + ")"},
                    new String[] {text.getString("attendanceExport.threshold"), cohort.getAttendanceThreshold() + "%"},
                    new String[] {text.getString("report.export.at"), STAMP.format(ZonedDateTime.now(clock.withZone(UkTime.ZONE)))
                            + " " + text.getString("report.export.ukTime")},
                    new String[] {text.getString("report.export.by"), session.getCallerPrincipal().getName()}));
            List<String> header = new ArrayList<>(List.of(text.getString("attendanceExport.col.name"),
                    text.getString("attendanceExport.col.email"), text.getString("attendanceExport.col.department"),
                    text.getString("attendanceExport.col.status")));
            for (CohortSession s : sessions) {
                header.add(new MessageFormat(text.getString("attendanceExport.col.session"), Locale.UK).format(new Object[] {
                    s.getNumber(), s.getCourseSession().getTitle(), SESSION_DATE.format(s.getStartsAt())}));
            }
            header.addAll(List.of(text.getString("attendanceExport.col.attended"),
                    text.getString("attendanceExport.col.marked"), text.getString("attendanceExport.col.rate"),
                    text.getString("attendanceExport.col.meets")));
            writer.header(header);
            for (Enrolment place : places) {
                Map<Integer, AttendanceKind> own = marks.getOrDefault(place.getId(), Map.of());
                List<Object> row = new ArrayList<>(List.of(place.getPerson().getDisplayName(),
                        nullToEmpty(place.getPerson().getEmail()), nullToEmpty(place.getPerson().getDepartment()),
                        text.getString("enrolment.status." + place.getStatus().name())));
                int[] counts = new int[2];
                for (CohortSession s : sessions) {
                    AttendanceKind mark = own.get(s.getNumber());
                    row.add(mark == null ? "" : text.getString("register.kind." + mark.name()));
                    if (mark != null) {
                        counts[0]++;
                        counts[1] += mark.attended() ? 1 : 0;
                    }
                }
                AttendanceRate rate = Attendance.rate(place.getId(), place.getPerson().getDisplayName(), counts,
                        cohort.getAttendanceThreshold());
                row.addAll(List.of(rate.attended(), rate.marked(), rate.percent(),
                        text.getString(rate.meetsThreshold() ? "report.yes" : "report.no")));
                writer.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.fire(AuditEvent.of("ATTENDANCE_EXPORTED", "Cohort", cohortId, cohort.getName() + ": " + format + ", "
                + places.size() + " places, " + sessions.size() + " sessions"));
    }

    private Cohort cohort(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        return cohort;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
