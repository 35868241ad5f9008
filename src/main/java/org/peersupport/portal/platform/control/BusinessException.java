package org.peersupport.portal.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one exception for a broken business rule: the user did something the portal refuses, and should be
 * told so in plain English. It rolls the boundary's transaction back. {@link #key()} names a message in the
 * portal's bundle for the view to show, a MessageFormat pattern filled in with {@link #arguments()} (the names,
 * dates and numbers in it); {@link #getMessage()} is the same in plain English (the fallback, and what the log
 * shows); {@link #details()} lists every individual problem, e.g. each problem of a course package.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> details;
    private final Object[] arguments;

    public BusinessException(String key, String message) {
        this(key, message, List.of());
    }

    /** A refusal whose bundle pattern has placeholders {@code {0}}, {@code {1}}, ... filled in with the arguments. */
    public BusinessException(String key, String message, Object... arguments) {
        this(key, message, List.of(), arguments);
    }

    public BusinessException(String key, String message, List<String> details, Object... arguments) {
        super(message);
        this.key = key;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** The message key in the portal's bundle, e.g. {@code course.notDraft}. */
    public String key() {
        return key;
    }

    /** The values for the placeholders of the bundle's pattern for {@link #key()}, in order; empty when it has none. */
    public Object[] arguments() {
        return arguments.clone();
    }

    /** Every individual problem, one line each; empty when the message says it all. */
    public List<String> details() {
        return details;
    }
}
