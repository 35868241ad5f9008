package org.peersupport.portal.course.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Interim version until branch course-content lands (same signatures): spools an upload to a temporary file
 * within a size limit and checks its type by content with Tika.
 */
public final class UploadInspector {

    public static final Set<String> EXERCISE_FILE_TYPES = Set.of("application/pdf", "text/plain",
            "text/x-web-markdown", "application/msword", "application/rtf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "image/png", "image/jpeg");

    private static final Tika TIKA = new Tika();

    private final long maxBytes;
    private final Set<String> allowed;

    public UploadInspector(long maxBytes, Set<String> allowed) {
        this.maxBytes = maxBytes;
        this.allowed = Set.copyOf(allowed);
    }

    public InspectedUpload inspect(InputStream in, String fileName) throws UploadRejectedException {
        String name = displayName(fileName);
        Path file = null;
        try {
            file = Files.createTempFile("upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE, "The file '" + name
                                + "' is larger than " + maxBytes / (1024 * 1024) + " MB, the most the portal accepts.");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new UploadRejectedException(UploadRejectedException.Reason.EMPTY, "The file '" + name + "' is empty.");
            }
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            String type;
            try (InputStream content = new BufferedInputStream(Files.newInputStream(file))) {
                type = TIKA.detect(content, metadata);
            }
            if (!allowed.contains(type)) {
                throw new UploadRejectedException(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, "The file '" + name
                        + "' is not a type the portal accepts (its content is " + type
                        + "). Upload a PDF, a Word or OpenDocument file, a text file or an image.");
            }
            InspectedUpload upload = new InspectedUpload(file, name, type, size, HexFormat.of().formatHex(sha.digest()));
            file = null;
            return upload;
        } catch (IOException e) {
            throw new UploadRejectedException(UploadRejectedException.Reason.UNREADABLE,
                    "The file '" + name + "' could not be read. Try uploading it again.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // harmless
                }
            }
        }
    }

    private static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "upload" : name;
    }
}
