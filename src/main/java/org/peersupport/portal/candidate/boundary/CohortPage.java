package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.event.Event;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs {@code coordinator/cohort.xhtml}, where a coordinator runs one cohort, as a page: which cohort, what the page
 * shows of it (its candidates with status, supervisor and attendance, its place requests, the supervisors and their
 * caseloads), and the section each form's result is shown under. Each form of the page has a bean of its own, which
 * asks this one for the cohort: {@link CohortDetailsForm}, {@link CohortScheduleForm}, {@link EnrolSearchForm},
 * {@link CsvEnrolForm}, {@link GroupEnrolForm}, {@link PlaceRequestsForm}, {@link AllocationsForm} and
 * {@link CaseloadsForm}.
 *
 * <p>It keeps the cohort's id; what it shows is read again when needed.
 */
@Named
@ViewScoped
public class CohortPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FOCUS = CohortPage.class.getName() + ".focus";
    private static final String NOTICE = CohortPage.class.getName() + ".notice.";
    /** Each form of the page and the section (by its heading's id, less "-heading") it is in. */
    private static final Map<String, String> FORM_SECTIONS = Map.of("details", "details", "schedule", "schedule",
            "search", "search", "csv", "csv", "group", "group", "requests", "requests", "allocations", "allocate",
            "caps", "caseloads", "addSupervisor", "caseloads");

    /** The cohort as it is after a saved change to it: the forms that edit it fill themselves in again. */
    public record Saved(CohortView cohort) {
    }

    private final SessionBeanRef<Cohorts> cohorts = SessionBeanRef.of(Cohorts.class);

    private final SessionBeanRef<Enrolments> enrolments = SessionBeanRef.of(Enrolments.class);

    private final SessionBeanRef<PlaceRequests> placeRequests = SessionBeanRef.of(PlaceRequests.class);

    private final SessionBeanRef<Attendance> attendance = SessionBeanRef.of(Attendance.class);

    private final SessionBeanRef<Allocations> allocations = SessionBeanRef.of(Allocations.class);

    @Inject
    Event<Saved> saved;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    /** A candidate on the cohort as the page lists them: enrolment, supervisor, suggestion and attendance. */
    public record CandidateLine(EnrolmentSummary enrolment, String supervisorName, boolean supervisorConflicted,
            SupervisorLoad suggestion, AttendanceRate rate) {

        public boolean current() {
            return enrolment.status().isCurrent();
        }
    }

    private Long id;
    private transient CohortView cohort;
    private transient List<CandidateLine> candidates;
    private transient List<PlaceRequestView> requests;
    private transient List<SupervisorLoad> supervisors;

    /** Problems next to a row's field, by form and row, e.g. "allocate:12". */
    private final Map<String, String> errors = new HashMap<>();

    public void load() throws IOException {
        cohort = PageLoads.loadOrNotFound(faces, () -> {
            if (id == null) {
                throw new BusinessException("cohort.notFound", "There is no such cohort.");
            }
            return cohorts.get().cohort(id);
        });
    }

    /** After a saved change to the cohort: the cohort as it now is, and the forms that edit it filled in again. */
    public void cohortSaved() {
        cohort = null;
        saved.fire(new Saved(getCohort()));
    }

    /** After a change to the cohort that no form shows (a session opened early): the cohort is read again. */
    public void cohortChanged() {
        cohort = null;
    }

    /** After an action on the cohort's people: the cohort and its lists are read again. */
    public void refresh() {
        candidates = null;
        requests = null;
        supervisors = null;
        cohort = null;
    }

    // ---------------------------------------------------------------- where an action's result is shown

    /**
     * After an action in a section further down the page, the page opens at that section (its heading takes the
     * focus, see focus.js), so its result is where the coordinator is. Kept for this request only.
     */
    public void focus(String section) {
        faces.getExternalContext().getRequestMap().put(FOCUS, section + "-heading");
    }

    /** A section's confirmation, shown under its heading, for this request only; the section takes the focus. */
    public void confirm(String section, String key, Object... arguments) {
        faces.getExternalContext().getRequestMap().put(NOTICE + section, messages.text(key, arguments));
        focus(section);
    }

    /**
     * The id of the heading the page opens at: the section an action chose, or the section whose form did not pass
     * validation (its problems are there); null to open at the top.
     */
    public String getFocus() {
        String focus = (String) faces.getExternalContext().getRequestMap().get(FOCUS);
        if (focus == null && faces.isValidationFailed()) {
            Map<String, String> submitted = faces.getExternalContext().getRequestParameterMap();
            focus = FORM_SECTIONS.entrySet().stream().filter(form -> submitted.containsKey(form.getKey()))
                    .map(form -> form.getValue() + "-heading").findFirst().orElse(null);
        }
        return focus;
    }

    /** The confirmation for a section, or null. */
    public String notice(String section) {
        return (String) faces.getExternalContext().getRequestMap().get(NOTICE + section);
    }

    /** The problem next to a row's field in a form, or null. */
    public String error(String form, Object row) {
        return errors.get(form + ":" + row);
    }

    /** Puts a problem next to a row's field in a form. */
    public void rowError(String form, Object row, String text) {
        errors.put(form + ":" + row, text);
    }

    /** Before an action on a row: the problems shown next to rows go. */
    public void clearErrors() {
        errors.clear();
    }

    // ---------------------------------------------------------------- what the page shows

    public CohortView getCohort() {
        if (cohort == null) {
            cohort = cohorts.get().cohort(id);
        }
        return cohort;
    }

    public List<CandidateLine> getCandidates() {
        if (candidates == null) {
            Map<Long, CohortAllocation> allocated = allocations.get().ofCohort(id).stream()
                    .collect(Collectors.toMap(CohortAllocation::enrolmentId, Function.identity()));
            Map<Long, AttendanceRate> rates = attendance.get().rates(id).stream()
                    .collect(Collectors.toMap(AttendanceRate::enrolmentId, Function.identity()));
            candidates = enrolments.get().enrolments(id).stream().map(e -> {
                CohortAllocation a = allocated.get(e.id());
                return new CandidateLine(e, a == null ? null : a.supervisorName(), a != null && a.supervisorConflicted(),
                        a == null ? null : a.suggestion(), rates.get(e.id()));
            }).toList();
        }
        return candidates;
    }

    /** The candidates who hold a place (enrolled, active or paused): those a supervisor is allocated to. */
    public List<CandidateLine> getCurrentCandidates() {
        return getCandidates().stream().filter(CandidateLine::current).toList();
    }

    public long getPlacesTaken() {
        return getCurrentCandidates().size();
    }

    public long getFreePlaces() {
        return Math.max(0, getCohort().capacity() - getPlacesTaken());
    }

    public List<PlaceRequestView> getRequests() {
        if (requests == null) {
            requests = placeRequests.get().placeRequests(id);
        }
        return requests;
    }

    public List<SupervisorLoad> getSupervisors() {
        if (supervisors == null) {
            supervisors = allocations.get().supervisors();
        }
        return supervisors;
    }

    public String date(LocalDate date) {
        return CohortPages.date(date);
    }

    public String dateTime(LocalDateTime dateTime) {
        return CohortPages.dateTime(dateTime);
    }

    /** The day something happened, in the portal's local time. */
    public String day(Instant instant) {
        return instant == null ? "—" : CohortPages.date(instant.atZone(UkTime.ZONE).toLocalDate());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
