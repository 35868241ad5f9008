package org.peersupport.portal.reporting.entity;

/**
 * The dashboard's figures for one group of places (a course, a department, or everything): how many places, how many
 * in each status, how many overdue, completed this year, and the median days to complete (paused days left out). A
 * place is one person on one cohort, so a re-enrolment after a withdrawal counts twice: once withdrawn, once again.
 *
 * @param key the group's value for filters (course code, department), or null for the total
 * @param label what people read (the course title, the department), or null for the total
 */
public record StatusCounts(String key, String label, long enrolled, long notStarted, long active, long paused,
        long overdue, long withdrawn, long deferred, long completed, long completedThisYear,
        Double medianDaysToComplete) {

    /** Completed as a share of everyone who has completed or withdrawn, in whole percent; null when nobody has. */
    public Integer completionRate() {
        long finished = completed + withdrawn;
        return finished == 0 ? null : (int) Math.round(completed * 100.0 / finished);
    }

    /** The median in whole days, or null when nobody has completed. */
    public Long medianDays() {
        return medianDaysToComplete == null ? null : Math.round(medianDaysToComplete);
    }

    public long count(Measure measure) {
        return switch (measure) {
            case ENROLLED -> enrolled;
            case NOT_STARTED -> notStarted;
            case ACTIVE -> active;
            case PAUSED -> paused;
            case OVERDUE -> overdue;
            case WITHDRAWN -> withdrawn;
            case DEFERRED -> deferred;
            case COMPLETED -> completed;
            case COMPLETED_THIS_YEAR -> completedThisYear;
        };
    }
}
