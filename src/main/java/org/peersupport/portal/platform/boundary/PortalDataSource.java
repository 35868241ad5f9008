package org.peersupport.portal.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one PostgreSQL connection pool, configured from {@code portal.db.*}. A connection is validated when
 * taken from the pool, at most once every {@value #VALIDATED_AT_MOST_EVERY_SECONDS} seconds: a page takes a connection
 * for each transaction it runs, and a validation on each of them was half the statements of a lesson page
 * (docs/performance.md). A connection that fails all the same (the database went down within those seconds) is
 * dropped by the driver's error event, and a failed validation drops them all.
 */
@DataSourceDefinition(
        name = PortalDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.validate-atmost-once-period-in-seconds=" + PortalDataSource.VALIDATED_AT_MOST_EVERY_SECONDS,
            "ApplicationName=peer-support-portal"
        })
@ApplicationScoped
public class PortalDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/portal";

    static final String VALIDATED_AT_MOST_EVERY_SECONDS = "2";
}
