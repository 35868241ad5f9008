package org.peersupport.portal.course.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A course package that has been read and checked, with its files on disk: either the folder it was
 * read from, or a temporary folder the ZIP was unpacked into, which {@link #close()} deletes.
 */
public final class LoadedCoursePackage implements ExerciseSource, AutoCloseable {

    private final CoursePackage coursePackage;
    private final Path root;
    private final Path ownedFolder;
    private final Map<String, ExerciseFile> exerciseFiles = new HashMap<>();
    private volatile boolean closed;

    LoadedCoursePackage(CoursePackage coursePackage, Path root, Path ownedFolder) {
        this.coursePackage = Objects.requireNonNull(coursePackage);
        this.root = root;
        this.ownedFolder = ownedFolder;
        coursePackage.exerciseFiles().forEach(f -> exerciseFiles.putIfAbsent(f.path(), f));
    }

    /** The course the package describes. */
    public CoursePackage coursePackage() {
        return coursePackage;
    }

    /** The folder that holds the package's files (for a ZIP, a temporary folder until closed). */
    public Path root() {
        return root;
    }

    /**
     * Opens one of the package's exercise files as a stream straight from disk; the caller closes it.
     *
     * @throws IllegalArgumentException when the file is not one of this package's exercise files
     * @throws IllegalStateException    when the package has been closed
     */
    @Override
    public InputStream open(ExerciseFile file) throws IOException {
        if (closed) {
            throw new IllegalStateException("The course package has been closed");
        }
        ExerciseFile known = exerciseFiles.get(file.path());
        if (known == null || known.size() != file.size()) {
            throw new IllegalArgumentException("Not an exercise file of this package: " + file.path());
        }
        return new BufferedInputStream(Files.newInputStream(root.resolve(file.path())));
    }

    /** Deletes the temporary folder a ZIP was unpacked into; does nothing for a package read from a folder. */
    @Override
    public void close() {
        closed = true;
        if (ownedFolder != null) {
            deleteRecursively(ownedFolder);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder, e);
        }
    }
}
