package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * An upload the portal refuses. The message is plain English for the coordinator or candidate who
 * uploaded the file, e.g. "notes.pdf is over the 10 MB limit for uploads."
 */
public class UploadRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an upload was refused. */
    public enum Reason {
        /** The file is larger than the limit. */
        TOO_LARGE,
        /** The file has no content. */
        EMPTY,
        /** The file's content is not one of the allowed types, whatever its name says. */
        TYPE_NOT_ALLOWED
    }

    private final Reason reason;

    public UploadRejectedException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
