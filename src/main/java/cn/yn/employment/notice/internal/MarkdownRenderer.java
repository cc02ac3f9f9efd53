package cn.yn.employment.notice.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown to safe HTML: raw HTML in the source is escaped, link and image URLs are sanitised (no javascript:). */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();

    private MarkdownRenderer() {
    }

    public static String toHtml(String markdown) {
        return "<div class=\"ems-notice-body\">" + RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)) + "</div>";
    }
}
