package org.peersupport.portal.assessment.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Writes a certificate as a one-page A4 landscape PDF with OpenPDF, straight to the response: the holder's name,
 * the course, the completion date, the verification code and the address where anyone can check it. The font is
 * the Liberation Sans that OpenPDF ships, embedded, so every name prints whatever its alphabet.
 */
public final class CertificatePdf {

    private static final String BUNDLE = "org.peersupport.portal.i18n.messages";
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final Color INK = new Color(0x1d, 0x2a, 0x33);
    private static final Color BRAND = new Color(0x00, 0x52, 0x6e);
    private static final DateTimeFormatter DATE = UkTime.DATE;

    private static volatile byte[] fontBytes;

    private CertificatePdf() {
    }

    /** One certificate. {@code verificationUrl} is the public page's address including the code. */
    public static void write(String holderName, String courseTitle, LocalDate completedOn, String code,
            String verificationUrl, OutputStream out) {
        ResourceBundle text = ResourceBundle.getBundle(BUNDLE, Locale.UK);
        Document document = new Document(PageSize.A4.rotate(), 72, 72, 64, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null);
            document.addTitle(format(text, "certificate.pdf.documentTitle", courseTitle, holderName));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
            document.addCreator(text.getString("portal.name"));
            document.open();
            border(writer.getDirectContent(), document.getPageSize());

            document.add(centred(text.getString("portal.name"), new Font(base, 14, Font.NORMAL, BRAND), 0, 36));
            document.add(centred(text.getString("certificate.pdf.heading"), new Font(base, 36, Font.NORMAL, BRAND), 0, 28));
            document.add(centred(text.getString("certificate.pdf.certifies"), new Font(base, 16, Font.NORMAL, INK), 0, 12));
            document.add(centred(holderName, new Font(base, 30, Font.NORMAL, INK), 0, 12));
            document.add(centred(text.getString("certificate.pdf.completed"), new Font(base, 16, Font.NORMAL, INK), 0, 12));
            document.add(centred(courseTitle, new Font(base, 24, Font.NORMAL, INK), 0, 12));
            document.add(centred(format(text, "certificate.pdf.on", DATE.format(completedOn)),
                    new Font(base, 16, Font.NORMAL, INK), 0, 40));
            document.add(centred(format(text, "certificate.pdf.code", VerificationCodes.display(code)),
                    new Font(base, 14, Font.NORMAL, INK), 0, 6));
            document.add(centred(format(text, "certificate.pdf.check", verificationUrl),
                    new Font(base, 11, Font.NORMAL, INK), 0, 0));
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the certificate could not be written", e);
        }
    }

    private static Paragraph centred(String content, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(content, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    private static void border(PdfContentByte canvas, Rectangle page) {
        canvas.saveState();
        canvas.setColorStroke(BRAND);
        canvas.setLineWidth(4f);
        canvas.rectangle(28, 28, page.getWidth() - 56, page.getHeight() - 56);
        canvas.stroke();
        canvas.setLineWidth(1f);
        canvas.rectangle(38, 38, page.getWidth() - 76, page.getHeight() - 76);
        canvas.stroke();
        canvas.restoreState();
    }

    private static String format(ResourceBundle text, String key, Object... arguments) {
        return new MessageFormat(text.getString(key), Locale.UK).format(arguments);
    }

    private static byte[] font() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is missing from OpenPDF");
                }
                bytes = in.readAllBytes();
                fontBytes = bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
