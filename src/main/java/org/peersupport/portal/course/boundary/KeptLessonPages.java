package org.peersupport.portal.course.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.identity.boundary.ShellBean;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.notice.boundary.NoticeBell;
import org.peersupport.portal.platform.boundary.KeptMessages;
import org.peersupport.portal.platform.boundary.PageTemplate;
import org.peersupport.portal.platform.boundary.PageTemplate.Slot;

/**
 * Whole lesson pages kept rendered per node (issue 18): a published version's lesson is the same for everyone who reads
 * it with the same roles, so after Faces has rendered it once as a {@link PageTemplate}, the next reader gets that page
 * with their own name, unread count and a fresh script nonce filled in, and Faces neither builds nor renders anything.
 *
 * <p>What a reader may see is still decided for every request, by the same call the Faces page makes:
 * {@link CourseCatalog#lesson} (its role check, the enrolment or pinned version that makes the lesson theirs, the record
 * of their reading) runs first, and a refusal or failure goes on to the Faces page, which reports it as before. The
 * page is kept under everything it shows that is not a slot: the version's id (publishing never reuses one, so a page
 * kept is right on every node for as long as it is kept), the session, the course as asked, whether the content
 * warning is shown, whether this reader has completed the session, their roles (the navigation and footer) and whether
 * they have no, one or several unread notices (the wording). Only plain reads are served so: a preview, a postback,
 * messages waiting from the request before, or a session without its cookie go to Faces.
 */
@ApplicationScoped
public class KeptLessonPages {

    /** Pages kept per node, the least recently read dropped first: a few KB each. */
    static final int CAPACITY = 500;

    /** The request attribute with the lesson this request read (a {@link Lesson}) or the refusal it met. */
    static final String LOADED = KeptLessonPages.class.getName() + ".loaded";

    static final String VIEW = "/learning/lesson.xhtml";

    private static final Set<String> PARAMETERS = Set.of("course", "session", "proceed");
    private static final String PENDING = KeptLessonPages.class.getName() + ".pending";

    /** Everything on a lesson page that is not a slot. */
    record Key(long versionId, int number, String course, boolean warning, boolean completed, List<Role> roles,
            int unread) {
    }

    private final Map<Key, PageTemplate> pages = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PageTemplate> eldest) {
            return size() > CAPACITY;
        }
    });

    Optional<PageTemplate> find(Key key) {
        return Optional.ofNullable(pages.get(key));
    }

    void keep(Key key, PageTemplate page) {
        pages.put(key, page);
    }

    /** A page being rendered as a template in this request, with what it is kept under and its reader's slots. */
    private record Pending(Key key, PageTemplate.Capture capture, Map<Slot, String> values) {
    }

    /**
     * Serves a lesson from a kept page before Faces restores a view, or has Faces render it as a template and keeps
     * that. Registered in faces-config.xml.
     */
    public static class Listener implements PhaseListener {

        private static final long serialVersionUID = 1L;

        /** The beans it uses, looked up once: a client proxy each, and the catalogue's EJB reference (stateless). */
        private record Beans(KeptLessonPages pages, CourseCatalog catalog, ShellBean shell, NoticeBell bell) {
        }

        private transient volatile Beans beans;

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.ANY_PHASE;
        }

        @Override
        public void beforePhase(PhaseEvent event) {
            if (event.getPhaseId() == PhaseId.RESTORE_VIEW) {
                try {
                    serve(event.getFacesContext());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void afterPhase(PhaseEvent event) {
            FacesContext faces = event.getFacesContext();
            Map<String, Object> attributes = faces.getExternalContext().getRequestMap();
            if (!(attributes.get(PENDING) instanceof Pending pending)) {
                return;
            }
            boolean failed = faces.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator().hasNext();
            boolean rendered = event.getPhaseId() == PhaseId.RENDER_RESPONSE;
            if (!rendered && !failed && !faces.getResponseComplete()) {
                return; // still on its way to rendering
            }
            attributes.remove(PENDING);
            boolean keepable = faces.getMessageList().isEmpty() && faces.getViewRoot() != null
                    && faces.getViewRoot().isTransient() && VIEW.equals(faces.getViewRoot().getViewId());
            try {
                pending.capture().finish(rendered && !failed, pending.values(), keepable)
                        .ifPresent(page -> beans().pages().keep(pending.key(), page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void serve(FacesContext faces) throws IOException {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            if (!"GET".equals(request.getMethod()) || !VIEW.equals(request.getServletPath())
                    || request.getRemoteUser() == null || !request.isRequestedSessionIdFromCookie()
                    || !PARAMETERS.containsAll(request.getParameterMap().keySet()) || KeptMessages.waiting(external)) {
                return;
            }
            int session;
            try {
                session = Integer.parseInt(request.getParameter("session"));
            } catch (NumberFormatException e) {
                return; // the page says what is wrong
            }
            String course = request.getParameter("course");
            CourseCatalog.LessonRead read;
            try {
                read = beans().catalog().read(course, session);
            } catch (RuntimeException refused) {
                external.getRequestMap().put(LOADED, refused); // the Faces page answers it as if it had asked
                return;
            }
            Lesson lesson = read.lesson();
            external.getRequestMap().put(LOADED, lesson);
            read.unreadNotices().ifPresent(counted -> beans().bell().counted(external, counted));
            ShellBean shell = beans().shell();
            long unread = beans().bell().getUnread();
            boolean warning = lesson.contentWarning() != null && !Boolean.parseBoolean(request.getParameter("proceed"));
            Key key = new Key(lesson.courseId(), lesson.number(), course, warning, lesson.completed(), shell.getRoles(),
                    (int) Math.min(unread, 2));
            Map<Slot, String> values = new EnumMap<>(Slot.class);
            values.put(Slot.NAME, shell.displayName());
            values.put(Slot.UNREAD, Long.toString(unread));
            Optional<PageTemplate> kept = beans().pages().find(key);
            if (kept.isPresent()) {
                values.put(Slot.NONCE, PageTemplate.newNonce());
                kept.get().writeTo(external, values);
                faces.responseComplete();
            } else {
                external.getRequestMap().put(PENDING, new Pending(key, PageTemplate.Capture.start(external), values));
            }
        }

        private Beans beans() {
            Beans found = beans;
            if (found == null) {
                CDI<Object> cdi = CDI.current();
                found = new Beans(cdi.select(KeptLessonPages.class).get(), cdi.select(CourseCatalog.class).get(),
                        cdi.select(ShellBean.class).get(), cdi.select(NoticeBell.class).get());
                beans = found;
            }
            return found;
        }
    }
}
