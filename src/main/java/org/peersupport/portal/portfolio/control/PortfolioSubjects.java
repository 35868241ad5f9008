package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.peersupport.portal.audit.control.SubjectOwners;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmittedItem;

/** Audited evidence, submissions and submitted items are about the candidate whose portfolio holds them. */
@ApplicationScoped
public class PortfolioSubjects implements SubjectOwners {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Long> ownerOf(String subjectType, String subjectId) {
        return switch (subjectType) {
            case "EvidenceItem" -> SubjectOwners.number(subjectId).map(id -> em.find(EvidenceItem.class, id))
                    .map(i -> i.getEnrolment().getPerson().getId());
            case "Submission" -> SubjectOwners.number(subjectId).map(id -> em.find(Submission.class, id))
                    .map(s -> s.getEnrolment().getPerson().getId());
            case "SubmittedItem" -> SubjectOwners.number(subjectId).map(id -> em.find(SubmittedItem.class, id))
                    .map(i -> i.getSubmission().getEnrolment().getPerson().getId());
            default -> Optional.empty();
        };
    }
}
