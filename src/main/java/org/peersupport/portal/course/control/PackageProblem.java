package org.peersupport.portal.course.control;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong with a course package, in words a course coordinator can act on.
 *
 * @param file    the file inside the package the problem is in (or that names the missing file),
 *                e.g. {@code course.yaml}; {@code null} for a problem with the upload as a whole
 * @param line    the line in that file, from 1, or {@code null} when no line applies
 * @param message what is wrong and, where it helps, how to put it right
 */
public record PackageProblem(String file, Integer line, String message) implements Serializable {

    public PackageProblem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
        }
        if (line != null) {
            where.append(where.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
