package org.peersupport.portal.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks the files a manifest names (and the manifest itself): inside the package, no links
 * out of it, within the size limits, and Markdown read as UTF-8 text.
 */
final class ManifestFiles {

    private final Path root;
    private final Path realRoot;
    private final CoursePackageReader.Limits limits;
    private final ManifestProblems problems;

    private ManifestFiles(Path root, Path realRoot, CoursePackageReader.Limits limits, ManifestProblems problems) {
        this.root = root;
        this.realRoot = realRoot;
        this.limits = limits;
        this.problems = problems;
    }

    /** The files of the package in the given folder, or {@code null} when the folder cannot be read (reported). */
    static ManifestFiles of(Path root, CoursePackageReader.Limits limits, ManifestProblems problems) {
        try {
            return new ManifestFiles(root, root.toRealPath(), limits, problems);
        } catch (IOException e) {
            problems.addForPackage("The course package folder " + root + " does not exist or cannot be read.");
            return null;
        }
    }

    /** The text of the manifest, or {@code null} when it is missing, outside the package or unreadable (reported). */
    String manifestText() {
        String name = ManifestParser.MANIFEST;
        Path manifest = root.resolve(name);
        if (!Files.isRegularFile(manifest)) {
            problems.add(null, "The package has no " + name + " manifest. It must be at the top of the "
                    + "package folder (or of the ZIP, or of a single folder inside the ZIP).");
            return null;
        }
        try {
            if (!manifest.toRealPath().startsWith(realRoot)) {
                problems.add(null, "The manifest " + name + " is a link to a file outside the package.");
                return null;
            }
        } catch (IOException e) {
            problems.add(null, "The manifest " + name + " cannot be read.");
            return null;
        }
        return readText(manifest, limits.maxManifestBytes(), null, "The manifest " + name);
    }

    /**
     * The text of a Markdown file named at the given line of the manifest, or {@code null} after
     * reporting why not.
     *
     * @param what how the problem messages name the file, e.g. "Session 1: the Markdown file"
     */
    String markdown(String path, int line, String what) {
        if (!path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            problems.add(line, what + " '" + path + "' should be a Markdown file whose name ends in .md.");
            return null;
        }
        Path file = packageFile(path, line, what);
        if (file == null) {
            return null;
        }
        String text = readText(file, limits.maxMarkdownBytes(), line, what + " '" + path + "'");
        if (text == null) {
            return null;
        }
        text = text.strip();
        if (text.isEmpty()) {
            problems.add(line, what + " '" + path + "' is empty.");
            return null;
        }
        return text;
    }

    /**
     * The size of an exercise file named at the given line of the manifest, or {@code null} after
     * reporting why it cannot be used.
     *
     * @param what how the problem messages name the file, e.g. "Session 1, exercise file 2: the exercise file"
     */
    Long exerciseFileSize(String path, int line, String what) {
        Path file = packageFile(path, line, what);
        if (file == null) {
            return null;
        }
        return sizeWithin(file, limits.maxFileBytes(), line, what + " '" + path + "'");
    }

    /** A size as package problems give it: "12 KB" below a megabyte, else "1.5 MB". */
    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Resolves a path written in the manifest to a regular file inside the package, or reports why
     * it cannot and returns {@code null}.
     */
    private Path packageFile(String path, int line, String what) {
        String reason = PackagePaths.problemWith(path);
        if (reason != null) {
            problems.add(line, what + " path '" + path + "' " + reason + ".");
            return null;
        }
        Path file = root.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            problems.add(line, what + " '" + path + "' is not in the package. Check the file name "
                    + "and folder (names are case-sensitive).");
            return null;
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                problems.add(line, what + " '" + path + "' is a link to a file outside the package.");
                return null;
            }
        } catch (IOException e) {
            problems.add(line, what + " '" + path + "' cannot be read.");
            return null;
        }
        return file;
    }

    private Long sizeWithin(Path file, long max, int line, String what) {
        try {
            long size = Files.size(file);
            if (size > max) {
                problems.add(line, what + " is " + megabytes(size) + ", more than the "
                        + megabytes(max) + " a package file may be.");
                return null;
            }
            return size;
        } catch (IOException e) {
            problems.add(line, what + " cannot be read.");
            return null;
        }
    }

    /**
     * Reads a UTF-8 text file of at most {@code max} bytes, dropping a byte-order mark and turning
     * Windows line endings into newlines; problems are reported at the given manifest line.
     */
    private String readText(Path file, long max, Integer line, String what) {
        try {
            long size = Files.size(file);
            if (size > max) {
                problems.add(line, what + " is " + megabytes(size) + ", more than the " + megabytes(max)
                        + " allowed.");
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) max + 1);
            }
            if (bytes.length > max) {
                problems.add(line, what + " is more than the " + megabytes(max) + " allowed.");
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            problems.add(line, what + " is not UTF-8 text. Save it as UTF-8 in your editor.");
            return null;
        } catch (IOException e) {
            problems.add(line, what + " cannot be read.");
            return null;
        }
    }
}
