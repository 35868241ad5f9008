package org.peersupport.portal.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Faces messages that must survive a redirect ("Saved." after post-redirect-get) are kept in the session, which is
 * replicated to the other nodes, and shown by the next page. Mojarra's flash does this with a cookie encrypted by a
 * key each node makes up at start and with maps held by the node: a browser moved to another node by a failover or a
 * rolling restart then met a {@code NullPointerException} inside Mojarra. So the portal does not use the flash, and the
 * flash never sees a flash cookie: one left from an older release would break it in the same way.
 *
 * <p>Registered in faces-config.xml: {@link Factory} keeps the messages when an action redirects, {@link Restore}
 * hands them to the next page.
 */
public final class KeptMessages {

    static final String ATTRIBUTE = KeptMessages.class.getName();

    /** Mojarra's flash cookie, hidden from Mojarra. */
    static final String FLASH_COOKIE = "csfcfc";

    private KeptMessages() {
    }

    /** One message and the client id it belongs to ({@code null}: the page's). */
    record Kept(String clientId, FacesMessage message) implements Serializable {
    }

    static void keep(FacesContext faces, ExternalContext external) {
        List<Kept> kept = new ArrayList<>();
        Iterator<String> clientIds = faces.getClientIdsWithMessages();
        while (clientIds.hasNext()) {
            String clientId = clientIds.next();
            faces.getMessages(clientId).forEachRemaining(message -> kept.add(new Kept(clientId, message)));
        }
        if (!kept.isEmpty()) {
            external.getSessionMap().put(ATTRIBUTE, kept);
        }
    }

    /** Whether messages kept from the request before wait for this request's page. */
    public static boolean waiting(ExternalContext external) {
        return external.getSession(false) != null && external.getSessionMap().containsKey(ATTRIBUTE);
    }

    @SuppressWarnings("unchecked")
    static void restore(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        if (external.getSession(false) == null
                || faces.getApplication().getResourceHandler().isResourceRequest(faces)) {
            return;
        }
        List<Kept> kept = (List<Kept>) external.getSessionMap().remove(ATTRIBUTE);
        if (kept != null) {
            kept.forEach(k -> faces.addMessage(k.clientId(), k.message()));
        }
    }

    /** Wraps every request's external context: keeps the messages on a redirect and hides the flash cookie. */
    public static class Factory extends ExternalContextFactory {

        public Factory(ExternalContextFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExternalContext getExternalContext(Object context, Object request, Object response) {
            return new Keeping(getWrapped().getExternalContext(context, request, response));
        }
    }

    private static final class Keeping extends ExternalContextWrapper {

        Keeping(ExternalContext wrapped) {
            super(wrapped);
        }

        @Override
        public void redirect(String url) throws IOException {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null) {
                keep(faces, this);
            }
            super.redirect(url);
        }

        @Override
        public Map<String, Object> getRequestCookieMap() {
            Map<String, Object> cookies = super.getRequestCookieMap();
            if (!cookies.containsKey(FLASH_COOKIE)) {
                return cookies;
            }
            return cookies.entrySet().stream().filter(c -> !FLASH_COOKIE.equals(c.getKey()))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /** Gives the page after a redirect the messages kept for it, as soon as its view is there. */
    public static class Restore implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public void afterPhase(PhaseEvent event) {
            restore(event.getFacesContext());
        }

        @Override
        public void beforePhase(PhaseEvent event) {
            // nothing before the view is restored
        }

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RESTORE_VIEW;
        }
    }
}
