package org.peersupport.portal.governance.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.peersupport.portal.platform.boundary.PortalDataSource;

/**
 * The retention job's work, inside its caller's transaction: what each rule of the schedule has due (held records
 * excluded), the purge itself under a declared redaction, one {@code retention_purge} row per class purged, and the
 * view of what falls due in the coming days for the governance role. The rules' queries and statements come from
 * the features that own the tables.
 */
@ApplicationScoped
public class RetentionWork {

    /** How many records one statement purges at most: a first run after years purges in steps. */
    static final int BATCH = 5000;
    /** How many people or places a preview lists per class; the counts cover all of them. */
    static final int PREVIEW_LINES = 50;

    private static final String HELD = """
            exists (select 1 from retention_hold h where h.released_at is null
                    and (h.person_id = c.person_id or h.person_id = c.other_person_id
                         or h.enrolment_id = c.enrolment_id))""";

    /** What falls due under one rule: per person and place, the earliest due day, and whether a hold stops it. */
    public record Preview(String key, long records, long heldRecords, List<PreviewLine> lines, long moreLines)
            implements Serializable {
    }

    /** One person's (or, with a null person, records about no one: the system's audit entries) due records. */
    public record PreviewLine(Long personId, Long enrolmentId, LocalDate dueOn, long records, boolean held)
            implements Serializable {
    }

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RetentionSchedule schedule;

    /** Purges what is due on {@code day}; returns the records purged per class, in schedule order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Integer> purge(LocalDate day, Instant now) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection()) {
            redaction(db, true);
            for (RetentionSchedule.Entry entry : schedule.entries()) {
                List<Long> due = dueIds(db, entry, day);
                if (due.isEmpty()) {
                    continue;
                }
                for (int from = 0; from < due.size(); from += BATCH) {
                    Array ids = db.createArrayOf("bigint", due.subList(from, Math.min(due.size(), from + BATCH))
                            .toArray());
                    for (String sql : entry.rule().purgeSql()) {
                        try (PreparedStatement statement = db.prepareStatement(sql)) {
                            statement.setArray(1, ids);
                            statement.execute();
                        }
                    }
                }
                record(db, day, entry, due.size(), now);
                purged.put(entry.key(), due.size());
            }
            redaction(db, false);
        } catch (SQLException e) {
            throw new IllegalStateException("The retention purge for " + day + " failed", e);
        }
        return purged;
    }

    /** What falls due by {@code day + days}, per rule, including what is due already but held. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Preview> preview(LocalDate day, int days) {
        List<Preview> previews = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            for (RetentionSchedule.Entry entry : schedule.entries()) {
                previews.add(preview(db, entry, day.plusDays(days)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The retention preview failed", e);
        }
        return previews;
    }

    private Preview preview(Connection db, RetentionSchedule.Entry entry, LocalDate by) throws SQLException {
        String sql = "select c.person_id, c.enrolment_id, min(c.started_at) as started_at, count(*) as records, "
                + "bool_or(" + HELD + ") as held from (" + entry.rule().recordsSql() + ") c "
                + "where c.started_at < ? "
                + "group by c.person_id, c.enrolment_id order by min(c.started_at), c.person_id nulls last";
        List<PreviewLine> lines = new ArrayList<>();
        long records = 0;
        long held = 0;
        long more = 0;
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(entry.dueBefore(by)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong("records");
                    boolean isHeld = rs.getBoolean("held");
                    records += count;
                    held += isHeld ? count : 0;
                    if (lines.size() < PREVIEW_LINES) {
                        long person = rs.getLong("person_id");
                        Long personId = rs.wasNull() ? null : person;
                        long enrolment = rs.getLong("enrolment_id");
                        lines.add(new PreviewLine(personId, rs.wasNull() ? null : enrolment,
                                entry.dueOn(rs.getTimestamp("started_at").toInstant()), count, isHeld));
                    } else {
                        more++;
                    }
                }
            }
        }
        return new Preview(entry.key(), records, held, lines, more);
    }

    private static List<Long> dueIds(Connection db, RetentionSchedule.Entry entry, LocalDate day) throws SQLException {
        String sql = "select c.record_id from (" + entry.rule().recordsSql() + ") c where c.started_at < ? and not "
                + HELD + " order by c.record_id";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(entry.dueBefore(day)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void record(Connection db, LocalDate day, RetentionSchedule.Entry entry, int records, Instant now)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into retention_purge "
                + "(id, run_date, record_class, rule, records, purged_at) "
                + "values (nextval('retention_purge_seq'), ?, ?, ?, ?, ?)")) {
            insert.setDate(1, Date.valueOf(day));
            insert.setString(2, entry.key());
            insert.setString(3, entry.period().toString());
            insert.setInt(4, records);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** Declares (or ends) a redaction for the rest of the transaction: the guards of V17 let the purge through. */
    private static void redaction(Connection db, boolean on) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select set_config('portal.redaction', ?, true)")) {
            set.setString(1, on ? "on" : "off");
            set.execute();
        }
    }

    /** The names of people and the cohorts of places a preview mentions, in one query each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> names(String sql, List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The names of a retention preview could not be read", e);
        }
        return names;
    }
}
