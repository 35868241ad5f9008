package org.peersupport.portal.platform.boundary;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * A stale or tampered form (its view is gone from the session, or its view state or script nonce does not match)
 * is sent to the expired page ({@code /expired.xhtml}, public) with one log line without a stack trace, whether it
 * was a full post or an ajax request: anyone can post such forms at will, and each one used to log a full stack
 * trace. Everything else goes on to OmniFaces' {@code FullAjaxExceptionHandler} and the error pages as before.
 */
public class StaleFormExceptionHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED_PAGE = "/expired.xhtml";
    private static final Logger LOG = Logger.getLogger(StaleFormExceptionHandler.class.getName());

    public StaleFormExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable stale = staleForm(events.next().getContext().getException());
            if (stale != null) {
                events.remove();
                if (!context.getResponseComplete()) {
                    LOG.info(() -> "Stale or tampered form posted to " + context.getExternalContext().getRequestServletPath()
                            + ": " + stale.getClass().getSimpleName() + ", sent to the expired page");
                    if (context.getExternalContext().isResponseCommitted()) {
                        context.responseComplete(); // too late to answer otherwise: the page has gone out
                    } else {
                        redirectToExpiredPage(context);
                    }
                }
            }
        }
        getWrapped().handle();
    }

    /** The exception (or its cause) that says the form was stale or tampered with, else null. */
    static Throwable staleForm(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof ProtectedViewException || t instanceof CspException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Sends the browser to the expired page (a redirect: rendering it in this request would need the failed view's
     * script nonce). An ajax request gets the redirect as its partial response, which needs a view to write it.
     */
    private static void redirectToExpiredPage(FacesContext context) {
        try {
            ViewHandler views = context.getApplication().getViewHandler();
            context.setViewRoot(views.createView(context, EXPIRED_PAGE));
            context.getExternalContext().redirect(views.getActionURL(context, EXPIRED_PAGE));
            context.responseComplete();
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    /** Puts the handler in front of the ones before it (faces-config.xml). */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new StaleFormExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
