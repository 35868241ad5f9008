package org.peersupport.portal.portfolio.boundary;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An evidence file the caller may download: what the response needs for its headers, and {@link #writeTo} to
 * stream the bytes from the database chunk by chunk.
 */
public record EvidenceDownload(String fileName, String mediaType, long size, Content content) {

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
