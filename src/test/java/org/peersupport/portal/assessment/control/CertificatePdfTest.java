package org.peersupport.portal.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The certificate PDF and verification codes, without a server. */
class CertificatePdfTest {

    @Test
    void issue5_theCertificateSaysWhoCompletedWhatWhenAndHowToCheckItWhateverTheAlphabetOfTheName() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CertificatePdf.write("Zoë Łukasiewicz-Ó Briain", "Peer2Peer", LocalDate.of(2026, 11, 23), "7KQ2MXH9TR",
                "https://portal.trust.nhs.uk/portal/verify.xhtml?code=7KQ2MXH9TR", pdf);
        Path file = Path.of(System.getProperty("portal.build.directory", "target"), "screenshots", "certificate.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf.toByteArray());
        PdfReader reader = new PdfReader(pdf.toByteArray());
        assertEquals(1, reader.getNumberOfPages());
        assertTrue(reader.getPageSizeWithRotation(1).getWidth() > reader.getPageSizeWithRotation(1).getHeight(), "landscape");
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        for (String expected : new String[] {"Certificate of completion", "Zoë Łukasiewicz-Ó Briain", "Peer2Peer",
                "on 23 November 2026", "Verification code: 7KQ2M-XH9TR",
                "https://portal.trust.nhs.uk/portal/verify.xhtml?code=7KQ2MXH9TR"}) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
    }

    @Test
    void issue5_codesAreTenUnambiguousCharactersAndAreReadHoweverTheyAreTyped() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCodes.generate();
            assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"), code);
            codes.add(code);
        }
        assertEquals(10_000, codes.size(), "no repeats in ten thousand");
        assertEquals(Optional.of("7KQ2MXH9TR"), VerificationCodes.normalise(" 7kq2m-xh9tr "));
        assertEquals(Optional.of("7KQ2MXH9TR"), VerificationCodes.normalise("7KQ2M XH9TR"));
        assertEquals(Optional.empty(), VerificationCodes.normalise("7KQ2M-XH9T0"), "0 is never in a code");
        assertEquals(Optional.empty(), VerificationCodes.normalise("7KQ2M"));
        assertEquals(Optional.empty(), VerificationCodes.normalise(null));
        assertEquals("7KQ2M-XH9TR", VerificationCodes.display("7KQ2MXH9TR"));
        assertEquals(64, VerificationCodes.sha256("7KQ2MXH9TR").length());
        assertNotEquals(VerificationCodes.sha256("7KQ2MXH9TR"), VerificationCodes.sha256("7KQ2MXH9TS"));
    }
}
