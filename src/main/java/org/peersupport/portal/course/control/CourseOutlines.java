package org.peersupport.portal.course.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseUnit;

/**
 * A course version's units, learning outcomes and evidence requirements in the course's order, as immutable values:
 * what a portfolio's matrix and the evidence page's mapping are built on. Those of a published or archived version
 * are read once per node and kept: only a draft's structure can change ({@link Course#requireDraft()}, which every
 * structure edit calls), and a new version is a new course id, so what is kept is never stale on any node. A draft
 * is read every time. Reading takes three statements (the units, then their outcomes and those outcomes'
 * requirements batched); a kept version none. Holds nothing about a person.
 */
@ApplicationScoped
public class CourseOutlines {

    /** Far more versions than a portal publishes; past it the cache starts again. */
    static final int MOST = 500;

    /** An evidence requirement: its id, code and wording. */
    public record Requirement(long id, String code, String text) {
    }

    /** A learning outcome with its evidence requirements in order. */
    public record Outcome(long id, String code, String text, List<Requirement> requirements) {
    }

    /** A unit of the award with its learning outcomes in order. */
    public record Unit(long id, String code, String title, List<Outcome> outcomes) {
    }

    private final Map<Long, List<Unit>> kept = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    /** The version's units in order, kept after the first read unless the version is a draft. */
    public List<Unit> of(Course course) {
        List<Unit> units = kept.get(course.getId());
        if (units != null) {
            return units;
        }
        units = read(course.getId());
        if (!course.isDraft()) {
            if (kept.size() >= MOST) {
                kept.clear();
            }
            kept.put(course.getId(), units);
        }
        return units;
    }

    private List<Unit> read(long courseId) {
        return em.createNamedQuery(CourseUnit.STRUCTURE_OF_COURSE, CourseUnit.class).setParameter("courseId", courseId)
                .getResultList().stream().map(u -> new Unit(u.getId(), u.getCode(), u.getTitle(), u.getOutcomes().stream()
                        .map(o -> new Outcome(o.getId(), o.getCode(), o.getText(), o.getEvidenceRequirements().stream()
                                .map(r -> new Requirement(r.getId(), r.getCode(), r.getText())).toList()))
                        .toList()))
                .toList();
    }
}
