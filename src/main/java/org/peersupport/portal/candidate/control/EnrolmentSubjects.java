package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.peersupport.portal.audit.control.SubjectOwners;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.PlaceRequest;

/** An audited enrolment or request for a place is about the person it is for. */
@ApplicationScoped
public class EnrolmentSubjects implements SubjectOwners {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Long> ownerOf(String subjectType, String subjectId) {
        return switch (subjectType) {
            case "Enrolment" -> SubjectOwners.number(subjectId).map(id -> em.find(Enrolment.class, id))
                    .map(e -> e.getPerson().getId());
            case "PlaceRequest" -> SubjectOwners.number(subjectId).map(id -> em.find(PlaceRequest.class, id))
                    .map(r -> r.getPerson().getId());
            default -> Optional.empty();
        };
    }
}
