package org.peersupport.portal.course.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Interim version until branch course-content lands: an accepted upload spooled to a temporary file. */
public record InspectedUpload(Path file, String displayName, String mediaType, long size, String sha256)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
