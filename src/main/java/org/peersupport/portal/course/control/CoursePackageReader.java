package org.peersupport.portal.course.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a course package (format version 1, see docs/course-packages.md) from a folder or a ZIP.
 *
 * <p>The whole package is checked before anything is returned: every problem found is collected and,
 * if there is any, a {@link CoursePackageException} carrying all of them is thrown, so a bad package
 * is never half imported. A ZIP is streamed to a temporary folder entry by entry, refusing entries
 * whose names would land outside it ("zip slip") and stopping at the size and entry-count limits.
 * Thread-safe; one reader can serve many imports.
 */
public final class CoursePackageReader {

    /**
     * How much a package may hold.
     *
     * @param maxEntries       most files and folders in a ZIP
     * @param maxFileBytes     largest single file
     * @param maxTotalBytes    most bytes in all files of a ZIP together, once unpacked
     * @param maxManifestBytes largest course.yaml
     * @param maxMarkdownBytes largest Markdown file
     */
    public record Limits(int maxEntries, long maxFileBytes, long maxTotalBytes, long maxManifestBytes,
            long maxMarkdownBytes) {

        private static final long MB = 1024L * 1024L;

        /** 2,000 entries, 100 MB a file, 500 MB in all, 1 MB manifest, 2 MB a Markdown file. */
        public static final Limits DEFAULT = new Limits(2_000, 100 * MB, 500 * MB, MB, 2 * MB);

        public Limits {
            if (maxEntries < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxManifestBytes < 1 || maxMarkdownBytes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private static final Set<String> IGNORED_ZIP_FOLDERS = Set.of("__MACOSX");

    private final Limits limits;
    private final Path spoolParent;

    /** A reader with the default limits that unpacks ZIPs under the system's temporary folder. */
    public CoursePackageReader() {
        this(Limits.DEFAULT, null);
    }

    /**
     * @param limits      how much a package may hold
     * @param spoolParent the folder to unpack ZIPs under, or {@code null} for the system's temporary folder
     */
    public CoursePackageReader(Limits limits, Path spoolParent) {
        this.limits = limits;
        this.spoolParent = spoolParent;
    }

    /**
     * Reads and checks the package in a folder. The files stay where they are; closing the result
     * deletes nothing.
     *
     * @throws CoursePackageException with every problem found, when the package cannot be used
     */
    public LoadedCoursePackage read(Path folder) throws CoursePackageException {
        List<PackageProblem> problems = new ArrayList<>();
        CoursePackage coursePackage = new ManifestParser(folder, limits, problems).parse();
        if (!problems.isEmpty() || coursePackage == null) {
            throw new CoursePackageException(problems);
        }
        return new LoadedCoursePackage(coursePackage, folder, null);
    }

    /**
     * Reads and checks a package from a ZIP stream (the manifest at the top of the ZIP, or inside a
     * single top-level folder). The stream is read to its end but not closed. The files are kept in a
     * temporary folder until the result is closed; if the package is refused, they are deleted at once.
     *
     * @throws CoursePackageException with every problem found, when the package cannot be used
     * @throws IOException            when the temporary folder cannot be written
     */
    public LoadedCoursePackage readZip(InputStream zip) throws CoursePackageException, IOException {
        Path spool = spoolParent == null
                ? Files.createTempDirectory("course-package-")
                : Files.createTempDirectory(Files.createDirectories(spoolParent), "course-package-");
        boolean handedOver = false;
        try {
            List<PackageProblem> problems = new ArrayList<>();
            boolean complete = unpack(zip, spool, problems);
            if (!complete) {
                throw new CoursePackageException(problems);
            }
            Path root = packageRoot(spool);
            CoursePackage coursePackage = new ManifestParser(root, limits, problems).parse();
            if (!problems.isEmpty() || coursePackage == null) {
                throw new CoursePackageException(problems);
            }
            LoadedCoursePackage loaded = new LoadedCoursePackage(coursePackage, root, spool);
            handedOver = true;
            return loaded;
        } finally {
            if (!handedOver) {
                LoadedCoursePackage.deleteRecursively(spool);
            }
        }
    }

    /**
     * Unpacks the ZIP into the spool folder. Refused entries are reported and skipped; returns
     * {@code false} when unpacking had to stop (a limit was passed or the ZIP is damaged).
     */
    private boolean unpack(InputStream in, Path spool, List<PackageProblem> problems) throws IOException {
        Set<String> names = new HashSet<>();
        int entries = 0;
        long[] total = {0};
        try (ZipInputStream zip = new ZipInputStream(new KeepOpen(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    problems.add(new PackageProblem(null, null, "The ZIP holds more than " + limits.maxEntries()
                            + " files and folders, more than a course package may have. Nothing was imported."));
                    return false;
                }
                String name = entry.getName();
                String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                String reason = PackagePaths.problemWith(path);
                if (reason != null) {
                    problems.add(new PackageProblem(name, null, "The ZIP entry '" + name + "' was refused: its path "
                            + reason + ". Every file must sit inside the package folder."));
                    continue;
                }
                if (IGNORED_ZIP_FOLDERS.contains(path.split("/")[0]) || path.endsWith(".DS_Store")) {
                    continue;
                }
                if (!names.add(path)) {
                    problems.add(new PackageProblem(path, null, "The ZIP holds '" + path + "' twice."));
                    continue;
                }
                Path target = spool.resolve(path).normalize();
                if (!target.startsWith(spool)) {
                    problems.add(new PackageProblem(name, null, "The ZIP entry '" + name + "' was refused: it would be "
                            + "written outside the package folder."));
                    continue;
                }
                try {
                    Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                    if (!entry.isDirectory() && !copy(zip, target, path, total, problems)) {
                        return false;
                    }
                } catch (FileAlreadyExistsException e) {
                    problems.add(new PackageProblem(path, null, "The ZIP entry '" + path + "' clashes with a file "
                            + "or folder of the same name."));
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            problems.add(new PackageProblem(null, null, "The upload is not a readable ZIP file (" + e.getMessage()
                    + "). Make the ZIP again from the package folder."));
            return false;
        }
        if (entries == 0) {
            problems.add(new PackageProblem(null, null, "The upload is empty or is not a ZIP file."));
            return false;
        }
        return true;
    }

    /**
     * Copies one entry to disk, counting bytes as they come rather than trusting the sizes the ZIP
     * declares; returns {@code false} when a limit is passed.
     */
    private boolean copy(InputStream zip, Path target, String path, long[] total, List<PackageProblem> problems)
            throws IOException {
        byte[] buffer = new byte[8192];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int read;
            while ((read = zip.read(buffer)) != -1) {
                size += read;
                total[0] += read;
                if (size > limits.maxFileBytes()) {
                    problems.add(new PackageProblem(path, null, "'" + path + "' is larger than the "
                            + ManifestParser.megabytes(limits.maxFileBytes())
                            + " a package file may be. Nothing was imported."));
                    return false;
                }
                if (total[0] > limits.maxTotalBytes()) {
                    problems.add(new PackageProblem(null, null, "The ZIP unpacks to more than "
                            + ManifestParser.megabytes(limits.maxTotalBytes())
                            + ", more than a course package may hold. Nothing was imported."));
                    return false;
                }
                out.write(buffer, 0, read);
            }
        }
        return true;
    }

    /** The spool folder itself, or the single folder inside it when the ZIP was made from the package folder. */
    private static Path packageRoot(Path spool) throws IOException {
        if (Files.exists(spool.resolve(ManifestParser.MANIFEST))) {
            return spool;
        }
        try (Stream<Path> children = Files.list(spool)) {
            List<Path> folders = children.filter(Files::isDirectory)
                    .filter(p -> !IGNORED_ZIP_FOLDERS.contains(p.getFileName().toString())).toList();
            if (folders.size() == 1 && Files.exists(folders.get(0).resolve(ManifestParser.MANIFEST))) {
                return folders.get(0);
            }
        }
        return spool;
    }

    /** Lets the ZIP reader close its own resources without closing the caller's stream. */
    private static final class KeepOpen extends FilterInputStream {

        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
