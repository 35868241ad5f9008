package org.peersupport.portal.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Decides what an uploaded file is from its content and refuses what the portal must not store:
 * files over the size limit, empty files, and any content outside the allowed media types,
 * whatever the file's name says.
 *
 * <p>The upload is streamed to a temporary file while its bytes are counted and hashed (SHA-256);
 * it is never held in memory, and reading stops, and the file is deleted, the moment it passes the
 * limit. Apache Tika's magic detection then reads the file's bytes with no name attached. The name
 * is a hint only: it may narrow the bytes' type to one of its own kinds (plain text to CSV or
 * Markdown, an OLE2 file to a Word document, an ISO media file to MP4, a zip to DOCX), never
 * replace it, and bytes Tika cannot place get no type from their name. An executable named
 * {@code notes.pdf} is an executable. (Tika's own name handling is looser: given the name it
 * calls a real ODT named {@code log.docx} a Word document, hence the two separate looks.)
 *
 * <p><b>Office and OpenDocument files.</b> These are zips, and tika-core cannot look inside them.
 * It recognises an OOXML file (DOCX, XLSX, PPTX) from the bytes only when
 * {@code [Content_Types].xml} or {@code _rels/.rels} is the zip's first entry, and an
 * OpenDocument file only when {@code mimetype} is; otherwise it sees {@code application/zip}.
 * So a zip counts as DOCX, XLSX, PPTX, ODT, ODS or ODP when Tika found that type in its bytes or
 * its name ends in the matching extension, <em>and</em> the zip (opened with {@link ZipFile})
 * holds {@code [Content_Types].xml} for OOXML or {@code mimetype} for OpenDocument; it is then
 * reported as that specific type. Any other zip is {@code application/zip} and refused.
 *
 * <p>Old binary Office files (DOC, XLS, PPT) are OLE2 compound files; tika-core sees the
 * container and the name chooses between Word, Excel and PowerPoint, which is as far as it can go
 * without Office parsers.
 *
 * <p>Plain Java, safe to share between threads.
 */
public final class UploadInspector {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String ODP = "application/vnd.oasis.opendocument.presentation";

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

    /** Zip-based document types, accepted only when the zip holds their marker entry. */
    private static final Set<String> PACKAGE_TYPES = Set.of(DOCX, XLSX, PPTX, ODT, ODS, ODP);
    private static final MediaType ZIP = MediaType.application("zip");
    private static final String OOXML_ENTRY = "[Content_Types].xml";
    private static final String ODF_ENTRY = "mimetype";

    /** What a coordinator would call a kind of file, with its article. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("application/pdf", "a PDF"),
            Map.entry("text/plain", "a plain text file"),
            Map.entry("text/markdown", "a Markdown file"),
            Map.entry("text/x-web-markdown", "a Markdown file"),
            Map.entry("text/csv", "a CSV file"),
            Map.entry("application/rtf", "a Rich Text document"),
            Map.entry(ODT, "an OpenDocument text document"),
            Map.entry(ODS, "an OpenDocument spreadsheet"),
            Map.entry(ODP, "an OpenDocument presentation"),
            Map.entry("application/msword", "a Word document"),
            Map.entry("application/vnd.ms-excel", "an Excel spreadsheet"),
            Map.entry("application/vnd.ms-powerpoint", "a PowerPoint presentation"),
            Map.entry(DOCX, "a Word document"),
            Map.entry(XLSX, "an Excel spreadsheet"),
            Map.entry(PPTX, "a PowerPoint presentation"),
            Map.entry("image/png", "a PNG image"),
            Map.entry("image/jpeg", "a JPEG image"),
            Map.entry("image/gif", "a GIF image"),
            Map.entry("image/webp", "a WebP image"),
            Map.entry("image/svg+xml", "an SVG drawing"),
            Map.entry("audio/mpeg", "an MP3 audio file"),
            Map.entry("audio/mp4", "an M4A audio file"),
            Map.entry("audio/vnd.wave", "a WAV audio file"),
            Map.entry("audio/ogg", "an Ogg audio file"),
            Map.entry("audio/vorbis", "an Ogg audio file"),
            Map.entry("audio/opus", "an Ogg audio file"),
            Map.entry("video/mp4", "an MP4 video"),
            Map.entry("video/webm", "a WebM video"),
            Map.entry("video/quicktime", "a QuickTime video"),
            Map.entry("application/x-msdownload", "a Windows program"),
            Map.entry("application/x-dosexec", "a Windows program"),
            Map.entry("application/x-bat", "a Windows batch script"),
            Map.entry("application/x-ms-installer", "a Windows installer"),
            Map.entry("application/x-elf", "a Linux program"),
            Map.entry("application/x-executable", "a Linux program"),
            Map.entry("application/x-sharedlib", "a Linux program library"),
            Map.entry("application/x-mach-o-executable", "a Mac program"),
            Map.entry("application/x-sh", "a shell script"),
            Map.entry("application/javascript", "a JavaScript program"),
            Map.entry("text/javascript", "a JavaScript program"),
            Map.entry("application/java-archive", "a Java program"),
            Map.entry("text/html", "a web page"),
            Map.entry("application/xhtml+xml", "a web page"),
            Map.entry("application/xml", "an XML file"),
            Map.entry("application/zip", "a ZIP archive"),
            Map.entry("application/x-tika-ooxml", "an Office file of an unknown kind"),
            Map.entry("application/x-tika-msoffice", "an Office file of an unknown kind"),
            Map.entry("application/octet-stream", "an unrecognised kind of file"));

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
            types.add(Detection.REGISTRY.normalize(parsed.getBaseType()));
        }
        this.allowed = Set.copyOf(types);
        this.allowedKinds = describeKinds(allowed);
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
        MediaType detected = narrowedByName(bytesOnlyType(file), typeByName(displayName));
        if (PACKAGE_TYPES.contains(detected.toString()) && !hasPackageMarker(file, detected)) {
            detected = ZIP;
        }
        if (allowed.contains(detected)) {
            return detected.toString();
        }
        throw new UploadRejectedException(UploadRejectedException.Reason.TYPE_NOT_ALLOWED,
                notAllowedMessage(displayName, detected));
    }

    /** What Tika's magic makes of the bytes, with no name to sway it. */
    private static MediaType bytesOnlyType(Path file) throws IOException {
        Metadata noName = new Metadata();
        try (TikaInputStream stream = TikaInputStream.get(file, noName)) {
            // TikaInputStream.get(Path, ...) records the temporary file's name; the bytes alone decide here.
            noName.remove(TikaCoreProperties.RESOURCE_NAME_KEY);
            return Detection.REGISTRY.normalize(Detection.DETECTOR.detect(stream, noName).getBaseType());
        }
    }

    /** What the name alone suggests, {@code application/octet-stream} when it suggests nothing. */
    private static MediaType typeByName(String displayName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, displayName);
        try {
            return Detection.REGISTRY.normalize(Detection.DETECTOR.detect(null, metadata).getBaseType());
        } catch (IOException cannotHappenWithoutBytes) {
            return MediaType.OCTET_STREAM;
        }
    }

    /**
     * The name's type where it is a kind of what the bytes are (a CSV is plain text, a DOCX is a
     * zip), else the bytes' type. Bytes Tika cannot place are never given a type by their name.
     */
    private static MediaType narrowedByName(MediaType byBytes, MediaType byName) {
        if (!byBytes.equals(MediaType.OCTET_STREAM) && Detection.REGISTRY.isSpecializationOf(byName, byBytes)) {
            return byName;
        }
        return byBytes;
    }

    /** Whether a zip holds the entry its package type requires: {@code [Content_Types].xml} or {@code mimetype}. */
    private static boolean hasPackageMarker(Path file, MediaType packageType) throws IOException {
        String marker = packageType.toString().startsWith("application/vnd.oasis") ? ODF_ENTRY : OOXML_ENTRY;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(marker) != null;
        } catch (ZipException notAZip) {
            return false;
        }
    }

    private String notAllowedMessage(String displayName, MediaType detected) {
        String actual = KINDS.getOrDefault(detected.toString(), "another kind of file");
        String only = " Only " + allowedKinds + " can be uploaded.";
        String claimedKind = KINDS.get(typeByName(displayName).toString());
        if (claimedKind != null && !claimedKind.equals(actual)) {
            return displayName + " is not " + claimedKind + ": its content is " + actual
                    + " (" + detected + ")." + only;
        }
        return displayName + " is " + actual + " (" + detected + "), which cannot be uploaded here." + only;
    }

    private static String describeKinds(Set<MediaType> types) {
        boolean documents = types.stream().anyMatch(t -> t.getType().equals("application") || t.getType().equals("text"));
        List<String> kinds = new ArrayList<>();
        if (documents) {
            kinds.add("documents");
        }
        for (String kind : List.of("image", "audio", "video")) {
            if (types.stream().anyMatch(t -> t.getType().equals(kind))) {
                kinds.add(kind.equals("image") ? "images" : kind);
            }
        }
        if (kinds.isEmpty()) {
            return "files of the allowed types";
        }
        if (kinds.size() == 1) {
            return kinds.get(0);
        }
        return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
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

    /** Tika's default detector and type registry, loaded on first use. */
    private static final class Detection {
        static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
        static final MediaTypeRegistry REGISTRY = TikaConfig.getDefaultConfig().getMediaTypeRegistry();
    }
}
