package cn.yn.employment.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names from request data cannot split a header or outgrow it. */
class DownloadFileNamesTest {

    @Test
    void keepsOrdinaryNamesAsTheyAre() {
        assertThat(DownloadFileNames.safe("summary-city-2026-10-530100.pdf")).isEqualTo("summary-city-2026-10-530100.pdf");
        assertThat(DownloadFileNames.safe("汇总表-2026-10.xlsx")).isEqualTo("汇总表-2026-10.xlsx");
    }

    @Test
    void replacesSeparatorsControlsAndQuotes() {
        assertThat(DownloadFileNames.safe("a\r\nSet-Cookie: x=\"1\"/../b.pdf")).isEqualTo("a__Set-Cookie__x__1__.._b.pdf");
        assertThat(DownloadFileNames.safe("..hidden")).isEqualTo("_hidden");
        assertThat(DownloadFileNames.safe("  ")).isEqualTo("download");
    }

    @Test
    void cutsLongNamesKeepingTheExtension() {
        String name = DownloadFileNames.safe("summary-city-2026-10-" + "5".repeat(4000) + ".pdf");
        assertThat(name).hasSize(DownloadFileNames.MAX_LENGTH).startsWith("summary-city-2026-10-555").endsWith(".pdf");
    }
}
