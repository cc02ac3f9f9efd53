package cn.yn.employment.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF checks of the statistics tests (PDFBox): the text, and that every font is embedded. */
public final class Pdfs {

    private Pdfs() {
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static void assertFontsEmbedded(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            assertThat(fonts).isNotEmpty();
        }
    }
}
