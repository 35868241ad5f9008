package org.peersupport.portal.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.DatabaseOutage;

/**
 * A form whose action failed because the database cannot be reached ({@link DatabaseOutage}) is shown again, as it was
 * posted, with what the person typed still in it and a message at the top saying nothing was saved and to try again
 * in a minute; the answer is HTTP 503 with {@code Retry-After}, for a full post and an ajax one alike (an ajax answer's
 * updates are applied by {@code outage.js}, as PrimeFaces applies none of a failed request). The person's words are
 * in the view's beans and components already: the failure came after Faces took them from the request.
 *
 * <p>Anything else that met an outage (a page that needs the database to show at all, a form whose page cannot be
 * rendered again) goes on as a failure: a full request reaches {@link DatabaseOutageFilter}, which answers 503 with
 * the "temporarily unavailable" page; an ajax request gets that page from OmniFaces' {@code FullAjaxExceptionHandler}
 * through a {@link DatabaseUnavailableException}, which web.xml maps to it.
 */
public class DatabaseOutageExceptionHandler extends ExceptionHandlerWrapper {

    /** The page's messages region (the shell's {@code h:panelGroup id="messages"}), updated by an ajax post too. */
    static final String MESSAGES = "messages";
    private static final Logger LOG = Logger.getLogger(DatabaseOutageExceptionHandler.class.getName());

    public DatabaseOutageExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        List<Throwable> replacements = new ArrayList<>();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext event = events.next().getContext();
            Throwable failure = event.getException();
            if (!DatabaseOutage.isCause(failure)) {
                continue;
            }
            String page = context.getExternalContext().getRequestServletPath();
            if (canShowFormAgain(context, event.getPhaseId())) {
                events.remove();
                LOG.warning(() -> "The database cannot be reached: the form posted to " + page
                        + " is shown again with what was typed, answered 503 (" + DatabaseOutage.describe(failure) + ")");
                showFormAgain(context);
            } else if (context.getPartialViewContext().isAjaxRequest()) {
                events.remove();
                replacements.add(new DatabaseUnavailableException("The database cannot be reached on " + page + ": "
                        + DatabaseOutage.describe(failure)));
            }
            // a full request: the failure goes on to DatabaseOutageFilter
        }
        for (Throwable replacement : replacements) {
            context.getApplication().publishEvent(context, ExceptionQueuedEvent.class,
                    new ExceptionQueuedEventContext(context, replacement));
        }
        getWrapped().handle();
    }

    /** A postback whose view was restored and whose answer has not started: its form can be rendered again. */
    static boolean canShowFormAgain(FacesContext context, PhaseId phase) {
        return context.isPostback() && context.getViewRoot() != null && phase != null && phase != PhaseId.RESTORE_VIEW
                && phase != PhaseId.RENDER_RESPONSE && !context.getResponseComplete()
                && !context.getExternalContext().isResponseCommitted();
    }

    private static void showFormAgain(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        String text = ResourceBundle.getBundle(Messages.BUNDLE, context.getViewRoot().getLocale()).getString("outage.notSaved");
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        external.setResponseStatus(503);
        external.setResponseHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (context.getPartialViewContext().isAjaxRequest()) {
            context.getPartialViewContext().getRenderIds().add(MESSAGES);
        }
        context.renderResponse();
    }

    /** Puts the handler in front of the ones before it (faces-config.xml). */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new DatabaseOutageExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
