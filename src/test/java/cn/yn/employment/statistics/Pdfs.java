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

    /** The text of each page. */
    public static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /** Every page carries the issuing unit and "第 i 页 共 n 页". */
    public static void assertEveryPageHasFooter(byte[] pdf, String issuingUnit) throws IOException {
        List<String> pages = pages(pdf);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page " + (i + 1)).contains("制表单位：" + issuingUnit)
                    .containsPattern("第 " + (i + 1) + " 页\\s*共 " + pages.size() + " 页");
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
