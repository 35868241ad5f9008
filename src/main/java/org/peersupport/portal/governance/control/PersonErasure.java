package org.peersupport.portal.governance.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.control.PersonalData;

/**
 * Erases one person in the caller's transaction: every feature's erasure statements, in the reverse of the feature
 * order (so the person row, which the identity feature owns, goes last), under a declared redaction (V17, V19).
 */
@ApplicationScoped
public class PersonErasure {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(person|username|name|erasedName|erased)\\b");

    /** Who is erased, and what replaces them. */
    public record Subject(long personId, String username, String name, String erasedName) {

        public String erased() {
            return "erased-" + personId;
        }
    }

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SubjectAccessExports exports;

    /** Runs every feature's erasure for {@code subject}; returns the rows changed or deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(Subject subject) {
        Map<String, Object> values = Map.of("person", subject.personId(), "username", subject.username(),
                "name", subject.name(), "erasedName", subject.erasedName(), "erased", subject.erased());
        List<PersonalData> features = new ArrayList<>(exports.features());
        java.util.Collections.reverse(features);
        int rows = 0;
        try (Connection db = dataSource.getConnection()) {
            redaction(db, "on");
            for (PersonalData feature : features) {
                for (String sql : feature.erasure()) {
                    rows += run(db, sql, values);
                }
            }
            redaction(db, "off");
        } catch (SQLException e) {
            throw new IllegalStateException("The erasure of person " + subject.personId() + " failed", e);
        }
        return rows;
    }

    /** Binds the named parameters in the order they appear. */
    static int run(Connection db, String sql, Map<String, Object> values) throws SQLException {
        List<Object> bound = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            bound.add(values.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (PreparedStatement statement = db.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                statement.setObject(i + 1, bound.get(i));
            }
            return statement.execute() ? 0 : statement.getUpdateCount();
        }
    }

    private static void redaction(Connection db, String value) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select set_config('portal.redaction', ?, true)")) {
            set.setString(1, value);
            set.execute();
        }
    }
}
