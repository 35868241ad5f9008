package org.peersupport.portal.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Adds Faces messages by key from the portal's message bundle, so no English is hard-coded in Java. A message added by
 * an action that redirects is shown by the next page ({@link KeptMessages}).
 */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "org.peersupport.portal.i18n.messages";

    @Inject
    FacesContext faces;

    public void info(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public void error(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /** Explains a refused action in the words of {@link #text(BusinessException)}. */
    public void refused(String clientId, BusinessException refusal) {
        String text = text(refusal);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, faces.getViewRoot() == null
                ? faces.getExternalContext().getRequestLocale() : faces.getViewRoot().getLocale());
    }

    /** What a person reads for a refusal: the bundle's pattern for its key filled in with its arguments. */
    public String text(BusinessException refusal) {
        return text(bundle(), refusal);
    }

    /**
     * The bundle's pattern for the refusal's key filled in with its arguments (a pattern is formatted only when
     * there are arguments, so a pattern without placeholders writes an apostrophe once, one with them twice);
     * the refusal's own message when it has no key or the bundle has no entry for it. For servlets and REST
     * resources, which have no Faces context: {@code Messages.text(ResourceBundle.getBundle(BUNDLE, locale), e)}.
     */
    public static String text(ResourceBundle bundle, BusinessException refusal) {
        if (refusal.key() == null || !bundle.containsKey(refusal.key())) {
            return refusal.getMessage();
        }
        String pattern = bundle.getString(refusal.key());
        Object[] arguments = refusal.arguments();
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    public String text(String key, Object... arguments) {
        ResourceBundle bundle = bundle();
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    private void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        faces.addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
