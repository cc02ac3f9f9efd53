package cn.yn.employment.migration.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that produces its file when clicked. */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";
    static final String CSV = "text/csv";

    private Downloads() {
    }

    static Anchor link(String id, String text, String fileName, String mime, Supplier<byte[]> bytes) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] b = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(b), fileName, mime, b.length);
        }), text);
        a.getElement().setAttribute("download", fileName);
        a.setId(id);
        return a;
    }
}
