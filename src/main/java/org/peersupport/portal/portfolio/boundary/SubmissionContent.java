package org.peersupport.portal.portfolio.boundary;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Reader;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmittedItem;

/**
 * A submission's frozen content as one reader sees it ("assessor only" items withheld from a verifier), with the read
 * written to the audit trail. Read by the boundaries that have already established who reads and how:
 * {@link Submissions#submission} for the candidate, supervisor or verifier, and the assessment feature's review, whose
 * assessor check is stricter than a supervisor's read and has loaded the submission already, so the review page reads
 * the submission and checks its reader once (issue 18).
 */
public final class SubmissionContent {

    private SubmissionContent() {
    }

    /** The content of {@code s} as {@code reader} sees it; anyone but the candidate reading it is audited. */
    public static SubmissionView read(EntityManager em, EvidenceAccess access, Viewer viewer, Reader reader, Submission s) {
        Map<Long, List<String>> codes = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SubmittedItem.MAPPINGS_OF_SUBMISSION, Object[].class)
                .setParameter("submissionId", s.getId()).getResultList()) {
            codes.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
        }
        List<SubmittedItemView> items = new ArrayList<>();
        int withheld = 0;
        for (SubmittedItem item : em.createNamedQuery(SubmittedItem.OF_SUBMISSION, SubmittedItem.class)
                .setParameter("submissionId", s.getId()).getResultList()) {
            if (item.isAssessorOnly() && !reader.seesAssessorOnly()) {
                withheld++;
            } else {
                items.add(PortfolioReads.view(item, codes.get(item.getId())));
            }
        }
        Enrolment e = s.getEnrolment();
        access.recordRead(viewer, reader, "SUBMISSION_READ", "Submission", s.getId(), "enrolment " + e.getId() + ", "
                + items.size() + " items" + (withheld > 0 ? ", " + withheld + " assessor-only withheld" : ""));
        return new SubmissionView(s.getId(), e.getId(), e.getPerson().getDisplayName(), e.getCohort().getCourse().getCode(),
                e.getCohort().getName(), s.getTask().getId(), s.getTask().getCode(), s.getTask().getTitle(), s.getAttempt(),
                s.getStatus(), s.getDeclaration(), s.getSubmittedBy(), s.getSubmittedAt(), items, withheld);
    }
}
