package org.peersupport.portal.governance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.AuditQuery;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.platform.control.TableWriter;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The audit trail, readable by the governance role: searched by person (as actor or subject), action, record and
 * dates, paged in the database, and exported as CSV, streamed. Each search that names a person, and each export, is
 * itself audited. Entries name people by key: the names shown come from the person rows, as they are now.
 */
@Stateless
@DenyAll
public class AuditSearch {

    public static final int PAGE_SIZE = 50;
    private static final Logger LOG = Logger.getLogger(AuditSearch.class.getName());
    private static final int FETCH_SIZE = 500;

    private static final String SELECT = """
            select a.occurred_at, coalesce(pa.display_name, a.actor) as actor_name, coalesce(pa.username, a.actor) as actor,
                   a.action, a.subject_type, a.subject_id, ps.display_name as subject_name, a.detail, a.remote_address
            from audit_entry a
            left join person pa on pa.id = a.actor_id
            left join person ps on ps.id = a.subject_person_id
            """;

    /** One entry as the governance role reads it. */
    public record Line(Instant at, String actorName, String actorUsername, String action, String subjectType,
            String subjectId, String subjectName, String detail, String remoteAddress) {
    }

    @Resource
    SessionContext session;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @RolesAllowed(Role.Names.GOVERNANCE)
    public ResultPage<Line> search(AuditQuery query, int page) {
        AuditQuery.Where where = query.where(UkTime.ZONE);
        try (Connection db = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(db, "select count(*) from audit_entry a where " + where.sql(),
                    where.parameters()); ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            int at = ResultPage.within(page, total, PAGE_SIZE);
            List<Object> parameters = new ArrayList<>(where.parameters());
            parameters.add(PAGE_SIZE);
            parameters.add((at - 1) * PAGE_SIZE);
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement select = prepare(db, SELECT + " where " + where.sql()
                    + " order by a.occurred_at desc, a.id desc limit ? offset ?", parameters);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(line(rs));
                }
            }
            if (query.username() != null) {
                audit.fire(AuditEvent.by(session.getCallerPrincipal().getName(), "AUDIT_TRAIL_SEARCHED", "Person", null,
                        "entries of one person, page " + at));
            }
            return new ResultPage<>(lines, at, PAGE_SIZE, total);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Writes every entry the query finds as CSV, newest first, one row at a time. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void export(AuditQuery query, OutputStream out) throws IOException {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        AuditQuery.Where where = query.where(UkTime.ZONE);
        long rows = 0;
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = prepare(db, SELECT + " where " + where.sql() + " order by a.occurred_at desc, a.id desc",
                        where.parameters());
                TableWriter writer = ExportFormat.CSV.open(out, text.getString("audit.export.sheet"))) {
            select.setFetchSize(FETCH_SIZE);
            writer.about(List.of(
                    new String[] {text.getString("audit.export.title"), text.getString("audit.title")},
                    new String[] {text.getString("report.export.at"), UkTime.STAMP.format(ZonedDateTime.now(
                            clock.withZone(UkTime.ZONE))) + " " + text.getString("report.export.ukTime")},
                    new String[] {text.getString("report.export.by"), session.getCallerPrincipal().getName()}));
            writer.header(List.of(text.getString("audit.when"), text.getString("audit.who"),
                    text.getString("audit.username"), text.getString("audit.action"), text.getString("audit.record"),
                    text.getString("audit.recordNumber"), text.getString("audit.about"), text.getString("audit.detail"),
                    text.getString("audit.address")));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Line line = line(rs);
                    writer.row(java.util.Arrays.asList(UkTime.STAMP.format(line.at().atZone(UkTime.ZONE)),
                            line.actorName(), line.actorUsername(), line.action(), line.subjectType(), line.subjectId(),
                            line.subjectName(), line.detail(), line.remoteAddress()));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        audit.fire(AuditEvent.by(session.getCallerPrincipal().getName(), "AUDIT_TRAIL_EXPORTED", null, null,
                rows + " entries as CSV"));
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("subject_name"), rs.getString("detail"), rs.getString("remote_address"));
    }

    private static PreparedStatement prepare(Connection db, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static BusinessException unavailable(SQLException e) {
        LOG.log(Level.WARNING, "The audit trail could not be read", e);
        return new BusinessException("audit.unavailable", "The audit trail cannot be read just now. Try again.");
    }
}
