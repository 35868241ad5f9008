package org.peersupport.portal.course.control;

import java.io.IOException;
import java.io.InputStream;

/** Where the bytes of a package's exercise files come from. */
@FunctionalInterface
public interface ExerciseSource {

    /**
     * Opens an exercise file for reading; the caller closes the stream.
     *
     * @throws IllegalArgumentException when the file is not one this source holds
     */
    InputStream open(ExerciseFile file) throws IOException;
}
