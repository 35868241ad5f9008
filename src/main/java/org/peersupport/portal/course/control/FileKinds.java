package org.peersupport.portal.course.control;

import static org.peersupport.portal.course.control.UploadContentType.DOCX;
import static org.peersupport.portal.course.control.UploadContentType.ODP;
import static org.peersupport.portal.course.control.UploadContentType.ODS;
import static org.peersupport.portal.course.control.UploadContentType.ODT;
import static org.peersupport.portal.course.control.UploadContentType.PPTX;
import static org.peersupport.portal.course.control.UploadContentType.XLSX;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.tika.mime.MediaType;

/** Names kinds of file as a coordinator would call them ("a Word document"), for the message that refuses an upload. */
final class FileKinds {

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

    private FileKinds() {
    }

    /**
     * Why an upload of a type not allowed is refused: what its content is and, when its name
     * claims another kind, that it is not that kind.
     *
     * @param allowedKinds the kinds that may be uploaded, as {@link #describe} gives them
     */
    static String notAllowedMessage(String displayName, MediaType detected, String allowedKinds) {
        String actual = KINDS.getOrDefault(detected.toString(), "another kind of file");
        String only = " Only " + allowedKinds + " can be uploaded.";
        String claimedKind = KINDS.get(UploadContentType.byName(displayName).toString());
        if (claimedKind != null && !claimedKind.equals(actual)) {
            return displayName + " is not " + claimedKind + ": its content is " + actual
                    + " (" + detected + ")." + only;
        }
        return displayName + " is " + actual + " (" + detected + "), which cannot be uploaded here." + only;
    }

    /** The broad kinds among the types, e.g. "documents, images and audio". */
    static String describe(Set<MediaType> types) {
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
}
