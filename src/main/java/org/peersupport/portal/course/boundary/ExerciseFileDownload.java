package org.peersupport.portal.course.boundary;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An exercise file the caller may download: what a response needs for its headers, and {@link #writeTo}
 * to stream the bytes from the database chunk by chunk, never whole in memory.
 */
public record ExerciseFileDownload(long id, String fileName, String title, String mediaType, long size, String sha256,
        Content content) {

    /** Streams the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the file's bytes to the stream, which is not closed. */
    public void writeTo(OutputStream out) throws IOException {
        content.writeTo(out);
    }
}
