package cn.yn.employment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The 导出 Excel button of a list: a download link whose handler writes the workbook straight to the response (the
 * list's service streams it, so no size limit and no copy in memory). {@code fileName} and {@code writer} run when the
 * user clicks, in the download request: read the list's current filter from a field the view keeps up to date, not
 * from components.
 */
public final class ExcelDownload {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ExcelDownload() {
    }

    /**
     * A file name with the day of the download: {@code pattern} is the translated name with a literal {@code {0}}
     * (translate it in the view, e.g. {@code getTranslation("x.file", "{0}")}), made safe for the header.
     */
    public static Supplier<String> dated(String pattern) {
        return () -> cn.yn.employment.common.web.DownloadFileNames.safe(
                pattern.replace("{0}", java.time.LocalDate.now(cn.yn.employment.common.time.TimeConfig.ZONE).toString()));
    }

    public static Anchor button(String id, String text, Supplier<String> fileName, Consumer<OutputStream> writer) {
        Anchor a = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName.get());
            event.setContentType(MEDIA_TYPE);
            try (OutputStream out = event.getOutputStream()) {
                writer.accept(out);
            }
        }, "");
        a.getElement().setAttribute("download", true);
        Button b = new Button(text, VaadinIcon.FILE_TABLE.create());
        b.setTabIndex(-1);
        a.add(b);
        a.setId(id);
        return a;
    }
}
