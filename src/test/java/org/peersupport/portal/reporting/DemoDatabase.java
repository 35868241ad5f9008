package org.peersupport.portal.reporting;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.peersupport.portal.platform.boundary.DatabaseMigration;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * The generator's default target: the demo's embedded PostgreSQL in {@code .demo-data/postgres}, started here (the
 * demo must not be running), migrated with the portal's own migrations as the schema owner, then filled.
 */
public final class DemoDatabase {

    private DemoDatabase() {
    }

    static ReportDataGenerator.Result generateIntoDemoDatabase(Path project, ReportDataGenerator.Spec spec)
            throws Exception {
        try (EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                project.resolve(".demo-data/postgres"))) {
            migrate(services);
            try (Connection db = services.portalDatabase()) {
                return ReportDataGenerator.generate(db, spec);
            }
        }
    }

    /** Brings the schema up to date as the portal would at start-up, as the schema owner. */
    public static void migrate(EmbeddedServices services) {
        Map<String, String> settings = services.portalSettings();
        Flyway.configure(DemoDatabase.class.getClassLoader()).dataSource(services.jdbcUrl(),
                settings.get("portal.db.migration.user"), settings.get("portal.db.migration.password"))
                .locations("classpath:db/migration")
                .placeholders(Map.of(DatabaseMigration.RUNTIME_ROLE_PLACEHOLDER, settings.get("portal.db.user")))
                .load().migrate();
    }
}
