package org.peersupport.portal.assessment;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.peersupport.portal.portfolio.boundary.ItemEdit;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.portfolio.boundary.Portfolios;
import org.peersupport.portal.portfolio.boundary.Submissions;

/**
 * Test-only, in the browser test's deployment: the portfolio pages that let a candidate write and submit evidence
 * are built on another branch, so the signed-in candidate submits (and revises and resubmits) their essay here,
 * through the portfolio's own boundaries, as themselves. {@code GET test/assessment-story?course=&task=&prefix=&text=}
 * writes (or revises) the item "{task} for assessment", maps it to the requirements whose codes start with
 * {@code prefix}, submits it and answers with the submission's id. Protected like every page: only a signed-in
 * person reaches it, and the boundaries check the rest.
 */
@WebServlet("/test/assessment-story")
public class StoryFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Portfolios portfolios;

    @Inject
    Submissions submissions;

    @PersistenceContext
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        try {
            response.getWriter().print(submit(request));
        } catch (RuntimeException e) {
            // the test prints what went wrong: the page shell's error page would hide it
            response.setStatus(500);
            e.printStackTrace(response.getWriter());
        }
    }

    private long submit(HttpServletRequest request) {
        String course = request.getParameter("course");
        String taskCode = request.getParameter("task");
        String prefix = request.getParameter("prefix");
        String text = request.getParameter("text");
        // ids are read directly: the portfolio's listings (myPortfolios, portfolio) are still being finished
        long enrolment = em.createQuery("select e.id from Enrolment e where lower(e.person.username) = lower(:me) "
                + "and e.cohort.course.code = :code and e.cohort.name = 'Peer2Peer demo cohort' and e.status = :active", Long.class)
                .setParameter("me", request.getRemoteUser()).setParameter("code", course)
                .setParameter("active", EnrolmentStatus.ACTIVE).getSingleResult();
        long task = em.createQuery("select t.id from AssessmentTask t, Enrolment e where e.id = :enrolment "
                + "and t.course = e.cohort.course and t.code = :code", Long.class).setParameter("enrolment", enrolment)
                .setParameter("code", taskCode).getSingleResult();
        Set<Long> requirements = portfolios.matrix(enrolment).cells().stream().filter(c -> c.code().startsWith(prefix))
                .map(c -> c.requirementId()).collect(Collectors.toSet());
        String title = taskCode + " for assessment";
        long item = em.createQuery("select i.id from EvidenceItem i where i.enrolment.id = :enrolment and i.title = :title",
                Long.class).setParameter("enrolment", enrolment).setParameter("title", title).getResultStream().findFirst()
                .orElseGet(() -> portfolios.createWritten(enrolment, title));
        long version = portfolios.item(item).version();
        portfolios.save(item, new ItemEdit(title, false, requirements, "<p>" + text + "</p>", null, null, null), version);
        return submissions.submit(enrolment, task, List.of(item), true, "This work is my own.",
                UUID.randomUUID().toString()).submissionId();
    }
}
