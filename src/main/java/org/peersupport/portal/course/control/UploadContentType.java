package org.peersupport.portal.course.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
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
 * Decides an uploaded file's media type from its content with Apache Tika, the file's name a hint only.
 *
 * <p>Tika's magic detection reads the file's bytes with no name attached. The name may narrow the
 * bytes' type to one of its own kinds (plain text to CSV or Markdown, an OLE2 file to a Word
 * document, an ISO media file to MP4, a zip to DOCX), never replace it, and bytes Tika cannot place
 * get no type from their name. An executable named {@code notes.pdf} is an executable. (Tika's own
 * name handling is looser: given the name it calls a real ODT named {@code log.docx} a Word
 * document, hence the two separate looks.)
 *
 * <p><b>Office and OpenDocument files.</b> These are zips, and tika-core cannot look inside them.
 * It recognises an OOXML file (DOCX, XLSX, PPTX) from the bytes only when
 * {@code [Content_Types].xml} or {@code _rels/.rels} is the zip's first entry, and an
 * OpenDocument file only when {@code mimetype} is; otherwise it sees {@code application/zip}.
 * So a zip counts as DOCX, XLSX, PPTX, ODT, ODS or ODP when Tika found that type in its bytes or
 * its name ends in the matching extension, <em>and</em> the zip (opened with {@link ZipFile})
 * holds {@code [Content_Types].xml} for OOXML or {@code mimetype} for OpenDocument; it is then
 * reported as that specific type. Any other zip is {@code application/zip}.
 *
 * <p>Old binary Office files (DOC, XLS, PPT) are OLE2 compound files; tika-core sees the
 * container and the name chooses between Word, Excel and PowerPoint, which is as far as it can go
 * without Office parsers.
 */
final class UploadContentType {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    static final String ODP = "application/vnd.oasis.opendocument.presentation";

    /** Zip-based document types, accepted only when the zip holds their marker entry. */
    private static final Set<String> PACKAGE_TYPES = Set.of(DOCX, XLSX, PPTX, ODT, ODS, ODP);
    private static final MediaType ZIP = MediaType.application("zip");
    private static final String OOXML_ENTRY = "[Content_Types].xml";
    private static final String ODF_ENTRY = "mimetype";

    private UploadContentType() {
    }

    /** The media type of a file's content, the display name a hint only. */
    static MediaType of(Path file, String displayName) throws IOException {
        MediaType detected = narrowedByName(bytesOnlyType(file), byName(displayName));
        if (PACKAGE_TYPES.contains(detected.toString()) && !hasPackageMarker(file, detected)) {
            detected = ZIP;
        }
        return detected;
    }

    /** What the name alone suggests, {@code application/octet-stream} when it suggests nothing. */
    static MediaType byName(String displayName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, displayName);
        try {
            return Detection.REGISTRY.normalize(Detection.DETECTOR.detect(null, metadata).getBaseType());
        } catch (IOException cannotHappenWithoutBytes) {
            return MediaType.OCTET_STREAM;
        }
    }

    /** A media type as this class reports it: its base type, aliases such as {@code audio/wav} resolved. */
    static MediaType normalize(MediaType type) {
        return Detection.REGISTRY.normalize(type.getBaseType());
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

    /** Tika's default detector and type registry, loaded on first use. */
    private static final class Detection {
        static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
        static final MediaTypeRegistry REGISTRY = TikaConfig.getDefaultConfig().getMediaTypeRegistry();
    }
}
