package org.peersupport.portal.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one exception for a broken business rule: the user did something the portal refuses, and should be
 * told so in plain English. It rolls the boundary's transaction back. {@link #key()} names a message in the
 * portal's bundle for the view to show; {@link #getMessage()} is the same in plain English (the fallback);
 * {@link #details()} lists every individual problem, e.g. each problem of a course package.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> details;

    public BusinessException(String key, String message) {
        this(key, message, List.of());
    }

    public BusinessException(String key, String message, List<String> details) {
        super(message);
        this.key = key;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** The message key in the portal's bundle, e.g. {@code course.notDraft}. */
    public String key() {
        return key;
    }

    /** Every individual problem, one line each; empty when the message says it all. */
    public List<String> details() {
        return details;
    }
}
