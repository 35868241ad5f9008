package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * A file inside the package that candidates download for a session. The bytes are not held here:
 * open them through the {@link ExerciseSource} the package came from.
 *
 * @param path        the file's path inside the package, with forward slashes, e.g. {@code exercises/log.md}
 * @param title       what candidates see as the link text
 * @param description a short note about the file, or {@code null}
 * @param size        the file's size in bytes
 */
public record ExerciseFile(String path, String title, String description, long size) {

    public ExerciseFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** The file's name without its folders, for a download. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
