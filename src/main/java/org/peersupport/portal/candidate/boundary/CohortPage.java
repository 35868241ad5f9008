package org.peersupport.portal.candidate.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.course.control.UploadInspector;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs {@code coordinator/cohort.xhtml}, where a coordinator runs one cohort: its details (optimistic locking),
 * its schedule (reschedule, open a session early, take a register), its candidates with status, supervisor and
 * attendance, enrolling people (directory search, a CSV file previewed then confirmed, a directory group), place
 * requests, supervisor allocation and supervisors' caps.
 *
 * <p>It keeps ids, form fields and the last search text; what it shows is read again when needed. A CSV file
 * goes back to the browser (Base64, in the confirmation form) between preview and confirmation, so nothing of it
 * stays on the server and the confirmation works on any node of a cluster; the boundary checks it again anyway.
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

    /** The largest enrolment file the page takes, as the boundary does. */
    static final long CSV_MAX_BYTES = 1_000_000;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Enrolling enrolling;

    @Inject
    PlaceRequests placeRequests;

    @Inject
    Attendance attendance;

    @Inject
    Allocations allocations;

    @Inject
    LessonAccess access;

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
    private transient List<StaffMember> found;
    private transient CsvPreview csvPreview;
    private transient Part csvFile;
    private transient String csvData;
    private transient LocalDate today;

    private String name;
    private LocalDate startDate;
    private LocalDate endDate;
    private String venue;
    private String onlineLink;
    private String facilitators;
    private Integer capacity;
    private Integer threshold;
    private long version;
    private List<ScheduleSlot> schedule = new ArrayList<>();

    private String searchText;
    private String searched;
    private String group;
    private boolean csvReady;
    private List<String> csvProblems = List.of();
    private String newSupervisor;
    private Integer newCap;
    private final Map<Long, String> declineReasons = new HashMap<>();
    private final Map<Long, String> allocationChoice = new HashMap<>();
    private final Map<Long, String> allocationReason = new HashMap<>();
    private final Map<String, Integer> caps = new HashMap<>();
    /** Problems next to a row's field, by form and row, e.g. "allocate:12". */
    private final Map<String, String> errors = new HashMap<>();

    public void load() throws IOException {
        cohort = PageLoads.loadOrNotFound(faces, () -> {
            if (id == null) {
                throw new BusinessException("cohort.notFound", "There is no such cohort.");
            }
            return cohorts.cohort(id);
        });
        if (cohort != null) {
            fillForms();
        }
    }

    private void fillForms() {
        CohortView c = getCohort();
        name = c.name();
        startDate = c.startDate();
        endDate = c.endDate();
        venue = c.venue();
        onlineLink = c.onlineLink();
        facilitators = c.facilitators();
        capacity = c.capacity();
        threshold = c.attendanceThreshold();
        version = c.version();
        schedule = new ArrayList<>(c.sessions().stream().map(s -> new ScheduleSlot(s.number(), s.title(), s.startsAt()))
                .toList());
    }

    // ---------------------------------------------------------------- details and schedule

    public void saveDetails() {
        try {
            cohorts.update(id, new CohortDetails(name, startDate, endDate, venue, onlineLink, facilitators,
                    capacity == null ? 0 : capacity, threshold), version);
            messages.info(null, "cohortAdmin.details.saved");
            reloadCohort();
        } catch (BusinessException e) {
            messages.refused(CohortPages.fieldFor("details", e), e);
        }
    }

    public void saveSchedule() {
        int outOfOrder = ScheduleSlot.firstOutOfOrder(schedule);
        if (outOfOrder > 0) {
            messages.error("schedule:slots:" + (outOfOrder - 1) + ":startsAt", "cohorts.schedule.order", outOfOrder,
                    outOfOrder - 1);
            return;
        }
        try {
            cohorts.reschedule(id, ScheduleSlot.dates(schedule), version);
            messages.info(null, "cohortAdmin.schedule.saved");
            reloadCohort();
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
    }

    /** Opens a session's lesson to the cohort now. Dates typed but not saved stay in the form. */
    public void openEarly(CohortSessionView s) {
        try {
            cohorts.openEarly(id, s.number());
            messages.info(null, "cohortAdmin.schedule.opened", s.number(), s.title());
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
        cohort = null;
    }

    /** After a saved change: the cohort and both forms as they now are. */
    private void reloadCohort() {
        cohort = null;
        fillForms();
    }

    // ---------------------------------------------------------------- enrolling

    public void search() {
        searched = searchText == null || searchText.isBlank() ? null : searchText.strip();
        found = null;
        focus("search");
        if (searched == null) {
            messages.error("search:query", "cohortAdmin.search.required");
        }
    }

    public void enrol(StaffMember person) {
        try {
            enrolling.enrol(id, person.username());
            notice("search", "cohortAdmin.enrolled", person.displayName(), getCohort().name());
        } catch (BusinessException e) {
            focus("search");
            messages.refused("search:query", e);
        }
        refreshLists();
    }

    /** Checks the file by its content (Tika), then shows who it would enrol and every problem; enrols nobody. */
    public void previewCsv() throws IOException {
        csvReady = false;
        csvProblems = List.of();
        csvPreview = null;
        focus("csv");
        if (csvFile == null || csvFile.getSize() == 0) {
            messages.error("csv:file", "cohortAdmin.csv.required");
            return;
        }
        byte[] bytes;
        try (InputStream in = csvFile.getInputStream();
                var upload = new UploadInspector(CSV_MAX_BYTES, Set.of("text/plain", "text/csv"))
                        .inspect(in, csvFile.getSubmittedFileName())) {
            bytes = Files.readAllBytes(upload.file());
        } catch (UploadRejectedException e) {
            messages.refused("csv:file", new BusinessException("enrolment.csv.refused", e.getMessage(), e.getMessage()));
            return;
        }
        try {
            csvPreview = enrolling.previewCsv(id, bytes);
            csvProblems = csvPreview.problems();
            csvReady = csvPreview.ok();
            csvData = csvReady ? Base64.getEncoder().encodeToString(bytes) : null;
            if (!csvPreview.ok()) {
                messages.error("csv:file", "cohortAdmin.csv.problems", csvPreview.problems().size());
            }
        } catch (BusinessException e) {
            messages.refused("csv:file", e);
        }
    }

    /** Enrols everyone in the previewed file, all or nothing. */
    public void confirmCsv() {
        byte[] bytes;
        try {
            bytes = csvData == null ? new byte[0] : Base64.getDecoder().decode(csvData);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        try {
            int count = enrolling.confirmCsv(id, bytes);
            notice("csv", "cohortAdmin.csv.enrolled", count, getCohort().name());
            csvProblems = List.of();
        } catch (BusinessException e) {
            csvProblems = e.details();
            focus("csv");
            messages.refused("csv:file", e);
        }
        csvReady = false;
        csvPreview = null;
        csvData = null;
        refreshLists();
    }

    public void enrolGroup() {
        focus("group");
        if (group == null || group.isBlank()) {
            messages.error("group:groupName", "cohortAdmin.group.required");
            return;
        }
        try {
            int count = enrolling.enrolGroup(id, group.strip());
            notice("group", count == 0 ? "cohortAdmin.group.none" : "cohortAdmin.group.enrolled", count, group.strip());
            group = null;
        } catch (BusinessException e) {
            messages.refused("group:groupName", e);
        }
        refreshLists();
    }

    // ---------------------------------------------------------------- place requests

    public void approve(PlaceRequestView request) {
        errors.clear();
        try {
            placeRequests.approve(request.id());
            notice("requests", "cohortAdmin.request.approved", request.displayName());
        } catch (BusinessException e) {
            focus("requests");
            errors.put("approve:" + request.id(), messages.text(e));
        }
        refreshLists();
    }

    public void decline(PlaceRequestView request) {
        errors.clear();
        try {
            placeRequests.decline(request.id(), declineReasons.get(request.id()));
            declineReasons.remove(request.id());
            notice("requests", "cohortAdmin.request.declined", request.displayName());
        } catch (BusinessException e) {
            focus("requests");
            errors.put("decline:" + request.id(), messages.text(e));
        }
        refreshLists();
    }

    // ---------------------------------------------------------------- supervisors

    public void allocate(CandidateLine line) {
        errors.clear();
        focus("allocate");
        long enrolmentId = line.enrolment().id();
        String supervisor = allocationChoice.get(enrolmentId);
        if (supervisor == null || supervisor.isBlank()) {
            errors.put("allocate:" + enrolmentId, messages.text("cohortAdmin.allocate.required"));
            return;
        }
        try {
            allocations.allocate(enrolmentId, supervisor, allocationReason.get(enrolmentId));
            allocationChoice.remove(enrolmentId);
            allocationReason.remove(enrolmentId);
            notice("allocate", "cohortAdmin.allocated", supervisorName(supervisor), line.enrolment().displayName());
        } catch (BusinessException e) {
            errors.put("allocate:" + enrolmentId, messages.text(e));
        }
        refreshLists();
    }

    public void saveCap(SupervisorLoad supervisor) {
        errors.clear();
        focus("caseloads");
        Integer cap = caps.get(supervisor.username());
        if (cap == null) {
            errors.put("cap:" + supervisor.username(), messages.text("cohortAdmin.cap.required"));
            return;
        }
        try {
            allocations.setCaseloadCap(supervisor.username(), cap);
            notice("caseloads", "cohortAdmin.cap.saved", supervisor.displayName(), cap);
        } catch (BusinessException e) {
            errors.put("cap:" + supervisor.username(), messages.text(e));
        }
        refreshLists();
    }

    /** Makes a person in the directory a supervisor, with a caseload cap. */
    public void addSupervisor() {
        focus("caseloads");
        try {
            allocations.setCaseloadCap(newSupervisor.strip(), newCap);
            notice("caseloads", "cohortAdmin.supervisor.added", newSupervisor.strip(), newCap);
            newSupervisor = null;
            newCap = null;
        } catch (BusinessException e) {
            messages.refused("addSupervisor:username", e);
        }
        refreshLists();
    }

    /**
     * After an action in a section further down the page, the page opens at that section (its heading takes the
     * focus, see focus.js), so its result is where the coordinator is. Kept for this request only.
     */
    private void focus(String section) {
        faces.getExternalContext().getRequestMap().put(FOCUS, section + "-heading");
    }

    /** A section's confirmation, shown under its heading, for this request only; the section takes the focus. */
    private void notice(String section, String key, Object... arguments) {
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

    private String supervisorName(String username) {
        return getSupervisors().stream().filter(s -> s.username().equals(username)).map(SupervisorLoad::displayName)
                .findFirst().orElse(username);
    }

    private void refreshLists() {
        candidates = null;
        requests = null;
        supervisors = null;
        cohort = null;
    }

    // ---------------------------------------------------------------- what the page shows

    public CohortView getCohort() {
        if (cohort == null) {
            cohort = cohorts.cohort(id);
        }
        return cohort;
    }

    public List<CandidateLine> getCandidates() {
        if (candidates == null) {
            Map<Long, CohortAllocation> allocated = allocations.ofCohort(id).stream()
                    .collect(Collectors.toMap(CohortAllocation::enrolmentId, Function.identity()));
            Map<Long, AttendanceRate> rates = attendance.rates(id).stream()
                    .collect(Collectors.toMap(AttendanceRate::enrolmentId, Function.identity()));
            candidates = enrolments.enrolments(id).stream().map(e -> {
                CohortAllocation a = allocated.get(e.id());
                if (a != null && a.suggestion() != null) {
                    allocationChoice.putIfAbsent(e.id(), a.suggestion().username());
                }
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
            requests = placeRequests.placeRequests(id);
        }
        return requests;
    }

    public List<SupervisorLoad> getSupervisors() {
        if (supervisors == null) {
            supervisors = allocations.supervisors();
            supervisors.forEach(s -> caps.putIfAbsent(s.username(), s.cap()));
        }
        return supervisors;
    }

    public List<StaffMember> getFound() {
        if (found == null && searched != null) {
            found = enrolling.searchDirectory(searched);
        }
        return found == null ? List.of() : found;
    }

    /** Whether a person found in the directory is on this cohort already (in any status). */
    public boolean onCohort(StaffMember person) {
        return getCandidates().stream().anyMatch(c -> c.enrolment().username().equalsIgnoreCase(person.username()));
    }

    /** The cohort's session with this number, as saved. */
    public CohortSessionView session(int number) {
        return getCohort().sessions().stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }

    /** Whether a session's register can be taken: from its day on. */
    public boolean registerOpen(CohortSessionView s) {
        if (today == null) {
            today = access.now().toLocalDate();
        }
        return !s.startsAt().toLocalDate().isAfter(today);
    }

    public String error(String form, Object row) {
        return errors.get(form + ":" + row);
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
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public String getOnlineLink() { return onlineLink; }
    public void setOnlineLink(String onlineLink) { this.onlineLink = onlineLink; }
    public String getFacilitators() { return facilitators; }
    public void setFacilitators(String facilitators) { this.facilitators = facilitators; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Integer getThreshold() { return threshold; }
    public void setThreshold(Integer threshold) { this.threshold = threshold; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public List<ScheduleSlot> getSchedule() { return schedule; }
    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public String getSearched() { return searched; }
    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
    public Part getCsvFile() { return csvFile; }
    public void setCsvFile(Part csvFile) { this.csvFile = csvFile; }
    public String getCsvData() { return csvData; }
    public void setCsvData(String csvData) { this.csvData = csvData; }
    public boolean isCsvReady() { return csvReady; }
    public CsvPreview getCsvPreview() { return csvPreview; }
    public List<String> getCsvProblems() { return csvProblems; }
    public String getNewSupervisor() { return newSupervisor; }
    public void setNewSupervisor(String newSupervisor) { this.newSupervisor = newSupervisor; }
    public Integer getNewCap() { return newCap; }
    public void setNewCap(Integer newCap) { this.newCap = newCap; }
    public Map<Long, String> getDeclineReasons() { return declineReasons; }
    public Map<Long, String> getAllocationChoice() { return allocationChoice; }
    public Map<Long, String> getAllocationReason() { return allocationReason; }
    public Map<String, Integer> getCaps() { return caps; }
}
