package org.peersupport.portal.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.Attendance;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.course.boundary.CourseCatalog;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * Browser-test set-up that would otherwise take a test many pages of the coordinator's cohort pages (which
 * {@code CohortBrowserIT} walks through): in the test WAR only, under {@code /coordinator/} (so only a signed-in
 * coordinator reaches it), it creates a cohort whose sessions are all ahead ({@code /future-cohort}), completes the
 * demo candidate on a new cohort ({@code /complete}), or gives a candidate an active place on a new cohort of their own with a supervisor allocated ({@code /allocated?candidate=&supervisor=}), so that a test
 * starts from an empty portfolio whatever other test classes did before it. {@code /ready-for-assessment} does the same
 * for the demo candidate and then takes every register of the cohort (present) as the signed-in coordinator and marks
 * every lesson complete as the candidate, so that only the assessment tasks stand between them and completion. Each
 * answer is a small accessible HTML
 * page (the browser runs axe-core on every page). Deploy it with {@link Deployments#withCoordinatorFixture()}.
 */
@WebServlet("/coordinator/test-fixture/*")
public class CoordinatorFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TestCohorts cohorts;

    @Inject
    AsCandidate asCandidate;

    @Inject
    Allocations allocations;

    @Inject
    Attendance attendance;

    @Inject
    CourseCatalog catalog;

    @Inject
    Sql sql;

    @Inject
    org.peersupport.portal.candidate.control.StaffDirectory staff;


    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String result;
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/future-cohort" -> {
                    long cohort = cohorts.cohort(false);
                    result = "<p>Cohort <span id=\"cohort-id\">" + cohort + "</span>: <span id=\"cohort\">"
                            + cohorts.name(cohort) + "</span></p>";
                }
                case "/complete" -> {
                    long cohort = cohorts.cohort(true);
                    long enrolment = cohorts.enrol(cohort, AsCandidate.ACCOUNT.username(), EnrolmentStatus.ACTIVE,
                            EnrolmentStatus.COMPLETED);
                    result = "<p>Enrolment <span id=\"enrolment\">" + enrolment + "</span> completed</p>";
                }
                case "/allocated", "/ready-for-assessment" -> {
                    long cohort = cohorts.cohort(true);
                    String candidate = request.getParameter("candidate");
                    long enrolment = cohorts.enrol(cohort, candidate, EnrolmentStatus.ACTIVE);
                    // room on the supervisor's caseload, whatever cap other test classes left them with
                    allocations.setCaseloadCap(request.getParameter("supervisor"), 1000);
                    allocations.allocate(enrolment, request.getParameter("supervisor"), null);
                    if (request.getPathInfo().equals("/ready-for-assessment")) {
                        if (!candidate.equals(AsCandidate.ACCOUNT.username())) {
                            throw new IllegalArgumentException("lessons are marked as " + AsCandidate.ACCOUNT.username());
                        }
                        for (var session : sql.rows("select id, number from cohort_session where cohort_id = ? order by number",
                                cohort)) {
                            attendance.mark(((Number) session.get("id")).longValue(), enrolment, AttendanceKind.PRESENT);
                            int number = ((Number) session.get("number")).intValue();
                            asCandidate.run(() -> catalog.markComplete("PEER2PEER", number));
                        }
                    }
                    result = "<p>Enrolment <span id=\"enrolment\">" + enrolment + "</span> on <span id=\"cohort\">"
                            + cohorts.name(cohort) + "</span></p>";
                }
                case "/old-notice" -> {
                    // a notice sent two years ago: past the retention schedule's year for notices
                    long id = 9_700_000_000L + (System.nanoTime() & 0xFFFFFF) * 10;
                    String title = "An old notice " + request.getParameter("tag");
                    jakarta.transaction.UserTransaction tx = javax.naming.InitialContext.doLookup("java:comp/UserTransaction");
                    tx.begin();
                    long person = staff.byUsername(request.getParameter("candidate")).getId();
                    tx.commit();
                    sql.update("insert into notice (id, recipient_id, kind, title, text, created_at) values (?, ?, "
                            + "'PLACE_APPROVED', ?, 'Sent long ago', now() - interval '2 years')", id, person, title);
                    result = "<p>Notice <span id=\"notice\">" + id + "</span>: " + title + "</p>";
                }
                case "/retention-day-free" -> {
                    // today's retention purge not run yet, as on a morning before the nightly job
                    int freed = sql.update("delete from job_run where job = 'retention-purge' and run_date = ?",
                            java.sql.Date.valueOf(java.time.LocalDate.now(org.peersupport.portal.platform.control.UkTime.ZONE)));
                    sql.update("delete from retention_purge where run_date = ?",
                            java.sql.Date.valueOf(java.time.LocalDate.now(org.peersupport.portal.platform.control.UkTime.ZONE)));
                    if (request.getParameter("tag") != null) {
                        // the legal holds a browser story placed, with its tag in the reason
                        sql.update("delete from retention_hold where position(? in reason) > 0", request.getParameter("tag"));
                    }
                    result = "<p>Freed <span id=\"freed\">" + freed + "</span></p>";
                }
                default -> {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/html;charset=UTF-8");
        try (PrintWriter out = response.getWriter()) {
            out.println("<!DOCTYPE html><html lang=\"en-GB\"><head><title>Test fixture</title></head><body><main>"
                    + "<h1>Test fixture</h1>" + result + "</main></body></html>");
        }
    }
}
