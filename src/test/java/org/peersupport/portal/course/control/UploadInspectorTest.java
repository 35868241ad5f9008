package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Uploads are typed by their content, limited in size, and never left behind when refused. */
class UploadInspectorTest {

    private static final long TEN_MB = 10L * 1024 * 1024;

    @TempDir
    Path spool;

    private UploadInspector inspector;

    @BeforeEach
    void exerciseFileInspector() {
        inspector = new UploadInspector(TEN_MB, UploadInspector.EXERCISE_FILE_TYPES, spool);
    }

    // Accepted

    @Test
    void acceptsAPdfWithSizeAndHash() throws Exception {
        byte[] pdf = pdf();
        try (InspectedUpload upload = inspector.inspect(new ByteArrayInputStream(pdf), "notes.pdf")) {
            assertEquals("application/pdf", upload.mediaType());
            assertEquals("notes.pdf", upload.displayName());
            assertEquals(pdf.length, upload.size());
            assertEquals(sha256(pdf), upload.sha256());
            assertEquals(pdf.length, Files.size(upload.file()));
        }
    }

    @Test
    void closingDeletesTheTemporaryFile() throws Exception {
        InspectedUpload upload = inspector.inspect(new ByteArrayInputStream(pdf()), "notes.pdf");
        assertTrue(Files.exists(upload.file()));
        upload.close();
        assertFalse(Files.exists(upload.file()));
        upload.close();
        assertSpoolEmpty();
    }

    static Stream<Arguments> acceptedFiles() throws IOException {
        return Stream.of(
                Arguments.of("notes.pdf", pdf(), "application/pdf"),
                Arguments.of("picture.png", png(), "image/png"),
                Arguments.of("notes.txt", text("Notes from today's session.\n"), "text/plain"),
                Arguments.of("reflection.md", text("# Reflection\n\nWhat went *well*.\n"), "text/x-web-markdown"),
                Arguments.of("hours.csv", text("date,hours\n2025-01-01,3\n"), "text/csv"),
                Arguments.of("letter.rtf", text("{\\rtf1\\ansi Hello}"), "application/rtf"),
                Arguments.of("log.docx", ooxml("word/document.xml", true), Ooxml.DOCX),
                Arguments.of("log.xlsx", ooxml("xl/workbook.xml", true), Ooxml.XLSX),
                Arguments.of("talk.pptx", ooxml("ppt/presentation.xml", true), Ooxml.PPTX),
                Arguments.of("log.doc", ole2(), "application/msword"),
                Arguments.of("log.odt", odf("application/vnd.oasis.opendocument.text", true),
                        "application/vnd.oasis.opendocument.text"),
                Arguments.of("photo.jpg", jpeg(), "image/jpeg"),
                Arguments.of("anim.gif", text("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"), "image/gif"),
                Arguments.of("photo.webp", riff("WEBP"), "image/webp"),
                Arguments.of("talk.wav", riff("WAVE"), "audio/vnd.wave"),
                Arguments.of("talk.mp3", id3(), "audio/mpeg"),
                Arguments.of("talk.m4a", ftyp("M4A "), "audio/mp4"),
                Arguments.of("role-play.mp4", ftyp("isom"), "video/mp4"),
                Arguments.of("role-play.webm", ebml(), "video/webm"));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("acceptedFiles")
    void acceptsExerciseFilesByTheirContent(String name, byte[] content, String mediaType) throws Exception {
        try (InspectedUpload upload = inspector.inspect(new ByteArrayInputStream(content), name)) {
            assertEquals(mediaType, upload.mediaType());
        }
    }

    @Test
    void acceptsOfficeFilesWhoseMarkerEntryIsNotFirst() throws Exception {
        try (InspectedUpload docx = inspector.inspect(new ByteArrayInputStream(ooxml("word/document.xml", false)), "log.docx");
                InspectedUpload odt = inspector.inspect(
                        new ByteArrayInputStream(odf("application/vnd.oasis.opendocument.text", false)), "log.odt")) {
            assertEquals(Ooxml.DOCX, docx.mediaType());
            assertEquals("application/vnd.oasis.opendocument.text", odt.mediaType());
        }
    }

    @Test
    void contentOutranksTheNameForOfficeFiles() throws Exception {
        try (InspectedUpload upload = inspector.inspect(
                new ByteArrayInputStream(odf("application/vnd.oasis.opendocument.text", true)), "log.docx")) {
            assertEquals("application/vnd.oasis.opendocument.text", upload.mediaType());
        }
    }

    @Test
    void refusesAnOfficeZipWithoutAnOfficeName() throws IOException {
        UploadRejectedException e = refused(ooxml("word/document.xml", false), "bundle.zip");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
    }

    @Test
    void understandsAliasesInTheAllowedTypes() throws Exception {
        UploadInspector wavOnly = new UploadInspector(TEN_MB, Set.of("audio/wav"), spool);
        try (InspectedUpload upload = wavOnly.inspect(new ByteArrayInputStream(riff("WAVE")), "talk.wav")) {
            assertEquals("audio/vnd.wave", upload.mediaType());
        }
    }

    // Refused by type

    @Test
    void refusesAWindowsProgramNamedAsAPdf() {
        UploadRejectedException e = refused(windowsProgram(), "notes.pdf");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertEquals("notes.pdf is not a PDF: its content is a Windows program (application/x-msdownload)."
                + " Only documents, images, audio and video can be uploaded.", e.getMessage());
    }

    @Test
    void refusesALinuxProgramNamedAsAWordDocument() {
        UploadRejectedException e = refused(elf(), "log.docx");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().startsWith("log.docx is not a Word document: its content is a Linux program"),
                e.getMessage());
    }

    @Test
    void refusesAShellScriptNamedAsAWordDocument() {
        UploadRejectedException e = refused(text("#!/bin/sh\nrm -rf ~\n"), "log.docx");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().contains("a shell script (application/x-sh)"), e.getMessage());
    }

    @Test
    void refusesAWebPageNamedAsText() {
        UploadRejectedException e = refused(text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
                "notes.txt");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().startsWith("notes.txt is not a plain text file: its content is a web page"),
                e.getMessage());
    }

    @Test
    void refusesAnSvgNamedAsAPng() {
        UploadRejectedException e = refused(
                text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"), "picture.png");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
    }

    @Test
    void unrecognisedBytesGetNoTypeFromTheirName() {
        byte[] junk = new byte[512];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37 + 11);
        }
        UploadRejectedException e = refused(junk, "notes.pdf");
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().startsWith(
                "notes.pdf is not a PDF: its content is an unrecognised kind of file (application/octet-stream)."),
                e.getMessage());
    }

    @Test
    void refusesAZipEvenWhenNamedAsAWordDocument() throws IOException {
        byte[] zip = zip(List.of("readme.txt", "setup.exe"));
        assertEquals(UploadRejectedException.Reason.TYPE_NOT_ALLOWED, refused(zip, "log.docx").reason());
        UploadRejectedException e = refused(zip, "bundle.zip");
        assertEquals("bundle.zip is a ZIP archive (application/zip), which cannot be uploaded here."
                + " Only documents, images, audio and video can be uploaded.", e.getMessage());
    }

    @Test
    void refusesAWordDocumentWhenOnlyImagesAreAllowed() throws IOException {
        UploadInspector imagesOnly = new UploadInspector(TEN_MB, Set.of("image/png", "image/jpeg"), spool);
        UploadRejectedException e = assertThrows(UploadRejectedException.class,
                () -> imagesOnly.inspect(new ByteArrayInputStream(pdf()), "notes.pdf"));
        assertEquals("notes.pdf is a PDF (application/pdf), which cannot be uploaded here."
                + " Only images can be uploaded.", e.getMessage());
        assertSpoolEmpty();
    }

    // Refused by size

    @Test
    void refusesAnOversizeUploadWithoutReadingItAll() {
        UploadInspector small = new UploadInspector(1024 * 1024, UploadInspector.EXERCISE_FILE_TYPES, spool);
        EndlessStream endless = new EndlessStream();
        UploadRejectedException e = assertThrows(UploadRejectedException.class,
                () -> small.inspect(endless, "role-play.mp4"));
        assertEquals(UploadRejectedException.Reason.TOO_LARGE, e.reason());
        assertEquals("role-play.mp4 is over the 1 MB limit for uploads.", e.getMessage());
        assertTrue(endless.served <= 1024 * 1024 + 64 * 1024, () -> "read " + endless.served + " bytes");
        assertSpoolEmpty();
    }

    @Test
    void acceptsAnUploadOfExactlyTheLimit() throws Exception {
        byte[] content = new byte[2048];
        byte[] header = text("plain words ");
        for (int i = 0; i < content.length; i++) {
            content[i] = header[i % header.length];
        }
        UploadInspector exact = new UploadInspector(content.length, UploadInspector.EXERCISE_FILE_TYPES, spool);
        try (InspectedUpload upload = exact.inspect(new ByteArrayInputStream(content), "words.txt")) {
            assertEquals(content.length, upload.size());
        }
        byte[] oneMore = Arrays.copyOf(content, content.length + 1);
        oneMore[content.length] = 'x';
        UploadRejectedException e = assertThrows(UploadRejectedException.class,
                () -> exact.inspect(new ByteArrayInputStream(oneMore), "words.txt"));
        assertEquals("words.txt is over the 2 KB limit for uploads.", e.getMessage());
    }

    @Test
    void refusesAnEmptyUpload() {
        UploadRejectedException e = refused(new byte[0], "notes.pdf");
        assertEquals(UploadRejectedException.Reason.EMPTY, e.reason());
        assertEquals("notes.pdf is empty. Check the file on your computer and upload it again.", e.getMessage());
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertEquals("1 byte", UploadInspector.readableSize(1));
        assertEquals("850 bytes", UploadInspector.readableSize(850));
        assertEquals("12 KB", UploadInspector.readableSize(12 * 1024));
        assertEquals("10 MB", UploadInspector.readableSize(TEN_MB));
        assertEquals("12.4 MB", UploadInspector.readableSize((long) (12.4 * 1024 * 1024)));
        assertEquals("1.5 GB", UploadInspector.readableSize(3L * 512 * 1024 * 1024));
    }

    // Names

    @Test
    void displayNamesAreCleaned() {
        assertEquals("notes.pdf", UploadInspector.displayName("C:\\Users\\ann\\Desktop\\notes.pdf"));
        assertEquals("passwd", UploadInspector.displayName("../../etc/passwd"));
        assertEquals("abc.txt", UploadInspector.displayName("a\u0000b\nc\t.txt"));
        assertEquals("notesexe.pdf", UploadInspector.displayName("notes\u202Eexe.pdf"));
        assertEquals("Café notes.txt", UploadInspector.displayName("  Café notes.txt "));
        assertEquals("upload", UploadInspector.displayName(null));
        assertEquals("upload", UploadInspector.displayName(" \u0007 "));
        assertEquals("upload", UploadInspector.displayName("folder/.."));
        String longName = UploadInspector.displayName("a".repeat(300) + ".pdf");
        assertEquals(200, longName.length());
        assertTrue(longName.endsWith("a.pdf"), longName);
        String emoji = UploadInspector.displayName("\uD83D\uDE00".repeat(250));
        assertEquals(200, emoji.codePointCount(0, emoji.length()));
    }

    @Test
    void theInspectedUploadCarriesTheCleanedName() throws Exception {
        try (InspectedUpload upload = inspector.inspect(new ByteArrayInputStream(pdf()), "/tmp/x/\u0001notes.pdf")) {
            assertEquals("notes.pdf", upload.displayName());
        }
    }

    // Helpers

    private UploadRejectedException refused(byte[] content, String name) {
        UploadRejectedException e = assertThrows(UploadRejectedException.class,
                () -> inspector.inspect(new ByteArrayInputStream(content), name));
        assertSpoolEmpty();
        return e;
    }

    private void assertSpoolEmpty() {
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(List.of(), files.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] pdf() {
        return text("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    private static byte[] png() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
            1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    }

    /** A RIFF file of the given form, e.g. WAVE or WEBP. */
    private static byte[] riff(String form) {
        ByteBuffer riff = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(text("RIFF")).putInt(24).put(text(form)).put(text(form.equals("WAVE") ? "fmt " : "VP8 "));
        return riff.array();
    }

    private static byte[] id3() {
        byte[] bytes = new byte[64];
        System.arraycopy(text("ID3"), 0, bytes, 0, 3);
        bytes[3] = 3;
        return bytes;
    }

    /** An ISO media file starting with an ftyp box of the given brand. */
    private static byte[] ftyp(String brand) {
        ByteBuffer box = ByteBuffer.allocate(32);
        box.putInt(24).put(text("ftyp")).put(text(brand)).putInt(0).put(text(brand)).put(text("mp42"));
        return box.array();
    }

    private static byte[] ebml() {
        byte[] header = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01,
            0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
        return Arrays.copyOf(header, 48);
    }

    /** "MZ", a DOS header whose e_lfanew points at a "PE\0\0" signature, and some padding. */
    private static byte[] windowsProgram() {
        ByteBuffer exe = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        exe.put(text("MZ"));
        exe.position(0x3C).putInt(0x80);
        exe.position(0x80).put(text("PE")).put((byte) 0).put((byte) 0).putShort((short) 0x14c);
        return exe.array();
    }

    /** The header of an OLE2 compound file, the container of old Word, Excel and PowerPoint files. */
    private static byte[] ole2() {
        byte[] ole = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        return ole;
    }

    private static byte[] elf() {
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[16] = 2;
        return elf;
    }

    /** A minimal OOXML package; {@code [Content_Types].xml} first or last. */
    private static byte[] ooxml(String mainPart, boolean contentTypesFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (contentTypesFirst) {
                put(zip, "[Content_Types].xml", contentTypes(mainPart));
            }
            put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                    + mainPart + "\"/></Relationships>");
            put(zip, mainPart, "<?xml version=\"1.0\"?><root/>");
            if (!contentTypesFirst) {
                put(zip, "[Content_Types].xml", contentTypes(mainPart));
            }
        }
        return bytes.toByteArray();
    }

    private static String contentTypes(String mainPart) {
        return "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"application/vnd.openxmlformats-officedocument.main+xml\"/>"
                + "</Types>";
    }

    /** A minimal OpenDocument package; the stored {@code mimetype} entry first or last. */
    private static byte[] odf(String mediaType, boolean mimetypeFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (mimetypeFirst) {
                putStored(zip, "mimetype", mediaType);
            }
            put(zip, "content.xml", "<?xml version=\"1.0\"?><office:document-content "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
            put(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest/>");
            if (!mimetypeFirst) {
                putStored(zip, "mimetype", mediaType);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(List<String> names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                put(zip, name, "content of " + name);
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void putStored(ZipOutputStream zip, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /** Serves bytes for ever and counts how many were read. */
    private static final class EndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }

    /** The long OOXML type names, kept out of the argument lists. */
    private static final class Ooxml {
        static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
}
