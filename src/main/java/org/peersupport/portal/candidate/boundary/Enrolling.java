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
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.CsvEnrolmentReader;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Enrolling people on a cohort: coordinators enrol people found in the directory one by one, everyone in a CSV file
 * after a preview, or a directory group's members. Capacity is enforced under a lock on the cohort, so two
 * coordinators cannot overfill it together.
 */
@Stateless
@DenyAll
public class Enrolling {

    public static final int SEARCH_LIMIT = 20;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    Directory directory;

    @Inject
    StaffDirectory staff;

    /** People in the directory whose name, email or username contains the text. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<StaffMember> searchDirectory(String text) {
        return directory.search(text, SEARCH_LIMIT).stream().map(StaffMember::of).toList();
    }

    /** Enrols one person, found in the directory by username. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long enrol(long cohortId, String username) {
        Cohort cohort = places().locked(cohortId);
        Person person = staff.byUsername(username);
        places().requireNotOn(person, cohort);
        cohort.requireRoomFor(places().taken(cohortId), 1);
        return places().enrol(person, cohort, "enrolled by a coordinator", actor(), now()).getId();
    }

    /** What a CSV file would enrol, and every problem with it; writes nothing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public CsvPreview previewCsv(long cohortId, byte[] csv) {
        Cohort cohort = places().cohort(cohortId);
        return preview(cohort, csv).preview();
    }

    /**
     * Enrols everyone in a CSV file, all or nothing: the file is checked again exactly as in the preview, and any
     * problem refuses the whole file with every problem listed.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public int confirmCsv(long cohortId, byte[] csv) {
        Cohort cohort = places().locked(cohortId);
        CheckedFile checked = preview(cohort, csv);
        if (!checked.preview().ok()) {
            throw new BusinessException("enrolment.csv.problems", "The file has " + checked.preview().problems().size()
                    + (checked.preview().problems().size() == 1 ? " problem" : " problems")
                    + ", so nobody was enrolled. Correct the file and try again.", checked.preview().problems(),
                    checked.preview().problems().size());
        }
        for (DirectoryAccount account : checked.accounts()) {
            places().enrol(staff.personFor(account), cohort, "enrolled from a CSV file", actor(), now());
        }
        audit.fire(AuditEvent.of("ENROLMENT_CSV_IMPORTED", "Cohort", cohortId, checked.accounts().size()
                + " people enrolled on " + cohort.getName()));
        return checked.accounts().size();
    }

    /**
     * Enrols the members of a directory group (by DN or name) who are not on the cohort yet, all or nothing:
     * refused if they do not all fit.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public int enrolGroup(long cohortId, String group) {
        Cohort cohort = places().locked(cohortId);
        List<DirectoryAccount> members = directory.groupMembers(group).orElseThrow(() -> new BusinessException(
                "enrolment.group.notFound", "There is no directory group " + group + ".", group));
        Set<String> already = places().usernamesOn(cohortId);
        List<DirectoryAccount> newcomers = members.stream()
                .filter(a -> !already.contains(a.profile().username().toLowerCase(Locale.ROOT))).toList();
        cohort.requireRoomFor(places().taken(cohortId), newcomers.size());
        for (DirectoryAccount account : newcomers) {
            places().enrol(staff.personFor(account), cohort, "enrolled as a member of " + group, actor(), now());
        }
        audit.fire(AuditEvent.of("ENROLMENT_GROUP_IMPORTED", "Cohort", cohortId, newcomers.size() + " members of "
                + group + " enrolled on " + cohort.getName()));
        return newcomers.size();
    }

    private record CheckedFile(CsvPreview preview, List<DirectoryAccount> accounts) {
    }

    private CheckedFile preview(Cohort cohort, byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw new BusinessException("enrolment.csv.empty", "Choose a CSV file to upload.");
        }
        if (csv.length > 1_000_000) {
            throw new BusinessException("enrolment.csv.large", "The file is larger than 1 MB; split it.");
        }
        CsvEnrolmentReader.Result read;
        try {
            read = new CsvEnrolmentReader().read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BusinessException("enrolment.csv.unreadable", "The file could not be read as CSV.");
        }
        List<String> problems = new ArrayList<>(read.problems().stream().map(CsvEnrolmentReader.Problem::toString).toList());
        Set<String> already = places().usernamesOn(cohort.getId());
        List<CsvPreview.CsvPreviewRow> rows = new ArrayList<>();
        Map<String, DirectoryAccount> accounts = new LinkedHashMap<>();
        for (CsvEnrolmentReader.Row row : read.rows()) {
            Optional<DirectoryAccount> account = directory.lookup(row.username());
            if (account.isEmpty()) {
                problems.add("line " + row.line() + ": " + row.username() + " is not a person in the directory");
            } else if (already.contains(account.get().profile().username().toLowerCase(Locale.ROOT))) {
                problems.add("line " + row.line() + ": " + row.username() + " is already on " + cohort.getName());
            } else if (accounts.putIfAbsent(account.get().stableId(), account.get()) != null) {
                problems.add("line " + row.line() + ": " + row.username() + " is the same person as an earlier line");
            } else {
                rows.add(new CsvPreview.CsvPreviewRow(row.line(), account.get().profile().username(),
                        account.get().profile().displayName(), account.get().profile().department()));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Enrolling::lineOf));
        int free = (int) Math.max(0, cohort.getCapacity() - places().taken(cohort.getId()));
        if (rows.size() > free) {
            problems.add("the file names " + rows.size() + " people but " + cohort.getName() + " has " + free
                    + (free == 1 ? " free place" : " free places"));
        }
        return new CheckedFile(new CsvPreview(List.copyOf(rows), List.copyOf(problems), free), List.copyOf(accounts.values()));
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
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
