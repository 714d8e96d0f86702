package vn.friendlygov.notification.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.friendlygov.common.text.VietnameseText;

/**
 * Renders a letter in the Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP): issuing body and number at the
 * top left, the national heading and place-and-date at the top right, the title, the addressee, the text, the
 * signature block. The DejaVu font (a jar from Maven Central) is embedded, so every diacritic renders anywhere.
 */
public final class LetterPdf {

    /** Everything printed on the letter, already worded. */
    public record Content(String issuerLine1, String issuerLine2, String numberLine, String placeAndDate,
            String heading, String addressee, String address, String body, String signerCapacity, String signerTitle,
            String signerName) {
    }

    public static final String NATIONAL_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String NATIONAL_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final float LEFT_CENTRE = 150;
    private static final float RIGHT_CENTRE = 410;
    private static final float MARGIN_LEFT = 70;
    private static final float MARGIN_RIGHT = 50;

    private LetterPdf() {
    }

    public static byte[] render(Content c) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = font(doc, "DejaVuSans.ttf");
            PDType0Font bold = font(doc, "DejaVuSansCondensed-Bold.ttf");
            PDType0Font italic = font(doc, "DejaVuSans-Oblique.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = 790;
                centred(s, regular, 11, LEFT_CENTRE, y, c.issuerLine1());
                centred(s, bold, 11, RIGHT_CENTRE, y, NATIONAL_1);
                y -= 15;
                centred(s, bold, 11, LEFT_CENTRE, y, c.issuerLine2());
                centred(s, bold, 12, RIGHT_CENTRE, y, NATIONAL_2);
                y -= 25;
                centred(s, regular, 11, LEFT_CENTRE, y, c.numberLine());
                centred(s, italic, 11, RIGHT_CENTRE, y, c.placeAndDate());
                y -= 45;
                centred(s, bold, 14, width / 2, y, c.heading());
                y -= 30;
                centred(s, regular, 12, width / 2, y, c.addressee());
                if (c.address() != null && !c.address().isBlank()) {
                    y -= 16;
                    centred(s, italic, 11, width / 2, y, c.address());
                }
                y -= 30;
                for (String paragraph : c.body().split("\n")) {
                    for (String line : wrap(regular, 12, paragraph.strip(), width - MARGIN_LEFT - MARGIN_RIGHT)) {
                        text(s, regular, 12, MARGIN_LEFT, y, line);
                        y -= 17;
                    }
                    y -= 6;
                }
                y -= 20;
                centred(s, bold, 12, RIGHT_CENTRE, y, c.signerCapacity());
                y -= 16;
                centred(s, bold, 12, RIGHT_CENTRE, y, c.signerTitle());
                if (c.signerName() != null && !c.signerName().isBlank()) {
                    y -= 70;
                    centred(s, bold, 12, RIGHT_CENTRE, y, c.signerName());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("letter could not be rendered", e);
        }
    }

    /** Upper case the Vietnamese way, for the issuing body's name ("Phù Liễn" → "PHÙ LIỄN"). */
    public static String upper(String s) {
        return VietnameseText.nfc(s.toUpperCase(Locale.forLanguageTag("vi")));
    }

    static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, size, candidate) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static PDType0Font font(PDDocument doc, String file) throws IOException {
        try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IOException("font " + file + " is not on the classpath (jasperreports-fonts)");
            }
            return PDType0Font.load(doc, in);
        }
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void centred(PDPageContentStream s, PDType0Font font, float size, float centre, float y, String text)
            throws IOException {
        text(s, font, size, centre - width(font, size, text) / 2, y, text);
    }

    private static void text(PDPageContentStream s, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(VietnameseText.nfc(text));
        s.endText();
    }
}
