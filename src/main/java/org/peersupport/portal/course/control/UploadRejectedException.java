package org.peersupport.portal.course.control;

/** Interim version until branch course-content lands: an upload the portal refuses, with a plain-English message. */
public class UploadRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, UNREADABLE }

    private final Reason reason;

    public UploadRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
