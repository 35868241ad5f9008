package org.peersupport.portal.course.control;

import static org.peersupport.portal.course.control.UploadContentType.DOCX;
import static org.peersupport.portal.course.control.UploadContentType.ODP;
import static org.peersupport.portal.course.control.UploadContentType.ODS;
import static org.peersupport.portal.course.control.UploadContentType.ODT;
import static org.peersupport.portal.course.control.UploadContentType.PPTX;
import static org.peersupport.portal.course.control.UploadContentType.XLSX;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.mime.MediaType;

/**
 * Decides what an uploaded file is from its content and refuses what the portal must not store:
 * files over the size limit, empty files, and any content outside the allowed media types,
 * whatever the file's name says.
 *
 * <p>The upload is streamed to a temporary file while its bytes are counted and hashed (SHA-256);
 * it is never held in memory, and reading stops, and the file is deleted, the moment it passes the
 * limit. {@link UploadContentType} then decides the file's type from its bytes, the name a hint
 * only, and {@link FileKinds} words the refusal of a type not allowed.
 *
 * <p>Plain Java, safe to share between threads.
 */
public final class UploadInspector {

    /**
     * What candidates and coordinators may upload as exercise files: documents, images, audio
     * and video. Ogg audio is listed as Tika names it: {@code audio/ogg} and its Vorbis and Opus
     * kinds.
     */
    public static final Set<String> EXERCISE_FILE_TYPES = Set.of(
            "application/pdf",
            "text/plain",
            "text/markdown",
            "text/x-web-markdown",
            "text/csv",
            "application/rtf",
            ODT, ODS, ODP,
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            DOCX, XLSX, PPTX,
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "audio/mpeg",
            "audio/mp4",
            "audio/vnd.wave",
            "audio/ogg",
            "audio/vorbis",
            "audio/opus",
            "video/mp4",
            "video/webm");

    private static final Pattern PATH = Pattern.compile(".*[/\\\\]");
    /** Control characters, and the bidirectional controls that can disguise an extension. */
    private static final Pattern UNSAFE_CHARS = Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_KEPT_EXTENSION = 10;
    private static final String UNNAMED = "upload";

    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final Path tempDirectory;
    private final Set<MediaType> allowed;
    private final String allowedKinds;

    /**
     * @param maxBytes          the largest upload accepted, in bytes
     * @param allowedMediaTypes the media types accepted, e.g. {@link #EXERCISE_FILE_TYPES};
     *                          aliases such as {@code audio/wav} are understood
     */
    public UploadInspector(long maxBytes, Set<String> allowedMediaTypes) {
        this(maxBytes, allowedMediaTypes, null);
    }

    /** As the public constructor, with temporary files in the given folder ({@code null}: the system's). */
    UploadInspector(long maxBytes, Set<String> allowedMediaTypes, Path tempDirectory) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        Objects.requireNonNull(allowedMediaTypes, "allowedMediaTypes");
        this.maxBytes = maxBytes;
        this.tempDirectory = tempDirectory;
        Set<MediaType> types = new LinkedHashSet<>();
        for (String type : allowedMediaTypes) {
            MediaType parsed = MediaType.parse(type);
            if (parsed == null) {
                throw new IllegalArgumentException("Not a media type: " + type);
            }
            types.add(UploadContentType.normalize(parsed));
        }
        this.allowed = Set.copyOf(types);
        this.allowedKinds = FileKinds.describe(allowed);
    }

    /**
     * Reads an upload to a temporary file and decides whether to accept it.
     *
     * @param content  the uploaded bytes; read to the end or the limit, not closed
     * @param fileName the name the uploader gave, or {@code null}; a hint, never trusted
     * @return the accepted upload; close it (or move its file) when done
     * @throws UploadRejectedException when the upload is too large, empty or of a type not allowed;
     *                                 no temporary file is left behind
     * @throws UncheckedIOException    when the upload cannot be read or the temporary file written
     */
    public InspectedUpload inspect(InputStream content, String fileName) throws UploadRejectedException {
        Objects.requireNonNull(content, "content");
        String displayName = displayName(fileName);
        Path file = null;
        boolean accepted = false;
        try {
            file = tempDirectory == null
                    ? Files.createTempFile("upload-", ".part")
                    : Files.createTempFile(tempDirectory, "upload-", ".part");
            MessageDigest sha256 = sha256();
            long size = copy(content, file, sha256, displayName);
            if (size == 0) {
                throw new UploadRejectedException(UploadRejectedException.Reason.EMPTY,
                        displayName + " is empty. Check the file on your computer and upload it again.");
            }
            String mediaType = mediaType(file, displayName);
            InspectedUpload upload = new InspectedUpload(file, displayName, mediaType, size,
                    HexFormat.of().formatHex(sha256.digest()));
            accepted = true;
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload " + displayName, e);
        } finally {
            if (!accepted && file != null) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * Cleans an uploader's file name for display: no folders, no control or bidirectional
     * characters, at most 200 characters (keeping a short extension), and "upload" when nothing
     * is left.
     */
    static String displayName(String fileName) {
        if (fileName == null) {
            return UNNAMED;
        }
        String name = UNSAFE_CHARS.matcher(fileName).replaceAll("");
        name = PATH.matcher(name).replaceFirst("").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return UNNAMED;
        }
        if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
            return name;
        }
        String extension = extensionWithDot(name);
        if (extension.codePointCount(0, extension.length()) > MAX_KEPT_EXTENSION) {
            extension = "";
        }
        int keep = MAX_NAME_LENGTH - extension.codePointCount(0, extension.length());
        return name.substring(0, name.offsetByCodePoints(0, keep)).strip() + extension;
    }

    private long copy(InputStream content, Path file, MessageDigest sha256, String displayName)
            throws IOException, UploadRejectedException {
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE,
                            displayName + " is over the " + readableSize(maxBytes) + " limit for uploads.");
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    private String mediaType(Path file, String displayName) throws IOException, UploadRejectedException {
        MediaType detected = UploadContentType.of(file, displayName);
        if (allowed.contains(detected)) {
            return detected.toString();
        }
        throw new UploadRejectedException(UploadRejectedException.Reason.TYPE_NOT_ALLOWED,
                FileKinds.notAllowedMessage(displayName, detected, allowedKinds));
    }

    /** A size as people read it: "850 bytes", "12 KB", "12.4 MB", "1.5 GB" (binary units). */
    static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }

    private static String extensionWithDot(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
