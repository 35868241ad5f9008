package org.peersupport.portal.governance.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javax.sql.DataSource;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * What the subject access boundaries share: every feature's declaration in the feature order, how many records of a
 * class a person has, and writing one person's export (see {@link SubjectAccessWriter}).
 */
@ApplicationScoped
public class SubjectAccessExports {

    /** The features in the order docs/architecture.md gives, so an export reads in the same order every time. */
    static final List<String> FEATURE_ORDER = List.of("platform", "audit", "identity", "notice", "course",
            "candidate", "portfolio", "assessment", "reporting", "governance");

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @Any
    Instance<PersonalData> providers;

    @Inject
    ChunkStore chunks;

    @Inject
    Clock clock;

    /** Every feature's declaration, in the feature order. */
    public List<PersonalData> features() {
        return providers.stream().sorted(Comparator.comparingInt(p -> {
            int at = FEATURE_ORDER.indexOf(p.feature());
            return at < 0 ? FEATURE_ORDER.size() : at;
        })).toList();
    }

    /** The classes that name other people, which wait for the governance role's rule. */
    public List<PersonalRecordClass> reviewClasses() {
        return features().stream().flatMap(f -> f.recordClasses().stream())
                .filter(c -> c.disclosure() == PersonalRecordClass.Disclosure.REVIEW && c.exportSql() != null).toList();
    }

    /** How many records of the class an export of the person would hold. */
    public long held(PersonalRecordClass recordClass, long personId) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("select count(*) from (" + recordClass.jdbcSql()
                        + ") held")) {
            for (int i = 1; i <= recordClass.personParameters(); i++) {
                query.setLong(i, personId);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + recordClass.key(), e);
        }
    }

    /** Writes the export of {@code subject} and returns how many records it holds. */
    public long write(Person subject, Person producer, boolean review, Map<String, SubjectAccessWriter.Rule> rules,
            OutputStream out) throws IOException {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        try (Connection db = dataSource.getConnection()) {
            SubjectAccessWriter writer = new SubjectAccessWriter(text, db, chunks::copyTo);
            writer.write(subject.getId(), new SubjectAccessWriter.Heading(subject.getDisplayName(),
                    producer.getDisplayName(), Instant.now(clock), review, rules), features(), out);
            return writer.rows();
        } catch (SQLException e) {
            throw new IOException("Could not reach the database for the export", e);
        }
    }
}
