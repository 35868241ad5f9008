package org.peersupport.portal.reporting.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.entity.Completion;
import org.peersupport.portal.reporting.entity.PersonLine;
import org.peersupport.portal.reporting.entity.TrainingLine;

/** Turns the rows of {@link ReportSql}'s statements into reporting's records, column by name. */
public final class ReportRows {

    private ReportRows() {
    }

    public static PersonLine person(ResultSet rs) throws SQLException {
        return new PersonLine(rs.getLong("enrolment_id"), rs.getLong("person_id"), rs.getString("display_name"),
                rs.getString("department"), rs.getString("organisation"), rs.getString("code"), rs.getString("title"),
                rs.getString("cohort_name"), EnrolmentStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"),
                instant(rs, "enrolled_at"), date(rs, "start_date"), date(rs, "expected_end_date"),
                instant(rs, "completed_at"), instant(rs, "status_changed_at"));
    }

    public static TrainingLine training(ResultSet rs) throws SQLException {
        return new TrainingLine(rs.getLong("enrolment_id"), rs.getString("code"), rs.getString("title"),
                rs.getString("cohort_name"), date(rs, "start_date"), date(rs, "end_date"),
                EnrolmentStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"), instant(rs, "enrolled_at"),
                date(rs, "expected_end_date"), rs.getInt("paused_days_total"), instant(rs, "completed_at"),
                instant(rs, "status_changed_at"), rs.getInt("sessions_done"), rs.getInt("sessions_total"),
                rs.getString("certificate_code"));
    }

    public static Completion completion(ResultSet rs) throws SQLException {
        return new Completion(rs.getLong("enrolment_id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("department"), rs.getString("organisation"), rs.getString("code"), rs.getString("title"),
                rs.getString("cohort_name"), date(rs, "start_date"), instant(rs, "enrolled_at"),
                instant(rs, "completed_at"), rs.getString("certificate_code"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** An instant as the UK date it fell on, or null. */
    public static LocalDate ukDate(Instant instant) {
        return instant == null ? null : instant.atZone(UkTime.ZONE).toLocalDate();
    }
}
