package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.GlossaryLinker;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.GlossaryTerm;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A course version's glossary, as training coordinators edit it: terms with sanitised definitions, each linked
 * from the lessons by its anchor. Every change is audited in its own transaction, and an edit carries the
 * version the coordinator saw, so a concurrent change is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class CourseGlossary {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<GlossaryTermEditView> glossaryTerms(long courseId) {
        return edits.course(courseId).getGlossary().stream().map(g -> new GlossaryTermEditView(g.getId(), g.getTerm(),
                g.getAnchor(), g.getDefinitionHtml(), g.isRestored(), g.getNote(), g.getVersion())).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public long addGlossaryTerm(long courseId, String term, String definitionHtml, String note) {
        Course course = edits.course(courseId);
        String name = CourseEdits.required(term, "term");
        GlossaryTerm entry = course.addGlossaryTerm(name, GlossaryLinker.anchorFor(name), null,
                LessonHtml.sanitise(CourseEdits.required(definitionHtml, "definition")), false,
                CourseEdits.blankToNull(note));
        em.flush();
        edits.audit("GLOSSARY_TERM_ADDED", "GlossaryTerm", entry.getId(), course.label() + ": " + name);
        return entry.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateGlossaryTerm(long termId, String term, String definitionHtml, String note, long expectedVersion) {
        GlossaryTerm entry = glossaryTerm(termId);
        entry.getCourse().requireDraft();
        CourseEdits.requireVersion(entry.getVersion(), expectedVersion, () -> CourseEdits.stale("this glossary term"));
        String name = CourseEdits.required(term, "term");
        entry.getCourse().requireNewTerm(name, entry);
        entry.edit(name, GlossaryLinker.anchorFor(name),
                LessonHtml.sanitise(CourseEdits.required(definitionHtml, "definition")), CourseEdits.blankToNull(note));
        edits.flush(() -> CourseEdits.stale("this glossary term"));
        edits.audit("GLOSSARY_TERM_UPDATED", "GlossaryTerm", termId, entry.getCourse().label() + ": " + name);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeGlossaryTerm(long termId) {
        GlossaryTerm entry = glossaryTerm(termId);
        entry.getCourse().removeGlossaryTerm(entry);
        edits.flush(() -> CourseEdits.stale("the glossary"));
        edits.audit("GLOSSARY_TERM_REMOVED", "GlossaryTerm", termId, entry.getCourse().label() + ": " + entry.getTerm());
    }

    private GlossaryTerm glossaryTerm(long termId) {
        return em.createNamedQuery(GlossaryTerm.WITH_COURSE, GlossaryTerm.class).setParameter("id", termId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.glossary.notFound", "There is no such glossary term."));
    }
}
