package org.peersupport.portal.identity.control;

/** The directory could not be reached or answered with an error that is not about the person's password. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
