package org.peersupport.portal.reporting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.peersupport.portal.reporting.entity.Completion;
import org.peersupport.portal.reporting.entity.ReportFilter;
import org.peersupport.portal.reporting.entity.StaffRecord;
import org.peersupport.portal.reporting.entity.StatusCounts;

/**
 * The training completion API. Every call goes through {@link Reports}, which admits the HR role only; web.xml
 * does the same for {@code /api/*}. Lists are paginated ({@code page} from 0, {@code size} up to
 * {@value Reports#MAX_PAGE_SIZE}); a larger page is refused, not silently cut.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training completion")
public class TrainingResource {

    static final int DEFAULT_PAGE_SIZE = 100;

    @Inject
    Reports reports;

    @Context
    UriInfo uri;

    /** A page of completions, and the link to the next page when there is one. */
    public record CompletionsPage(List<Completion> items, int page, int size, long total, String next) {
    }

    /** What went wrong, for the caller's logs. */
    public record Problem(int status, String message) {
    }

    @GET
    @Path("completions")
    @Operation(summary = "Completions since a date",
            description = "Course places completed at or after `since`, oldest first, for incremental sync: store the "
                    + "latest `completedAt` you have seen and ask again from it (a place completed at that very instant "
                    + "is sent again, so de-duplicate by `enrolmentId`).")
    @APIResponse(responseCode = "200", description = "A page of completions",
            content = @Content(schema = @Schema(implementation = CompletionsPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter could not be read or the page is too large")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "The account is not in the HR role")
    @APIResponse(responseCode = "429", description = "Too many requests: wait for Retry-After seconds")
    public Response completions(
            @Parameter(description = "ISO date (2026-04-01, midnight UTC) or date-time with offset (2026-04-01T09:30:00Z)",
                    required = true) @QueryParam("since") String since,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("100") int size) {
        OffsetDateTime from;
        try {
            from = parseSince(since);
        } catch (DateTimeParseException | NullPointerException e) {
            return problem(400, "Give since as a date (2026-04-01) or a date-time with an offset (2026-04-01T09:30:00Z).");
        }
        if (size < 1 || size > Reports.MAX_PAGE_SIZE || page < 0) {
            return problem(400, "Give a page from 0 and a size from 1 to " + Reports.MAX_PAGE_SIZE + ".");
        }
        Reports.CompletionPage result = reports.completionsSince(from, page, size);
        long total = result.items().isEmpty() ? 0 : result.total();
        String next = (long) (page + 1) * size < total
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        return Response.ok(new CompletionsPage(result.items(), page, size, total, next)).build();
    }

    @GET
    @Path("people/{username}/training")
    @Operation(summary = "A person's training record", description = "Every course place the person has held, with "
            + "status, dates, sessions done and the certificate code.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    @APIResponse(responseCode = "404", description = "No such person")
    public StaffRecord person(@Parameter(description = "The directory username") @PathParam("username") String username) {
        return reports.staffRecordByUsername(username);
    }

    @GET
    @Path("courses/{code}/status-counts")
    @Operation(summary = "A course's status counts", description = "Places on the course (all versions) by status, "
            + "overdue, completed this year, completion rate and median days to complete; optionally narrowed.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = StatusCounts.class)))
    @APIResponse(responseCode = "404", description = "No such course with places")
    public Response courseCounts(@PathParam("code") String code,
            @QueryParam("organisation") String organisation, @QueryParam("department") String department,
            @Parameter(description = "Cohorts starting on or after (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Cohorts starting on or before (ISO date)") @QueryParam("to") String to) {
        ReportFilter filter;
        try {
            filter = new ReportFilter(organisation, department, code, null, from == null ? null : LocalDate.parse(from),
                    to == null ? null : LocalDate.parse(to)).checked();
        } catch (DateTimeParseException e) {
            return problem(400, "Give from and to as ISO dates, e.g. 2026-04-01.");
        }
        StatusCounts counts = reports.courseCounts(code, filter);
        return Response.ok(new CourseCounts(counts, counts.completionRate(), counts.medianDays())).build();
    }

    /** A course's counts with the derived figures spelled out. */
    public record CourseCounts(StatusCounts counts, Integer completionRatePercent, Long medianDaysToComplete) {
    }

    static OffsetDateTime parseSince(String since) {
        String value = since.strip();
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value)),
                ZoneOffset.UTC);
    }

    static Response problem(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(status, message)).build();
    }
}
