package org.peersupport.portal.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Course packages for in-container tests: the Peer2Peer package (found through the demo setting
 * {@code portal.demo.course-package}) copied under a course code of the test's own, so tests never share a
 * course, as a folder or a ZIP.
 */
public final class CoursePackageZips {

    private CoursePackageZips() {
    }

    static Path peer2peer() {
        return Path.of(ConfigProvider.getConfig().getValue("portal.demo.course-package", String.class));
    }

    public static String newCode() {
        return "P2P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A copy of Peer2Peer with this code, its manifest changed further by {@code manifest}. */
    static Path peer2peerFolder(String code, UnaryOperator<String> manifest, Path target) {
        Path source = peer2peer();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                if (file.getFileName().toString().equals("course.yaml")) {
                    String yaml = Files.readString(file).replace("code: PEER2PEER", "code: " + code);
                    Files.writeString(copy, manifest.apply(yaml));
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] peer2peerZip(String code, UnaryOperator<String> manifest) {
        try {
            Path folder = peer2peerFolder(code, manifest, Files.createTempDirectory("course-it-"));
            return zip(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8); Stream<Path> files = Files.walk(folder)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : regular) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
