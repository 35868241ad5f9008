package org.peersupport.portal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the schema up to date with Flyway at deployment, before anything touches it. Migrations run as the
 * schema owner ({@code portal.db.migration.user}/{@code password}; without them, as the run-time role
 * {@code portal.db.user}, which then owns the schema: fine for a trial, not for production). After every migrate,
 * the {@code afterMigrate.sql} callback grants the run-time role what it needs on every table there is now (the
 * {@code runtime_role} placeholder), and only SELECT and INSERT on the audit trail. With
 * {@code portal.db.migrate=false} it only validates, and the release pipeline migrates (passing the placeholder).
 */
@Startup
@Singleton
@DependsOn("ConfigurationCheck")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    /** The placeholder of {@code db/migration/afterMigrate.sql} that names the run-time role. */
    public static final String RUNTIME_ROLE_PLACEHOLDER = "runtime_role";

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PortalConfig config;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(migrationDataSource())
                .locations("classpath:db/migration")
                .placeholders(Map.of(RUNTIME_ROLE_PLACEHOLDER, config.required(PortalSetting.DB_USER)))
                .validateMigrationNaming(true)
                .load();
        if (config.flag(PortalSetting.DB_MIGRATE, true)) {
            MigrateResult result = flyway.migrate();
            LOG.info(() -> "Database schema at version " + Optional.ofNullable(result.targetSchemaVersion)
                    .orElse(result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
        } else {
            flyway.validate();
            LOG.info("Database schema validated; migrations are run separately (portal.db.migrate=false)");
        }
    }

    private DataSource migrationDataSource() {
        Optional<String> user = config.value(PortalSetting.DB_MIGRATION_USER)
                .filter(owner -> !owner.equals(config.required(PortalSetting.DB_USER)));
        if (user.isEmpty()) {
            if (config.flag(PortalSetting.DB_MIGRATE, true)) {
                LOG.warning(() -> "No separate migration role (" + PortalSetting.DB_MIGRATION_USER + "): the portal migrates "
                        + "and runs as " + config.required(PortalSetting.DB_USER) + ", which then owns the schema and could "
                        + "alter the audit trail's triggers; see docs/operations.md, Database");
            }
            return dataSource;
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(config.required(PortalSetting.DB_URL));
        owner.setUser(user.get());
        // without a password of its own the owner signs in as PostgreSQL allows it (.pgpass, certificate, peer)
        config.value(PortalSetting.DB_MIGRATION_PASSWORD).ifPresent(owner::setPassword);
        owner.setApplicationName("peer-support-portal-migration");
        return owner;
    }
}
