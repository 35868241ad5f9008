package org.peersupport.portal.reporting.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peersupport.portal.reporting.entity.ReportFilter;
import org.peersupport.portal.reporting.entity.StatusCounts;

/**
 * Reads the rows of {@link ReportSql#dashboardFigures}: each group (a course, a department, everything) arrives as
 * consecutive rows, one per number of days to complete, whose counts add up to the group's figures. The median of
 * days to complete comes from those rows' completed counts, the same value as PostgreSQL's
 * {@code percentile_cont(0.5)}: the middle value, or the mean of the two middle values.
 */
public final class DashboardFigures {

    private static final int COURSE = 1;
    private static final int DEPARTMENT = 2;

    private final List<StatusCounts> courses = new ArrayList<>();
    private final List<StatusCounts> departments = new ArrayList<>();
    private StatusCounts total;

    private DashboardFigures() {
    }

    /** Reads every row; {@code titles} names the courses by code (a code without a title is shown as itself). */
    public static DashboardFigures read(ResultSet rs, Map<String, String> titles) throws SQLException {
        DashboardFigures figures = new DashboardFigures();
        Group group = null;
        while (rs.next()) {
            int set = rs.getInt("grouping_set");
            String key = set == COURSE ? rs.getString("course_code") : set == DEPARTMENT ? rs.getString("department") : null;
            if (group == null || group.set != set || !Objects.equals(group.key, key)) {
                figures.add(group, titles);
                group = new Group(set, key);
            }
            group.add(rs);
        }
        figures.add(group, titles);
        return figures;
    }

    public List<StatusCounts> courses() {
        return List.copyOf(courses);
    }

    /** The figures per department; people without a recorded department are under {@link ReportFilter#NOT_RECORDED}. */
    public List<StatusCounts> departments() {
        return List.copyOf(departments);
    }

    /** The figures across all places, all zero when there are none. */
    public StatusCounts total() {
        return total == null ? new Group(0, null).counts(null) : total;
    }

    private void add(Group group, Map<String, String> titles) {
        if (group == null) {
            return;
        }
        switch (group.set) {
            case COURSE -> courses.add(group.counts(titles.getOrDefault(group.key, group.key)));
            case DEPARTMENT -> {
                // people without a recorded department: filterable by NOT_RECORDED, which the page names
                departments.add(group.key == null ? group.counts(ReportFilter.NOT_RECORDED, null)
                        : group.counts(group.key, group.key));
            }
            default -> total = group.counts(null);
        }
    }

    /** One group's sums so far and its completed places by days to complete, in ascending order of days. */
    private static final class Group {
        final int set;
        final String key;
        final long[] sums = new long[9];
        final List<long[]> completedByDays = new ArrayList<>();

        Group(int set, String key) {
            this.set = set;
            this.key = key;
        }

        private static final String[] COLUMNS = {"enrolled", "not_started", "active", "paused", "overdue", "withdrawn",
                "deferred", "completed", "completed_this_year"};

        void add(ResultSet rs) throws SQLException {
            for (int i = 0; i < COLUMNS.length; i++) {
                sums[i] += rs.getLong(COLUMNS[i]);
            }
            Integer days = rs.getObject("days", Integer.class);
            long completed = rs.getLong("completed");
            if (days != null && completed > 0) {
                completedByDays.add(new long[] {days, completed});
            }
        }

        StatusCounts counts(String label) {
            return counts(key, label);
        }

        StatusCounts counts(String asKey, String label) {
            return new StatusCounts(asKey, label, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
                    sums[8], median());
        }

        /** percentile_cont(0.5) over the completed places' days: the values at the two middle positions, averaged. */
        Double median() {
            long n = completedByDays.stream().mapToLong(c -> c[1]).sum();
            if (n == 0) {
                return null;
            }
            long lower = (n - 1) / 2;
            long upper = n / 2;
            Long lowerValue = null;
            long seen = 0;
            for (long[] count : completedByDays) {
                long last = seen + count[1] - 1;
                if (lowerValue == null && lower <= last) {
                    lowerValue = count[0];
                }
                if (upper <= last) {
                    return (lowerValue + count[0]) / 2.0;
                }
                seen += count[1];
            }
            throw new IllegalStateException("the median lies beyond the counted places");
        }
    }
}
