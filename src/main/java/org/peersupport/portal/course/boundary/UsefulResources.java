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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseResource;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A course version's useful resources, as training coordinators edit them: a title with a web address (http or
 * https), a description, or both. Every change is audited in its own transaction, and an edit carries the
 * version the coordinator saw, so a concurrent change is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class UsefulResources {

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
    public List<ResourceEditView> usefulResources(long courseId) {
        return edits.course(courseId).getResources().stream().map(r -> new ResourceEditView(r.getId(), r.getTitle(),
                r.getUrl(), r.getDescription(), r.getVersion())).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public long addUsefulResource(long courseId, String title, String url, String description) {
        Course course = edits.course(courseId);
        CourseResource resource = course.addResource(CourseEdits.required(title, "title"), webAddress(url),
                resourceText(url, description));
        em.flush();
        edits.audit("RESOURCE_ADDED", "UsefulResource", resource.getId(), course.label() + ": " + resource.getTitle());
        return resource.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateUsefulResource(long resourceId, String title, String url, String description, long expectedVersion) {
        CourseResource resource = resource(resourceId);
        resource.getCourse().requireDraft();
        CourseEdits.requireVersion(resource.getVersion(), expectedVersion, () -> CourseEdits.stale("this resource"));
        resource.edit(CourseEdits.required(title, "title"), webAddress(url), resourceText(url, description));
        edits.flush(() -> CourseEdits.stale("this resource"));
        edits.audit("RESOURCE_UPDATED", "UsefulResource", resourceId, resource.getCourse().label() + ": "
                + resource.getTitle());
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeUsefulResource(long resourceId) {
        CourseResource resource = resource(resourceId);
        resource.getCourse().removeResource(resource);
        edits.flush(() -> CourseEdits.stale("the resources"));
        edits.audit("RESOURCE_REMOVED", "UsefulResource", resourceId, resource.getCourse().label() + ": "
                + resource.getTitle());
    }

    private static String webAddress(String url) {
        String value = CourseEdits.blankToNull(url);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new BusinessException("course.resource.url", "The web address should start with https://, for example "
                + "https://www.samaritans.org.");
    }

    private static String resourceText(String url, String description) {
        String text = CourseEdits.blankToNull(description);
        if (text == null && CourseEdits.blankToNull(url) == null) {
            throw new BusinessException("course.resource.empty", "Give the resource a web address or a description.");
        }
        return text;
    }

    private CourseResource resource(long resourceId) {
        return em.createNamedQuery(CourseResource.WITH_COURSE, CourseResource.class).setParameter("id", resourceId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.resource.notFound", "There is no such resource."));
    }
}
