package org.peersupport.portal.course.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An upload that passed {@link UploadInspector}: its bytes in a temporary file, and what the
 * inspector found out about them. Move the file to where it belongs, or {@link #close()} to delete
 * it; closing after a move does nothing.
 *
 * @param file        the temporary file holding the bytes
 * @param displayName the uploader's file name, cleaned for display, e.g. {@code notes.pdf}
 * @param mediaType   the media type detected from the content, e.g. {@code application/pdf}
 * @param size        the size in bytes, at least 1
 * @param sha256      the SHA-256 of the bytes, 64 lower-case hex digits
 */
public record InspectedUpload(Path file, String displayName, String mediaType, long size, String sha256)
        implements AutoCloseable {

    public InspectedUpload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
    }

    /** Deletes the temporary file if it is still there. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the upload's temporary file " + file, e);
        }
    }
}
