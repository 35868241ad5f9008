package org.peersupport.portal.reporting.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The portal's read-only JSON API for HR and BI systems, at {@code /api}. Payara Micro serves its OpenAPI document
 * at {@code /openapi}. Callers sign in with HTTP Basic as an account in the HR role (a person, or a service account
 * in a directory group mapped to HR); see docs/operations.md.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Peer Support Training Portal: training completion API", version = "1",
        description = "Read-only training completion data for HR and BI systems: completions since a date for "
                + "incremental sync, a person's training record, and a course's status counts. Status, names, "
                + "departments and dates only; never evidence or notes. Paginated (at most 500 a page) and "
                + "rate-limited per caller (HTTP 429 with Retry-After)."),
        security = @SecurityRequirement(name = "directory"))
@SecurityScheme(securitySchemeName = "directory", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A directory account in the HR role, usually a service account in the group mapped to HR")
public class ReportingApi extends Application {
}
