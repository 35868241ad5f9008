package org.peersupport.portal.course.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packages for tests: the real Peer2Peer package, and a small valid one to break in each test. */
final class TestPackages {

    /** The Peer2Peer package in the repository (surefire runs in the project folder). */
    static final Path PEER2PEER = Path.of("deployment", "courses", "peer2peer");

    static final String MINIMAL_MANIFEST = """
            formatVersion: 1
            course:
              code: TEST
              title: Test course
              summary: A course for tests.
              version: "1"
              completion: on-view
              agreement:
                file: agreement.md
            units:
              - code: U1
                title: Unit one
                outcomes:
                  - code: U1.1
                    text: Outcome one.
                    evidenceRequirements:
                      - code: U1.1.a
                        text: Evidence one.
            sessions:
              - number: 1
                slug: first
                title: First
                aims: First aims.
                about: sessions/first.md
                exerciseFiles:
                  - title: Worksheet
                    file: exercises/worksheet.txt
              - number: 2
                slug: second
                title: Second
                aims: Second aims.
                about: sessions/second.md
            assessmentTasks:
              - code: T1
                title: Task one
                kind: essay
                setAtSession: 1
                dueAtSession: 2
                description: Write about it.
                assesses: [U1.1]
            """;

    private TestPackages() {
    }

    /** Writes the small valid package, with this manifest, into the folder. */
    static Path minimalPackage(Path folder, String manifest) {
        try {
            Files.createDirectories(folder.resolve("sessions"));
            Files.createDirectories(folder.resolve("exercises"));
            Files.writeString(folder.resolve("course.yaml"), manifest);
            Files.writeString(folder.resolve("agreement.md"), "# Agreement\n\nWe agree.\n");
            Files.writeString(folder.resolve("sessions/first.md"), "First lesson.\n");
            Files.writeString(folder.resolve("sessions/second.md"), "Second lesson.\n");
            Files.writeString(folder.resolve("exercises/worksheet.txt"), "Worksheet\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path minimalPackage(Path folder) {
        return minimalPackage(folder, MINIMAL_MANIFEST);
    }

    /** The manifest with one piece of text replaced, failing the test if the text is not there. */
    static String manifestWith(String original, String replacement) {
        if (!MINIMAL_MANIFEST.contains(original)) {
            throw new IllegalArgumentException("not in the manifest: " + original);
        }
        return MINIMAL_MANIFEST.replace(original, replacement);
    }

    /** The 1-based line of the first line of {@code text} that contains {@code fragment}. */
    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains: " + fragment);
    }

    /** The 1-based line of the n-th (from 1) line of {@code text} that contains {@code fragment}. */
    static int lineOf(String text, String fragment, int occurrence) {
        List<String> lines = text.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("fewer than " + occurrence + " lines contain: " + fragment);
    }

    /** The folder's files as a ZIP, each entry name prefixed with {@code prefix} (may be empty). */
    static byte[] zipOf(Path folder, String prefix) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A ZIP of the given entries: name, content, name, content... */
    static byte[] zipOf(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] bytesOf(ExerciseSource source, ExerciseFile file) {
        try (InputStream in = source.open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> filesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.equals(folder)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
