package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the "New cohort" form of {@code coordinator/cohorts.xhtml} (the list above it is {@link CohortListPage}):
 * a dated schedule of one date and time per course session, filled in weekly from the start date and editable. The
 * attendance threshold is filled in from the chosen course version unless the coordinator has typed their own.
 */
@Named
@ViewScoped
public class CohortsPage extends CohortFields {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "create";

    private final SessionBeanRef<Cohorts> cohorts = SessionBeanRef.of(Cohorts.class);

    @Inject
    Messages messages;

    private transient List<CohortCourse> courses;

    private Long courseId;
    /** The threshold this page last filled in from a course version: while the field still holds it, it follows the course. */
    private Integer thresholdFromCourse;
    private List<ScheduleSlot> schedule = new ArrayList<>();

    public List<CohortCourse> getCourses() {
        if (courses == null) {
            courses = cohorts.get().courseVersions();
        }
        return courses;
    }

    /**
     * A course version was chosen: one schedule row per session, dated weekly from the start date if there is one,
     * and the attendance threshold the version's, unless the coordinator has typed a threshold of their own.
     */
    public void courseChosen() {
        CohortCourse course = chosenCourse();
        schedule = course == null ? new ArrayList<>()
                : ScheduleSlot.weekly(course.sessionTitles(), getStartDate(), firstTime());
        if (getThreshold() == null || getThreshold().equals(thresholdFromCourse)) {
            setThreshold(course == null ? null : course.attendanceThreshold());
            thresholdFromCourse = getThreshold();
        }
    }

    /** The start date changed: with a course chosen, the schedule is dated weekly from it again. */
    public void startDateChanged() {
        if (getStartDate() != null && chosenCourse() != null) {
            schedule = ScheduleSlot.weekly(chosenCourse().sessionTitles(), getStartDate(), firstTime());
        }
    }

    /** Dates every session weekly from the start date, at the first session's time (10:00 unless changed). */
    public void fillWeekly() {
        if (getStartDate() == null) {
            messages.error(FORM + ":startDate", "cohorts.fill.startDate");
            return;
        }
        CohortCourse course = chosenCourse();
        if (course == null) {
            messages.error(FORM + ":course", "cohorts.course.required");
            return;
        }
        schedule = ScheduleSlot.weekly(course.sessionTitles(), getStartDate(), firstTime());
    }

    public String create() {
        int outOfOrder = ScheduleSlot.firstOutOfOrder(schedule);
        if (outOfOrder > 0) {
            messages.error(FORM + ":schedule:" + (outOfOrder - 1) + ":startsAt", "cohorts.schedule.order", outOfOrder,
                    outOfOrder - 1);
            return null;
        }
        try {
            long id = cohorts.get().create(courseId == null ? -1 : courseId, details(), ScheduleSlot.dates(schedule));
            messages.info(null, "cohorts.created", getName().strip());
            return "cohort?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.refused(CohortPages.fieldFor(FORM, e), e);
            return null;
        }
    }

    private CohortCourse chosenCourse() {
        return courseId == null ? null : getCourses().stream().filter(c -> c.courseId() == courseId).findFirst().orElse(null);
    }

    private LocalTime firstTime() {
        return schedule.isEmpty() || schedule.get(0).getStartsAt() == null ? null : schedule.get(0).getStartsAt().toLocalTime();
    }

    public String date(LocalDate date) {
        return CohortPages.date(date);
    }

    public Long getCourseId() { return courseId; }
    public void setCourseId(Long courseId) { this.courseId = courseId; }
    public List<ScheduleSlot> getSchedule() { return schedule; }
}
