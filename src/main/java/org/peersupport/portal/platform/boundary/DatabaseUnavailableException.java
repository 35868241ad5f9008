package org.peersupport.portal.platform.boundary;

/**
 * Stands for a failure because the database cannot be reached, in place of its long chain of causes, where Faces
 * needs an exception type to choose a page: web.xml maps it to the "temporarily unavailable" page, which OmniFaces'
 * {@code FullAjaxExceptionHandler} renders for an ajax request ({@link DatabaseOutageExceptionHandler}).
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String description) {
        super(description, null, false, false);
    }
}
