package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.portfolio.entity.RequirementJudgement;

/**
 * Which evidence requirements a candidate has met on an enrolment: the assessment feature records each judgement as
 * a new {@link RequirementJudgement} row, and the latest judgement of a requirement counts. This is the one place the
 * portfolio matrix asks; the assessment feature only writes rows.
 */
@ApplicationScoped
public class Judgements {

    @PersistenceContext
    EntityManager em;

    /** The ids of the requirements whose latest judgement on this enrolment is "met". */
    public Set<Long> met(long enrolmentId) {
        Map<Long, Boolean> latest = new HashMap<>();
        for (Object[] row : em.createNamedQuery(RequirementJudgement.OF_ENROLMENT, Object[].class)
                .setParameter("enrolmentId", enrolmentId).getResultList()) {
            latest.put(((Number) row[0]).longValue(), (Boolean) row[1]);
        }
        return latest.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
