package org.peersupport.portal.candidate.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A group of candidates taking one published course version together: dates, where they meet, who facilitates,
 * how many places, the attendance threshold that counts towards completion, and one dated session per course
 * session (the drip schedule).
 */
@Entity
@Table(name = "cohort")
@NamedQuery(name = Cohort.WITH_SESSIONS, query = "select distinct c from Cohort c join fetch c.course "
        + "left join fetch c.sessions where c.id = :id")
@NamedQuery(name = Cohort.COURSE_SESSIONS, query = "select s from CourseSession s, Cohort c "
        + "where c.id = :id and s.course.id = c.course.id")
@NamedQuery(name = Cohort.BY_COURSE_CODE_AND_NAME,
        query = "select c from Cohort c where c.course.code = :code and c.name = :name")
public class Cohort {

    public static final String WITH_SESSIONS = "Cohort.withSessions";
    /** The course sessions a cohort's sessions teach: read first, they resolve its sessions without a query each. */
    public static final String COURSE_SESSIONS = "Cohort.courseSessions";
    public static final String BY_COURSE_CODE_AND_NAME = "Cohort.byCourseCodeAndName";

    @Id
    @SequenceGenerator(name = "cohort_seq", sequenceName = "cohort_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cohort_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    private String venue;

    @Column(name = "online_link")
    private String onlineLink;

    private String facilitators;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "attendance_threshold", nullable = false)
    private int attendanceThreshold;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "cohort", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<CohortSession> sessions = new ArrayList<>();

    @Version
    private long version;

    protected Cohort() {
    }

    public Cohort(Course course, CohortDetails details, Instant now) {
        this.course = course;
        this.createdAt = now;
        describe(details);
    }

    /**
     * Sets the cohort's details, refusing what cannot be right. Without an attendance threshold the cohort takes its
     * course version's; either way the cohort keeps its own copy, so a later course version does not change it.
     */
    public void describe(CohortDetails details) {
        details.check();
        this.name = details.name().strip();
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.venue = blankToNull(details.venue());
        this.onlineLink = blankToNull(details.onlineLink());
        this.facilitators = blankToNull(details.facilitators());
        this.capacity = details.capacity();
        this.attendanceThreshold = details.attendanceThreshold() == null ? course.getAttendanceThreshold()
                : details.attendanceThreshold();
    }

    /**
     * Dates every session of the course version, in order: one date and time per course session. Sessions opened
     * early stay open.
     */
    public void schedule(List<LocalDateTime> dates) {
        List<CourseSession> courseSessions = course.getSessions();
        if (dates == null || dates.size() != courseSessions.size()) {
            throw new BusinessException("cohort.schedule.size", "Give one date and time for each of the "
                    + courseSessions.size() + " sessions of " + course.getTitle() + ".",
                    courseSessions.size(), course.getTitle());
        }
        for (int i = 1; i < dates.size(); i++) {
            if (dates.get(i) == null || dates.get(i - 1) == null || dates.get(i).isBefore(dates.get(i - 1))) {
                throw new BusinessException("cohort.schedule.order", "Session " + (i + 1)
                        + " must not be before session " + i + ".", i + 1, i);
            }
        }
        for (int i = 0; i < courseSessions.size(); i++) {
            CourseSession courseSession = courseSessions.get(i);
            CohortSession existing = sessionNumber(courseSession.getNumber());
            if (existing == null) {
                sessions.add(new CohortSession(this, courseSession, dates.get(i)));
            } else {
                existing.reschedule(dates.get(i));
            }
        }
    }

    public CohortSession sessionNumber(int number) {
        return sessions.stream().filter(s -> s.getNumber() == number).findFirst().orElse(null);
    }

    public void requireRoomFor(long currentEnrolments, int more) {
        if (currentEnrolments + more > capacity) {
            long free = Math.max(0, capacity - currentEnrolments);
            throw new BusinessException("cohort.full", name + " has " + capacity + " places and " + free
                    + (free == 1 ? " is" : " are") + " free, so " + more + " more cannot be enrolled.",
                    name, capacity, free, more);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getVenue() {
        return venue;
    }

    public String getOnlineLink() {
        return onlineLink;
    }

    public String getFacilitators() {
        return facilitators;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getAttendanceThreshold() {
        return attendanceThreshold;
    }

    /** The sessions in order (a join fetch does not keep the mapping's order). */
    public List<CohortSession> getSessions() {
        return sessions.stream().sorted(java.util.Comparator.comparingInt(CohortSession::getNumber)).toList();
    }

    public long getVersion() {
        return version;
    }
}
