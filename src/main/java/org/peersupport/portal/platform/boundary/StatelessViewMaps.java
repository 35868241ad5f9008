package org.peersupport.portal.platform.boundary;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;

/**
 * After each page is rendered, takes a stateless page's view map out of the session, and keeps Mojarra's record of
 * view-scoped beans to the views it still keeps ({@link ViewScopeContexts}).
 *
 * <p>PrimeFaces asks for the page's script nonce before the view is built, so before the shell has made the view
 * transient (docs/architecture.md, "Pages without a form of their own are stateless"); it then keeps the nonce in the
 * view's map, and Mojarra keeps every view map in the session ({@value #ACTIVE_VIEW_MAPS}, up to 25 a session). For a
 * transient view nothing ever reads that map again (its postback builds a new view, and PrimeFaces accepts a postback
 * of a stateless view without a kept nonce), yet each lesson read added one, and Payara reads and writes the whole
 * session on every request of a distributable application. The load benchmark's profile measured that session work
 * (issue 18, docs/performance.md). Stateful views are left alone: their maps hold their view-scoped beans.
 */
public class StatelessViewMaps implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** Mojarra's session attribute of the live view maps (its ViewScopeManager), keyed by view map id. */
    static final String ACTIVE_VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";

    /** Where Mojarra notes a view's map id, in the view root's transient state. */
    static final String VIEW_MAP_ID = "com.sun.faces.application.view.viewMapId";

    /** Mojarra's session attribute of the views' saved state (its ServerSideStateHelper). */
    static final String VIEW_STATES = "com.sun.faces.renderkit.ServerSideStateHelper.LogicalViewMap";

    /** Mojarra's session attribute of the CDI view scope's contexts, keyed by view map id. */
    static final String ACTIVE_VIEW_CONTEXTS = "com.sun.faces.application.view.activeViewContexts";

    /**
     * Takes every view Mojarra keeps for this session out of it: on signing in, when the only views kept are the
     * signed-out pages' (the sign-in form's state, its view map with the nonce, its view scope). They were carried,
     * read and written by Payara on every request of the signed-in session for nothing; a form left open on such a page
     * gets the expired page, as any form of an ended view (issue 18, docs/performance.md).
     */
    public static void forgetViews(ExternalContext external) {
        Map<String, Object> session = external.getSessionMap();
        session.remove(VIEW_STATES);
        session.remove(ACTIVE_VIEW_MAPS);
        session.remove(ACTIVE_VIEW_CONTEXTS);
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot root = faces.getViewRoot();
        ExternalContext external = faces.getExternalContext();
        if (root == null || external.getSession(false) == null) {
            return;
        }
        Object id = root.getTransientStateHelper().getTransient(VIEW_MAP_ID);
        try {
            Map<String, Object> session = external.getSessionMap();
            if (root.isTransient() && id != null && session.get(ACTIVE_VIEW_MAPS) instanceof Map<?, ?> viewMaps) {
                viewMaps.remove(id); // Mojarra's map is synchronised
            }
            ViewScopeContexts.tidy(session, root.isTransient() ? null : id);
        } catch (IllegalStateException invalidated) {
            // signed out during this request: nothing is kept
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before rendering
    }
}
