package org.peersupport.portal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the schema up to date with Flyway at deployment, before anything touches it. With
 * {@code portal.db.migrate=false} it only validates, so the application's database role needs no DDL
 * rights; a separate migration role can also be named ({@code portal.db.migration.user}).
 */
@Startup
@Singleton
@DependsOn("ConfigurationCheck")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PortalConfig config;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(migrationDataSource())
                .locations("classpath:db/migration")
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
        Optional<String> user = config.value(PortalSetting.DB_MIGRATION_USER);
        if (user.isEmpty()) {
            return dataSource;
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(config.required(PortalSetting.DB_URL));
        owner.setUser(user.get());
        owner.setPassword(config.valueOr(PortalSetting.DB_MIGRATION_PASSWORD, ""));
        return owner;
    }
}
